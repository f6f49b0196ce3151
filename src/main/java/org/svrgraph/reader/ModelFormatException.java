package org.svrgraph.reader;

import java.io.IOException;
import java.nio.file.Path;

/** Thrown when a model file is invalid, truncated or unsupported; the message names the file. */
public class ModelFormatException extends IOException {

    public ModelFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public ModelFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}

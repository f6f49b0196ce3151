package org.svrgraph.reader;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one model file format as data; a reader never executes code found in a file. */
public interface ModelReader {

    /** The format's name, such as {@code safetensors}. */
    String format();

    /** Returns whether this reader handles the file, judged by its name and, if needed, its first bytes. */
    boolean accepts(Path file) throws IOException;

    /**
     * Reads every tensor of the file.
     *
     * @throws ModelFormatException when the file is not valid for this format; the message names
     *     the file and the problem
     * @throws IOException when the file cannot be read
     */
    ModelContents read(Path file) throws IOException;
}

package org.svrgraph.reader.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the first bytes of a file, for format detection by magic bytes. */
public final class FileHeads {

    private FileHeads() {
    }

    /** Returns up to {@code length} bytes from the start of the file; fewer when the file is shorter. */
    public static byte[] read(Path file, int length) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(length);
        }
    }

    /** Returns the file's name in lower case, for extension checks. */
    public static String lowerName(Path file) {
        Path name = file.getFileName();
        return name == null ? "" : name.toString().toLowerCase(java.util.Locale.ROOT);
    }
}

package org.svrgraph.reader.numpy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.svrgraph.reader.ModelContents;
import org.svrgraph.reader.ModelReader;
import org.svrgraph.reader.Tensor;
import org.svrgraph.reader.data.FileHeads;

/** Reads a single NumPy .npy array as a model of one tensor, named after the file. */
public final class NpyReader implements ModelReader {

    @Override
    public String format() {
        return "npy";
    }

    @Override
    public boolean accepts(Path file) throws IOException {
        byte[] head = FileHeads.read(file, 6);
        return FileHeads.lowerName(file).endsWith(".npy")
                || head.length == 6 && (head[0] & 0xFF) == 0x93 && new String(head, 1, 5).equals("NUMPY");
    }

    @Override
    public ModelContents read(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(".npy") ? fileName.substring(0, fileName.length() - 4) : fileName;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            Tensor tensor = NpyArray.read(in, Files.size(file), file, name);
            return new ModelContents(file, format(), List.of(tensor), List.of());
        }
    }
}

package org.svrgraph.reader.numpy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svrgraph.reader.ModelContents;
import org.svrgraph.reader.ModelFormatException;
import org.svrgraph.reader.ModelReader;
import org.svrgraph.reader.Tensor;
import org.svrgraph.reader.data.FileHeads;
import org.svrgraph.reader.data.ZipArchive;

/**
 * Reads a NumPy .npz archive (the zip of .npy arrays that {@code numpy.savez} and
 * {@code numpy.savez_compressed} write, entries stored or deflated). Each entry {@code NAME.npy}
 * becomes the tensor {@code NAME}, in archive order, with its values in PyTorch layout as stored.
 */
public final class NpzReader implements ModelReader {

    private static final Logger LOG = LoggerFactory.getLogger(NpzReader.class);

    @Override
    public String format() {
        return "npz";
    }

    @Override
    public boolean accepts(Path file) throws IOException {
        if (FileHeads.lowerName(file).endsWith(".npz")) {
            return true;
        }
        if (!ZipArchive.hasZipMagic(file)) {
            return false;
        }
        try (ZipArchive zip = ZipArchive.open(file)) {
            List<String> names = zip.entryNames();
            return !names.isEmpty() && names.stream().allMatch(n -> n.endsWith(".npy"));
        } catch (ModelFormatException e) {
            return false;
        }
    }

    @Override
    public ModelContents read(Path file) throws IOException {
        long started = System.nanoTime();
        List<Tensor> tensors = new ArrayList<>();
        try (ZipArchive zip = ZipArchive.open(file)) {
            for (String entry : zip.entryNames()) {
                if (entry.endsWith("/")) {
                    continue;
                }
                if (!entry.endsWith(".npy")) {
                    throw new ModelFormatException(file, "npz entry '" + entry + "' is not an .npy array");
                }
                tensors.add(readEntry(zip, entry));
            }
        }
        if (tensors.isEmpty()) {
            throw new ModelFormatException(file, "npz archive contains no .npy arrays");
        }
        LOG.info("Read {} arrays from {} in {} ms", tensors.size(), file, (System.nanoTime() - started) / 1_000_000);
        return new ModelContents(file, format(), tensors, List.of());
    }

    private static Tensor readEntry(ZipArchive zip, String entry) throws IOException {
        String name = entry.substring(0, entry.length() - ".npy".length());
        long size = zip.size(entry);
        try (InputStream in = new BufferedInputStream(zip.open(entry))) {
            return NpyArray.read(in, size, zip.file(), name);
        } catch (ZipException e) {
            throw new ModelFormatException(zip.file(), "npz entry '" + entry + "' is corrupted: " + e.getMessage());
        }
    }
}

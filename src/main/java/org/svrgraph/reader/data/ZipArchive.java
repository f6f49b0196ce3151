package org.svrgraph.reader.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.svrgraph.reader.ModelFormatException;

/**
 * A zip container (npz, PyTorch) opened for reading entries by name, with each entry's declared
 * size checked against what the archive can really contain before a reader trusts it.
 */
public final class ZipArchive implements AutoCloseable {

    /**
     * Largest ratio of uncompressed to compressed size that deflate can produce (about 1032:1),
     * with margin. An entry that declares more is corrupt or a zip bomb.
     */
    private static final long MAX_DEFLATE_RATIO = 1100;

    private final Path file;
    private final ZipFile zip;
    private final long fileSize;

    private ZipArchive(Path file, ZipFile zip, long fileSize) {
        this.file = file;
        this.zip = zip;
        this.fileSize = fileSize;
    }

    /** Opens a zip file, turning a malformed archive into a ModelFormatException. */
    public static ZipArchive open(Path file) throws IOException {
        long size = Files.size(file);
        try {
            return new ZipArchive(file, new ZipFile(file.toFile()), size);
        } catch (ZipException | java.io.EOFException e) {
            throw new ModelFormatException(file, "not a valid zip archive (" + e
                    + "); the file may be truncated or corrupted");
        }
    }

    /** Returns whether a file starts with the zip local-header signature {@code PK\3\4}. */
    public static boolean hasZipMagic(Path file) throws IOException {
        byte[] head = FileHeads.read(file, 4);
        return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /** Returns the archive's file, for messages. */
    public Path file() {
        return file;
    }

    /** Entry names in archive order. */
    public List<String> entryNames() {
        List<String> names = new ArrayList<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
            names.add(entry.getName());
        }
        return names;
    }

    /** Returns whether the archive has an entry of this name. */
    public boolean contains(String name) {
        return zip.getEntry(name) != null;
    }

    /**
     * Returns the uncompressed size an entry declares, after checking that the archive can hold
     * it: a stored entry must fit in the file, a deflated one within deflate's maximum ratio.
     */
    public long size(String name) throws ModelFormatException {
        ZipEntry entry = entry(name);
        long size = entry.getSize();
        long compressed = entry.getCompressedSize();
        if (size < 0 || compressed < 0) {
            throw new ModelFormatException(file, "zip entry '" + name + "' does not declare its size");
        }
        if (compressed > fileSize) {
            throw new ModelFormatException(file, "zip entry '" + name + "' declares " + compressed
                    + " compressed bytes but the file has only " + fileSize);
        }
        boolean stored = entry.getMethod() == ZipEntry.STORED;
        if (stored ? size != compressed : size > compressed * MAX_DEFLATE_RATIO + 1024) {
            throw new ModelFormatException(file, "zip entry '" + name + "' declares " + size
                    + " bytes from " + compressed + " compressed bytes, which its compression cannot produce;"
                    + " the archive is corrupted");
        }
        return size;
    }

    /** Opens an entry's uncompressed data; callers read at most {@link #size(String)} bytes. */
    public InputStream open(String name) throws IOException {
        try {
            return zip.getInputStream(entry(name));
        } catch (ZipException e) {
            throw new ModelFormatException(file, "cannot read zip entry '" + name + "': " + e.getMessage());
        }
    }

    /** Reads a whole entry, which must be at most {@code maxBytes} long. */
    public byte[] readAll(String name, long maxBytes) throws IOException {
        long size = size(name);
        if (size > maxBytes) {
            throw new ModelFormatException(file, "zip entry '" + name + "' declares " + size
                    + " bytes, more than the " + maxBytes + " this reader accepts for it");
        }
        byte[] bytes = new byte[(int) size];
        try (InputStream in = open(name)) {
            TensorData.readFully(in, bytes, bytes.length);
        } catch (java.io.EOFException | ZipException e) {
            throw new ModelFormatException(file, "zip entry '" + name + "' is shorter than its declared "
                    + size + " bytes; the file is truncated or corrupted");
        }
        return bytes;
    }

    private ZipEntry entry(String name) throws ModelFormatException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new ModelFormatException(file, "zip entry '" + name + "' is missing");
        }
        return entry;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}

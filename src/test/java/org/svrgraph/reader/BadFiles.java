package org.svrgraph.reader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Builds valid and deliberately broken model files byte by byte for the reader tests. */
final class BadFiles {

    private BadFiles() {
    }

    /** Copies one array of an npz fixture into a standalone temporary .npy file. */
    static Path npy(Path npz, String name) throws IOException {
        Path target = Files.createTempDirectory("npy").resolve(name + ".npy");
        try (ZipFile zip = new ZipFile(npz.toFile())) {
            Files.write(target, zip.getInputStream(zip.getEntry(name + ".npy")).readAllBytes());
        }
        target.toFile().deleteOnExit();
        return target;
    }

    /** An .npy array of format version 1 (2-byte header length) or 2 (4-byte). */
    static byte[] npyBytes(int version, String descr, String shape, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int prefix = version == 1 ? 10 : 12;
        int padded = (prefix + dict.length() + 1 + 63) / 64 * 64 - prefix;
        String header = dict + " ".repeat(padded - dict.length() - 1) + "\n";
        ByteBuffer out = ByteBuffer.allocate(prefix + padded + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
        if (version == 1) {
            out.putShort((short) padded);
        } else {
            out.putInt(padded);
        }
        out.put(header.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        return out.array();
    }

    /** Little-endian float32 bytes of {@code count} values 0, 1, 2, ... */
    static byte[] float32s(int count) {
        ByteBuffer out = ByteBuffer.allocate(4 * count).order(ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < count; k++) {
            out.putFloat(k);
        }
        return out.array();
    }

    /** Writes a zip of the given entries, each stored (uncompressed) or deflated. */
    static Path zip(Path target, boolean deflate, Object... namesAndBytes) throws IOException {
        try (OutputStream file = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (int k = 0; k < namesAndBytes.length; k += 2) {
                byte[] bytes = (byte[]) namesAndBytes[k + 1];
                ZipEntry entry = new ZipEntry((String) namesAndBytes[k]);
                if (!deflate) {
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(bytes.length);
                    entry.setCompressedSize(bytes.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return target;
    }

    /** Builds a safetensors file with the given header JSON (padded to 8 bytes) and data bytes. */
    static byte[] safetensors(String headerJson, byte[] data) {
        byte[] header = headerJson.getBytes(StandardCharsets.UTF_8);
        int padded = (header.length + 7) / 8 * 8;
        ByteBuffer out = ByteBuffer.allocate(8 + padded + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded).put(header);
        for (int k = header.length; k < padded; k++) {
            out.put((byte) ' ');
        }
        return out.put(data).array();
    }

    /** Writes the first {@code fraction} of a file's bytes to a new file. */
    static Path truncated(Path source, Path target, double fraction) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        return Files.write(target, Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
    }

    /** Returns a copy of the bytes with the first occurrence of {@code from} replaced by {@code to}. */
    static byte[] replace(byte[] bytes, String from, String to) {
        byte[] pattern = from.getBytes(StandardCharsets.ISO_8859_1);
        byte[] replacement = to.getBytes(StandardCharsets.ISO_8859_1);
        for (int at = 0; at + pattern.length <= bytes.length; at++) {
            if (Arrays.equals(bytes, at, at + pattern.length, pattern, 0, pattern.length)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(bytes, 0, at);
                out.writeBytes(replacement);
                out.write(bytes, at + pattern.length, bytes.length - at - pattern.length);
                return out.toByteArray();
            }
        }
        throw new IllegalArgumentException("'" + from + "' not found");
    }
}

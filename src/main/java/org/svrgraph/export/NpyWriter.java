package org.svrgraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes float64 arrays in NumPy's .npy format (version 1.0, little-endian {@code <f8}, C order), so
 * that {@code numpy.load} reads them directly.
 */
public final class NpyWriter {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    /** The header, magic and length field included, is padded to a multiple of 64 bytes. */
    private static final int HEADER_ALIGNMENT = 64;

    private NpyWriter() {
    }

    /** Writes a 1-D array. */
    public static void write(Path file, double[] values) throws IOException {
        write(file, values, new int[] {values.length});
    }

    /** Writes row-major {@code values} with the given shape. */
    public static void write(Path file, double[] values, int[] shape) throws IOException {
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        if (count != values.length) {
            throw new IllegalArgumentException("Shape " + java.util.Arrays.toString(shape) + " needs " + count
                    + " values, got " + values.length);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header(shape));
            ByteBuffer buffer = ByteBuffer.allocate(8 * 8192).order(ByteOrder.LITTLE_ENDIAN);
            for (double value : values) {
                if (!buffer.hasRemaining()) {
                    out.write(buffer.array(), 0, buffer.position());
                    buffer.clear();
                }
                buffer.putDouble(value);
            }
            out.write(buffer.array(), 0, buffer.position());
        }
    }

    private static byte[] header(int[] shape) {
        StringBuilder shapeText = new StringBuilder("(");
        for (int d = 0; d < shape.length; d++) {
            shapeText.append(shape[d]).append(shape.length == 1 || d + 1 < shape.length ? "," : "");
            if (d + 1 < shape.length) {
                shapeText.append(' ');
            }
        }
        shapeText.append(')');
        String dictionary = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shapeText + ", }";
        int unpadded = MAGIC.length + 2 + dictionary.length() + 1;
        int padding = (HEADER_ALIGNMENT - unpadded % HEADER_ALIGNMENT) % HEADER_ALIGNMENT;
        String text = dictionary + " ".repeat(padding) + "\n";
        byte[] textBytes = text.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer header = ByteBuffer.allocate(MAGIC.length + 2 + textBytes.length).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).putShort((short) textBytes.length).put(textBytes);
        return header.array();
    }
}

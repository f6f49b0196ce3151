package org.svrgraph.reader.numpy;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.svrgraph.reader.ModelFormatException;
import org.svrgraph.reader.data.ElementType;
import org.svrgraph.reader.data.TensorData;

/**
 * The header of an .npy array: magic {@code \x93NUMPY}, version, header length (2 bytes in
 * version 1, 4 bytes in versions 2 and 3), then a Python dict literal with {@code descr},
 * {@code fortran_order} and {@code shape}.
 *
 * @param descr the numpy type string, such as {@code <f4}
 * @param type the element type of {@code descr}
 * @param order the byte order of {@code descr}
 * @param fortranOrder whether the data is column-major
 * @param shape the array's dimensions
 * @param headerBytes bytes from the start of the array to its data
 */
record NpyHeader(String descr, ElementType type, ByteOrder order, boolean fortranOrder, long[] shape,
        long headerBytes) {

    /** Header lengths beyond this are rejected; numpy itself writes headers of well under 1 KiB. */
    private static final int MAX_HEADER_BYTES = 1 << 20;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** Numpy type codes this reader decodes; the descr's first character gives the byte order. */
    private static final Map<String, ElementType> TYPES = Map.of(
            "f2", ElementType.FLOAT16, "f4", ElementType.FLOAT32, "f8", ElementType.FLOAT64,
            "i1", ElementType.INT8, "u1", ElementType.UINT8, "i2", ElementType.INT16,
            "i4", ElementType.INT32, "i8", ElementType.INT64, "b1", ElementType.BOOL);

    /**
     * Reads a header from the start of an array that is {@code arrayBytes} long in total.
     *
     * @param name the array's name, for messages
     */
    static NpyHeader read(InputStream in, long arrayBytes, Path file, String name) throws IOException {
        byte[] prefix = new byte[10];
        try {
            TensorData.readFully(in, prefix, 8);
        } catch (EOFException e) {
            throw new ModelFormatException(file, "array '" + name + "' is shorter than an .npy header");
        }
        if (!Arrays.equals(Arrays.copyOf(prefix, 6), MAGIC)) {
            throw new ModelFormatException(file, "array '" + name + "' does not start with the .npy magic \\x93NUMPY");
        }

        int major = prefix[6];
        long headerLength;
        long start;
        try {
            if (major == 1) {
                TensorData.readFully(in, prefix, 2);
                headerLength = (prefix[0] & 0xFF) | (prefix[1] & 0xFF) << 8;
                start = 10;
            } else if (major == 2 || major == 3) {
                TensorData.readFully(in, prefix, 4);
                headerLength = (prefix[0] & 0xFFL) | (prefix[1] & 0xFFL) << 8 | (prefix[2] & 0xFFL) << 16
                        | (prefix[3] & 0xFFL) << 24;
                start = 12;
            } else {
                throw new ModelFormatException(file, "array '" + name + "' has .npy format version " + major
                        + "; versions 1, 2 and 3 are supported");
            }
        } catch (EOFException e) {
            throw new ModelFormatException(file, "array '" + name + "' ends inside its .npy header");
        }

        if (headerLength > MAX_HEADER_BYTES || start + headerLength > arrayBytes) {
            throw new ModelFormatException(file, "array '" + name + "' declares a header of " + headerLength
                    + " bytes, but the array has " + arrayBytes + " bytes in total");
        }
        byte[] text = new byte[(int) headerLength];
        try {
            TensorData.readFully(in, text, text.length);
        } catch (EOFException e) {
            throw new ModelFormatException(file, "array '" + name + "' ends inside its .npy header");
        }
        // Version 3 allows UTF-8 in the header; versions 1 and 2 are latin-1, a subset for what we read.
        String dict = new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return parse(dict, start + headerLength, file, name);
    }

    private static NpyHeader parse(String dict, long headerBytes, Path file, String name)
            throws ModelFormatException {
        Object literal;
        try {
            literal = PythonLiteral.parse(dict);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file, "array '" + name + "' has an invalid .npy header ("
                    + e.getMessage() + "): " + abbreviate(dict));
        }
        if (!(literal instanceof Map<?, ?> map) || !(map.get("descr") instanceof String descr)
                || !(map.get("fortran_order") instanceof Boolean fortran) || !(map.get("shape") instanceof List<?> dims)) {
            throw new ModelFormatException(file, "array '" + name + "' has an .npy header without descr,"
                    + " fortran_order and shape: " + abbreviate(dict));
        }
        long[] shape = new long[dims.size()];
        for (int d = 0; d < shape.length; d++) {
            if (!(dims.get(d) instanceof Long dim)) {
                throw new ModelFormatException(file, "array '" + name + "' has a non-integer shape " + dims);
            }
            shape[d] = dim;
        }
        ElementType type = descr.length() == 3 ? TYPES.get(descr.substring(1)) : null;
        char orderMark = descr.isEmpty() ? '?' : descr.charAt(0);
        if (type == null || "<>|=".indexOf(orderMark) < 0) {
            throw new ModelFormatException(file, "array '" + name + "' has unsupported dtype '" + descr
                    + "'; supported: <f2, <f4, <f8 (and the integer types i1 u1 i2 i4 i8 b1), either byte order");
        }
        ByteOrder order = orderMark == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        return new NpyHeader(descr, type, order, fortran, shape, headerBytes);
    }

    private static String abbreviate(String text) {
        String line = text.strip();
        return line.length() <= 120 ? line : line.substring(0, 120) + "...";
    }
}

package org.svrgraph.reader.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import org.svrgraph.reader.ModelFormatException;

/**
 * Checks declared tensor sizes against the bytes a file really has, and decodes element data in
 * chunks, so that a corrupted header fails with a message before any large allocation.
 */
public final class TensorData {

    /** Largest element count a Java array can hold. */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private static final int CHUNK_BYTES = 1 << 16;

    private TensorData() {
    }

    /**
     * Returns the element count of a shape, rejecting negative dimensions and counts that do not
     * fit in a Java array.
     */
    public static long elementCount(Path file, String tensor, long[] shape) throws ModelFormatException {
        long count = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new ModelFormatException(file, "tensor '" + tensor + "' has a negative dimension in shape "
                        + Arrays.toString(shape));
            }
            if (d != 0 && count > MAX_ELEMENTS / d) {
                throw new ModelFormatException(file, "tensor '" + tensor + "' has shape " + Arrays.toString(shape)
                        + ", more than " + MAX_ELEMENTS + " elements");
            }
            count *= d;
        }
        return count;
    }

    /** Converts a shape to int dimensions; callers check the element count first. */
    public static int[] toIntShape(long[] shape) {
        int[] dims = new int[shape.length];
        for (int d = 0; d < shape.length; d++) {
            dims[d] = Math.toIntExact(shape[d]);
        }
        return dims;
    }

    /**
     * Allocates the float64 array for a tensor, failing with a message instead of an
     * OutOfMemoryError when the heap cannot hold it. Callers check the count against the file first,
     * so only a real tensor of that size gets here.
     */
    public static double[] allocate(Path file, String tensor, long count) throws ModelFormatException {
        try {
            return new double[(int) count];
        } catch (OutOfMemoryError e) {
            // A single failed array allocation leaves the heap as it was, so reading can stop cleanly.
            throw new ModelFormatException(file, "tensor '" + tensor + "' needs " + (count * Double.BYTES >> 20)
                    + " MiB as float64, more than the JVM heap has free (maximum "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB); raise it with -Xmx, for example"
                    + " SVR_JAVA_OPTS=-Xmx16g");
        }
    }

    /** Decodes {@code values.length} elements from a stream that must hold at least that many. */
    public static void decode(InputStream in, ElementType type, ByteOrder order, double[] values,
            Path file, String tensor) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK_BYTES - CHUNK_BYTES % type.byteSize()).order(order);
        int done = 0;
        while (done < values.length) {
            int count = Math.min(values.length - done, buffer.capacity() / type.byteSize());
            int bytes = count * type.byteSize();
            try {
                readFully(in, buffer.array(), bytes);
            } catch (EOFException e) {
                throw new ModelFormatException(file, "data of tensor '" + tensor + "' ends after "
                        + (long) done * type.byteSize() + " of " + (long) values.length * type.byteSize() + " bytes");
            }
            buffer.clear();
            type.decode(buffer, values, done, count);
            done += count;
        }
    }

    /** Decodes {@code values.length} elements from a file channel, starting at {@code position}. */
    public static void decode(FileChannel channel, long position, ElementType type, ByteOrder order,
            double[] values, Path file, String tensor) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK_BYTES - CHUNK_BYTES % type.byteSize()).order(order);
        int done = 0;
        long at = position;
        while (done < values.length) {
            int count = Math.min(values.length - done, buffer.capacity() / type.byteSize());
            buffer.clear().limit(count * type.byteSize());
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, at + buffer.position()) < 0) {
                    throw new ModelFormatException(file, "data of tensor '" + tensor + "' ends at byte "
                            + (at + buffer.position()) + ", before its declared end");
                }
            }
            buffer.flip();
            type.decode(buffer, values, done, count);
            done += count;
            at += (long) count * type.byteSize();
        }
    }

    /** Reads exactly {@code length} bytes into {@code target}, or throws EOFException. */
    public static void readFully(InputStream in, byte[] target, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = in.read(target, done, length - done);
            if (n < 0) {
                throw new EOFException();
            }
            done += n;
        }
    }
}

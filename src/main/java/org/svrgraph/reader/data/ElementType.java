package org.svrgraph.reader.data;

import java.nio.ByteBuffer;

/**
 * Element types that model files store tensors in, with their width and the conversion of one
 * element to double. Integer types appear in state dicts (BatchNorm's {@code num_batches_tracked}),
 * so they are read too, although no linear map uses them.
 */
public enum ElementType {
    FLOAT16(2),
    BFLOAT16(2),
    FLOAT32(4),
    FLOAT64(8),
    INT8(1),
    UINT8(1),
    INT16(2),
    INT32(4),
    INT64(8),
    BOOL(1);

    private final int byteSize;

    ElementType(int byteSize) {
        this.byteSize = byteSize;
    }

    /** Width of one element in bytes. */
    public int byteSize() {
        return byteSize;
    }

    /** Returns whether the type is a floating-point type, the only kind a weight tensor can have. */
    public boolean isFloatingPoint() {
        return this == FLOAT16 || this == BFLOAT16 || this == FLOAT32 || this == FLOAT64;
    }

    /**
     * Decodes {@code count} elements from {@code source}, in the buffer's byte order, into
     * {@code target} starting at {@code offset}.
     */
    public void decode(ByteBuffer source, double[] target, int offset, int count) {
        int end = offset + count;
        switch (this) {
            case FLOAT16 -> {
                for (int k = offset; k < end; k++) {
                    target[k] = Float.float16ToFloat(source.getShort());
                }
            }
            case BFLOAT16 -> {
                // bfloat16 is the upper half of a float32's bits.
                for (int k = offset; k < end; k++) {
                    target[k] = Float.intBitsToFloat((source.getShort() & 0xFFFF) << 16);
                }
            }
            case FLOAT32 -> {
                for (int k = offset; k < end; k++) {
                    target[k] = source.getFloat();
                }
            }
            case FLOAT64 -> {
                for (int k = offset; k < end; k++) {
                    target[k] = source.getDouble();
                }
            }
            case INT8 -> {
                for (int k = offset; k < end; k++) {
                    target[k] = source.get();
                }
            }
            case UINT8, BOOL -> {
                for (int k = offset; k < end; k++) {
                    target[k] = source.get() & 0xFF;
                }
            }
            case INT16 -> {
                for (int k = offset; k < end; k++) {
                    target[k] = source.getShort();
                }
            }
            case INT32 -> {
                for (int k = offset; k < end; k++) {
                    target[k] = source.getInt();
                }
            }
            case INT64 -> {
                for (int k = offset; k < end; k++) {
                    target[k] = source.getLong();
                }
            }
        }
    }
}

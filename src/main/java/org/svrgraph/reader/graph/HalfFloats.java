package org.svrgraph.reader.graph;

/** Decodes 16-bit floating point formats that model files store weights in. */
public final class HalfFloats {

    private HalfFloats() {
    }

    /** Returns the value of IEEE 754 binary16 bits (the low 16 bits of {@code bits}). */
    public static double float16(int bits) {
        return Float.float16ToFloat((short) bits);
    }

    /** Returns the value of bfloat16 bits: the upper half of a float32, so shifting them back is exact. */
    public static double bfloat16(int bits) {
        return Float.intBitsToFloat((bits & 0xFFFF) << 16);
    }
}

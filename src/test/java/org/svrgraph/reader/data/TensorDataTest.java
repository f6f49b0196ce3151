package org.svrgraph.reader.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.svrgraph.reader.ModelFormatException;

class TensorDataTest {

    private static final Path FILE = Path.of("model.bin");

    @Test
    void allocationBeyondHeapIsFormatError() {
        // 2^31 - 9 doubles are 16 GiB, more than any test heap.
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> TensorData.allocate(FILE, "huge", TensorData.MAX_ELEMENTS));

        assertTrue(e.getMessage().startsWith("model.bin: tensor 'huge' needs 16383 MiB"), e.getMessage());
        assertTrue(e.getMessage().contains("-Xmx"), e.getMessage());
    }

    @Test
    void elementCountRejectsOverflow() throws Exception {
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> TensorData.elementCount(FILE, "w", new long[] {1L << 32, 1L << 32}));

        assertTrue(e.getMessage().contains("more than 2147483639 elements"), e.getMessage());
        assertThrows(ModelFormatException.class, () -> TensorData.elementCount(FILE, "w", new long[] {3, -1}));
        assertEquals(0, TensorData.elementCount(FILE, "w", new long[] {0, 1L << 40}));
    }

    @Test
    void halfPrecisionTypesDecode() {
        // float16: 1.0 = 0x3C00, -0.5 = 0xB800, smallest subnormal 2^-24 = 0x0001, infinity 0x7C00.
        ByteBuffer half = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0x3C00).putShort((short) 0xB800).putShort((short) 0x0001).putShort((short) 0x7C00);
        double[] values = new double[4];

        ElementType.FLOAT16.decode(half.flip(), values, 0, 4);

        assertArrayEquals(new double[] {1.0, -0.5, Math.pow(2, -24), Double.POSITIVE_INFINITY}, values);

        // bfloat16: 1.0 = 0x3F80, -2.5 = 0xC020, 2^-133 (a float32 subnormal) = 0x0001.
        ByteBuffer brain = ByteBuffer.allocate(6).order(ByteOrder.BIG_ENDIAN)
                .putShort((short) 0x3F80).putShort((short) 0xC020).putShort((short) 0x0001);
        double[] brainValues = new double[3];

        ElementType.BFLOAT16.decode(brain.flip(), brainValues, 0, 3);

        assertArrayEquals(new double[] {1.0, -2.5, Math.pow(2, -133)}, brainValues);
    }
}

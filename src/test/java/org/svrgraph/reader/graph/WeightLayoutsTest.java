package org.svrgraph.reader.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WeightLayoutsTest {

    @Test
    void transposeDenseKernel() {
        // [in=3, out=2] row-major -> [out=2, in=3].
        double[] inOut = {1, 2, 3, 4, 5, 6};

        assertArrayEquals(new double[] {1, 3, 5, 2, 4, 6}, WeightLayouts.transpose(inOut, 3, 2));
    }

    @Test
    void hwioToOihwMovesEveryIndex() {
        int kh = 2;
        int kw = 3;
        int in = 2;
        int out = 4;
        // Encode each element's HWIO position in its value: 1000*y + 100*x + 10*i + o.
        double[] hwio = new double[kh * kw * in * out];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        hwio[((y * kw + x) * in + i) * out + o] = 1000 * y + 100 * x + 10 * i + o;
                    }
                }
            }
        }

        double[] oihw = WeightLayouts.hwioToOihw(hwio, kh, kw, in, out);

        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                for (int y = 0; y < kh; y++) {
                    for (int x = 0; x < kw; x++) {
                        assertEquals(1000 * y + 100 * x + 10 * i + o, oihw[((o * in + i) * kh + y) * kw + x],
                                "o=" + o + " i=" + i + " y=" + y + " x=" + x);
                    }
                }
            }
        }
    }

    @Test
    void halfFloatBits() {
        assertEquals(1.0, HalfFloats.float16(0x3C00));
        assertEquals(-2.0, HalfFloats.float16(0xC000));
        assertEquals(65504.0, HalfFloats.float16(0x7BFF), "largest half float");
        assertEquals(Math.pow(2, -24), HalfFloats.float16(0x0001), "smallest subnormal");
        assertEquals(1.0, HalfFloats.bfloat16(0x3F80));
        assertEquals(-3.140625, HalfFloats.bfloat16(0xC049), "pi truncated to 8 significant bits");
    }
}

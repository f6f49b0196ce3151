package org.svrgraph.reader.graph;

/**
 * Converts weight tensors from the layouts of other frameworks to PyTorch layout. All arrays are
 * row-major.
 */
public final class WeightLayouts {

    private WeightLayouts() {
    }

    /** Transposes a rows x columns matrix, such as a dense kernel [in, out] into [out, in]. */
    public static double[] transpose(double[] values, int rows, int columns) {
        double[] result = new double[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                result[c * rows + r] = values[r * columns + c];
            }
        }
        return result;
    }

    /**
     * Converts a TensorFlow conv kernel [kh, kw, in, out] to PyTorch [out, in, kh, kw].
     */
    public static double[] hwioToOihw(double[] values, int kh, int kw, int in, int out) {
        double[] result = new double[values.length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int i = 0; i < in; i++) {
                    int source = ((y * kw + x) * in + i) * out;
                    for (int o = 0; o < out; o++) {
                        result[((o * in + i) * kh + y) * kw + x] = values[source + o];
                    }
                }
            }
        }
        return result;
    }

    /** Multiplies every value by {@code factor} in place and returns the array. */
    public static double[] scale(double[] values, double factor) {
        if (factor != 1.0) {
            for (int k = 0; k < values.length; k++) {
                values[k] *= factor;
            }
        }
        return values;
    }
}

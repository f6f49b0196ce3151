package org.svrgraph.reader;

import java.util.Arrays;

/**
 * A tensor read from a model file, as stored there (shape and layout of the file's framework),
 * with its values converted to float64 in row-major order.
 *
 * @param name the tensor's name in the file
 * @param shape dimensions, outermost first
 * @param dtype the stored element type as the file names it, such as {@code F32}, {@code float16}
 * @param values row-major values converted to double
 */
public record Tensor(String name, int[] shape, String dtype, double[] values) {

    /** Number of elements, the product of the shape. */
    public long elementCount() {
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        return count;
    }

    /** Returns the shape as text, such as {@code [64, 3, 3, 3]}. */
    public String shapeText() {
        return Arrays.toString(shape);
    }
}

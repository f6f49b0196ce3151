package org.svrgraph.chain;

import java.util.Arrays;
import java.util.Objects;

/**
 * One linear map of a network in PyTorch layout, stored row-major: a fully connected map is
 * out x in, a convolution o x i x kh x kw (kh and kw independent).
 *
 * @param name the tensor name in the model file, for messages and the graph
 * @param kind fully connected or convolution
 * @param shape 2 entries for a fully connected map, 4 for a convolution
 * @param weights row-major values in PyTorch layout; the array is owned by this map
 * @param flattenOrder how the conv feature map before this fully connected map was flattened;
 *     only read for the first fully connected map after a convolution
 * @param batchNorm BatchNorm that follows this map, or null
 */
public record LinearMap(String name, MapKind kind, int[] shape, double[] weights,
        FlattenOrder flattenOrder, BatchNorm batchNorm) {

    public LinearMap {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(flattenOrder, "flattenOrder");
        checkShape(name, kind, shape);
        long expected = 1;
        for (int d : shape) {
            expected *= d;
        }
        if (expected != weights.length) {
            throw new ChainException("Tensor '" + name + "' has shape " + Arrays.toString(shape) + " ("
                    + expected + " values) but " + weights.length + " values were given");
        }
        for (int k = 0; k < weights.length; k++) {
            if (!Double.isFinite(weights[k])) {
                throw new ChainException("Tensor '" + name + "' contains a non-finite weight (" + weights[k]
                        + ") at flat index " + k + "; NaN or infinite weights cannot be analysed");
            }
        }
        if (batchNorm != null && batchNorm.channels() != shape[0]) {
            throw new ChainException("BatchNorm '" + batchNorm.name() + "' has " + batchNorm.channels()
                    + " channels but map '" + name + "' has " + shape[0] + " outputs");
        }
    }

    /** Creates a fully connected map (out x in) with channels-first flatten order and no BatchNorm. */
    public static LinearMap fullyConnected(String name, int out, int in, double[] weights) {
        return new LinearMap(name, MapKind.FULLY_CONNECTED, new int[] {out, in}, weights,
                FlattenOrder.CHANNELS_FIRST, null);
    }

    /** Creates a convolution (o x i x kh x kw) with no BatchNorm. */
    public static LinearMap convolution(String name, int out, int in, int kh, int kw, double[] weights) {
        return new LinearMap(name, MapKind.CONVOLUTION, new int[] {out, in, kh, kw}, weights,
                FlattenOrder.CHANNELS_FIRST, null);
    }

    private static void checkShape(String name, MapKind kind, int[] shape) {
        int rank = kind == MapKind.FULLY_CONNECTED ? 2 : 4;
        if (shape.length != rank) {
            throw new ChainException("Tensor '" + name + "' with shape " + Arrays.toString(shape) + " is not a "
                    + (rank == 2 ? "fully connected (out x in)" : "convolution (o x i x kh x kw)") + " weight");
        }
        for (int d : shape) {
            if (d <= 0) {
                throw new ChainException("Tensor '" + name + "' has an empty dimension: shape "
                        + Arrays.toString(shape));
            }
        }
    }

    /** Output width: output features or output channels. */
    public int outputs() {
        return shape[0];
    }

    /** Input width: input features or input channels. */
    public int inputs() {
        return shape[1];
    }

    /** Kernel positions kh * kw of a convolution, 1 for a fully connected map. */
    public int kernelPositions() {
        return kind == MapKind.CONVOLUTION ? shape[2] * shape[3] : 1;
    }

    /** Columns of the svr matrix: inputs times kernel positions. */
    public int columns() {
        return inputs() * kernelPositions();
    }

    /** Returns a copy with new flatten order. */
    public LinearMap withFlattenOrder(FlattenOrder order) {
        return new LinearMap(name, kind, shape, weights, order, batchNorm);
    }

    /** Returns a copy with BatchNorm attached. */
    public LinearMap withBatchNorm(BatchNorm norm) {
        return new LinearMap(name, kind, shape, weights, flattenOrder, norm);
    }

    /**
     * Returns this map with its BatchNorm folded into the weights (output channel c scaled by
     * gamma[c] / sqrt(var[c] + eps)), or this map itself when it has no BatchNorm.
     */
    public LinearMap foldBatchNorm() {
        if (batchNorm == null) {
            return this;
        }
        double[] folded = weights.clone();
        int perOutput = weights.length / outputs();
        for (int c = 0; c < outputs(); c++) {
            double scale = batchNorm.scale(c);
            for (int k = c * perOutput; k < (c + 1) * perOutput; k++) {
                folded[k] *= scale;
            }
        }
        return new LinearMap(name, kind, shape, folded, flattenOrder, null);
    }

    /** Returns the shape as text, such as {@code 64x3x3x3}. */
    public String shapeText() {
        StringBuilder text = new StringBuilder();
        for (int d = 0; d < shape.length; d++) {
            text.append(d == 0 ? "" : "x").append(shape[d]);
        }
        return text.toString();
    }
}

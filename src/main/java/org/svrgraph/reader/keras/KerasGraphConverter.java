package org.svrgraph.reader.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.svrgraph.chain.BatchNorm;
import org.svrgraph.chain.LinearMap;
import org.svrgraph.reader.ModelFormatException;
import org.svrgraph.reader.Tensor;
import org.svrgraph.reader.graph.GraphOp;
import org.svrgraph.reader.graph.WeightLayouts;

/**
 * Turns Keras layers into graph operations. Dense kernels [in, out] and Conv1D/Conv2D kernels
 * [(kh,) kw, in, out] become maps in PyTorch layout. BatchNormalization becomes a BatchNorm with the
 * epsilon of its config, and activation layers let a BatchNorm through to the map before them.
 */
public final class KerasGraphConverter {

    /** Keras's default BatchNormalization epsilon, used when a file has no config to give it. */
    public static final double DEFAULT_EPSILON = 1e-3;

    private static final Set<String> ELEMENTWISE = Set.of("Activation", "ReLU", "LeakyReLU", "PReLU", "ELU",
            "ThresholdedReLU", "Dropout", "SpatialDropout1D", "SpatialDropout2D", "GaussianNoise",
            "GaussianDropout", "AlphaDropout", "Identity");
    // TODO: read the layers of a nested model (such as a pretrained base inside a Functional model)
    // instead of skipping the whole model as one layer.
    private static final Set<String> UNSUPPORTED_LINEAR = Set.of("DepthwiseConv2D", "SeparableConv2D",
            "SeparableConv1D", "Conv2DTranspose", "Conv1DTranspose", "Conv3D", "Conv3DTranspose",
            "LocallyConnected2D", "LocallyConnected1D", "Sequential", "Functional", "Model");

    private final Path file;
    private final KerasWeights weights;

    public KerasGraphConverter(Path file, KerasWeights weights) {
        this.file = file;
        this.weights = weights;
    }

    /** Converts every layer in order. */
    public List<GraphOp> convert(List<KerasLayer> layers) throws IOException {
        List<GraphOp> ops = new ArrayList<>();
        for (KerasLayer layer : layers) {
            List<String> outputs = List.of(layer.name());
            String kind = layer.className();
            if (kind.equals("Dense")) {
                ops.add(GraphOp.map(layer.name(), layer.inbound(), outputs, dense(layer)));
            } else if (kind.equals("Conv2D") || kind.equals("Convolution2D") || kind.equals("Conv1D")) {
                ops.add(conv(layer, outputs));
            } else if (kind.equals("BatchNormalization")) {
                ops.add(GraphOp.batchNorm(layer.name(), layer.inbound(), outputs, batchNorm(layer)));
            } else if (UNSUPPORTED_LINEAR.contains(kind)) {
                ops.add(GraphOp.skipped(layer.name(), layer.inbound(), outputs, kind + " layers are not supported"));
            } else if (ELEMENTWISE.contains(kind)) {
                ops.add(GraphOp.elementwise(layer.name(), layer.inbound(), outputs));
            } else {
                ops.add(GraphOp.other(layer.name(), layer.inbound(), outputs));
            }
        }
        return ops;
    }

    private LinearMap dense(KerasLayer layer) throws IOException {
        Tensor kernel = required(layer, "kernel");
        int[] shape = kernel.shape();
        JsonNode units = layer.config().get("units");
        if (shape.length != 2 || (units != null && units.asInt() != shape[1])) {
            throw new ModelFormatException(file, "Dense layer '" + layer.name() + "': kernel shape "
                    + Arrays.toString(shape) + " does not match [inputs, units]"
                    + (units != null ? " with units " + units.asInt() : ""));
        }
        return LinearMap.fullyConnected(kernel.name(), shape[1], shape[0],
                WeightLayouts.transpose(kernel.values(), shape[0], shape[1]));
    }

    private GraphOp conv(KerasLayer layer, List<String> outputs) throws IOException {
        String format = layer.config().path("data_format").asText("channels_last");
        if (!format.equals("channels_last")) {
            return GraphOp.skipped(layer.name(), layer.inbound(), outputs,
                    "data_format " + format + " is not supported");
        }
        JsonNode groups = layer.config().get("groups");
        if (groups != null && groups.asInt() != 1) {
            return GraphOp.skipped(layer.name(), layer.inbound(), outputs,
                    "grouped convolution (groups=" + groups.asInt() + ") is not supported");
        }
        Tensor kernel = required(layer, "kernel");
        int[] shape = kernel.shape();
        // A Conv1D kernel [k, in, out] is a Conv2D kernel [1, k, in, out].
        int[] hwio = shape.length == 3 ? new int[] {1, shape[0], shape[1], shape[2]} : shape;
        JsonNode filters = layer.config().get("filters");
        if (hwio.length != 4 || (filters != null && filters.asInt() != hwio[3])) {
            throw new ModelFormatException(file, layer.className() + " layer '" + layer.name() + "': kernel shape "
                    + Arrays.toString(shape) + " does not match [kh, kw, in, filters]"
                    + (filters != null ? " with filters " + filters.asInt() : ""));
        }
        LinearMap map = LinearMap.convolution(kernel.name(), hwio[3], hwio[2], hwio[0], hwio[1],
                WeightLayouts.hwioToOihw(kernel.values(), hwio[0], hwio[1], hwio[2], hwio[3]));
        return GraphOp.map(layer.name(), layer.inbound(), outputs, map);
    }

    /** NOTE: assumes the layer normalizes the channel axis, the Keras default for image and dense data. */
    private BatchNorm batchNorm(KerasLayer layer) throws IOException {
        Tensor mean = required(layer, "moving_mean");
        Tensor variance = required(layer, "moving_variance");
        int channels = variance.values().length;
        Tensor gamma = weights.find(layer.name(), "gamma");
        Tensor beta = weights.find(layer.name(), "beta");
        double[] ones = new double[channels];
        Arrays.fill(ones, 1.0);
        double epsilon = layer.config().path("epsilon").asDouble(DEFAULT_EPSILON);
        return new BatchNorm(layer.name(), gamma != null ? gamma.values() : ones,
                beta != null ? beta.values() : new double[channels], mean.values(), variance.values(), epsilon);
    }

    private Tensor required(KerasLayer layer, String name) throws IOException {
        Tensor tensor = weights.find(layer.name(), name);
        if (tensor == null) {
            throw new ModelFormatException(file, layer.className() + " layer '" + layer.name() + "' has no weight '"
                    + name + "'");
        }
        return tensor;
    }
}

package org.svrgraph.reader.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.svrgraph.chain.BatchNorm;
import org.svrgraph.chain.LinearMap;
import org.svrgraph.reader.ModelFormatException;
import org.svrgraph.reader.Tensor;
import org.svrgraph.reader.graph.GraphOp;
import org.svrgraph.reader.graph.WeightLayouts;

/**
 * Turns the nodes of a TF.js graph model (TensorFlow ops) into graph operations. Conv2D and
 * MatMul, plain or fused ({@code _FusedConv2D}, {@code _FusedMatMul}), with a constant kernel become
 * maps in PyTorch layout; FusedBatchNorm becomes a BatchNorm; a per-channel {@code Mul} by a
 * constant, optionally followed by an {@code Add} of a constant, is how the converter folds an
 * inference BatchNorm, and becomes a BatchNorm with mean 0, variance 1 and epsilon 0, which has the
 * same fold.
 */
final class TfjsGraphConverter {

    private static final Set<String> ELEMENTWISE = Set.of("Relu", "Relu6", "Elu", "Selu", "LeakyRelu", "Sigmoid",
            "Tanh", "Identity", "Softplus", "Prelu", "BiasAdd", "Swish", "Snapshot", "StopGradient");
    private static final Set<String> ADD = Set.of("Add", "AddV2", "BiasAdd");
    private static final Set<String> SKIPPED_CONVOLUTIONS = Set.of("DepthwiseConv2dNative",
            "FusedDepthwiseConv2dNative", "Conv2DBackpropInput", "Conv3D", "Conv1D");

    private final Path file;
    private final Map<String, Tensor> weights;

    TfjsGraphConverter(Path file, Map<String, Tensor> weights) {
        this.file = file;
        this.weights = weights;
    }

    /** Converts the nodes; Const and Placeholder nodes produce no operation. */
    List<GraphOp> convert(JsonNode nodes) throws ModelFormatException {
        List<JsonNode> nodeList = new ArrayList<>();
        nodes.forEach(nodeList::add);
        Map<String, List<JsonNode>> consumers = consumers(nodeList);
        Set<String> folded = new HashSet<>();
        List<GraphOp> ops = new ArrayList<>();
        for (JsonNode node : nodeList) {
            String name = node.path("name").asText("");
            String op = node.path("op").asText("");
            if (name.isEmpty() || op.isEmpty()) {
                throw new ModelFormatException(file, "a node of modelTopology has no name or op");
            }
            if (op.equals("Const") || op.equals("Placeholder") || folded.contains(name)) {
                continue;
            }
            List<String> inputs = inputs(node);
            List<String> outputs = List.of(name);
            GraphOp converted = switch (op) {
                case "Conv2D", "_FusedConv2D" -> conv(node, name, inputs, outputs);
                case "MatMul", "_FusedMatMul" -> matMul(node, name, inputs, outputs);
                case "FusedBatchNorm", "FusedBatchNormV2", "FusedBatchNormV3" -> fusedBatchNorm(node, name, inputs);
                case "Mul" -> scaleAndOffset(node, name, inputs, consumers, folded);
                default -> {
                    if (SKIPPED_CONVOLUTIONS.contains(op)) {
                        yield GraphOp.skipped(name, inputs, outputs, op + " is not supported");
                    }
                    boolean elementwise = ELEMENTWISE.contains(op) || (ADD.contains(op) && hasConstant(inputs));
                    yield elementwise ? GraphOp.elementwise(name, dataInputs(inputs), outputs)
                            : GraphOp.other(name, inputs, outputs);
                }
            };
            ops.add(converted);
        }
        return ops;
    }

    private GraphOp conv(JsonNode node, String name, List<String> inputs, List<String> outputs) {
        Tensor kernel = constant(inputs, 1);
        if (kernel == null || kernel.shape().length != 4) {
            return GraphOp.skipped(name, inputs, outputs, "Conv2D filter is not a constant 4-D tensor");
        }
        int[] s = kernel.shape();
        LinearMap map = LinearMap.convolution(kernel.name(), s[3], s[2], s[0], s[1],
                WeightLayouts.hwioToOihw(kernel.values(), s[0], s[1], s[2], s[3]));
        List<String> fusedOps = strings(node.path("attr").path("fused_ops").path("list").path("s"));
        if (fusedOps.contains("FusedBatchNorm")) {
            BatchNorm norm = batchNorm(name, inputs, 2, node);
            if (norm == null) {
                return GraphOp.skipped(name, inputs, outputs, "fused BatchNorm arguments are not constants");
            }
            map = map.withBatchNorm(norm);
        }
        return GraphOp.map(name, dataInputs(inputs), outputs, map);
    }

    private GraphOp matMul(JsonNode node, String name, List<String> inputs, List<String> outputs) {
        JsonNode attributes = node.path("attr");
        if (attributes.path("transpose_a").path("b").asBoolean(false)) {
            return GraphOp.skipped(name, inputs, outputs, "MatMul with transpose_a is not supported");
        }
        Tensor kernel = constant(inputs, 1);
        if (kernel == null || kernel.shape().length != 2) {
            return constant(inputs, 0) != null
                    ? GraphOp.skipped(name, inputs, outputs, "MatMul with a constant left operand is not supported")
                    : GraphOp.other(name, inputs, outputs);
        }
        int rows = kernel.shape()[0];
        int columns = kernel.shape()[1];
        boolean transposeB = attributes.path("transpose_b").path("b").asBoolean(false);
        // Without transpose_b the kernel is [in, out]. With it, the kernel is [out, in] as PyTorch stores it.
        LinearMap map = transposeB
                ? LinearMap.fullyConnected(kernel.name(), rows, columns, kernel.values().clone())
                : LinearMap.fullyConnected(kernel.name(), columns, rows,
                        WeightLayouts.transpose(kernel.values(), rows, columns));
        return GraphOp.map(name, dataInputs(inputs), outputs, map);
    }

    private GraphOp fusedBatchNorm(JsonNode node, String name, List<String> inputs) {
        BatchNorm norm = batchNorm(name, inputs, 1, node);
        if (norm == null) {
            return GraphOp.skipped(name, inputs, List.of(name), "BatchNorm parameters are not constants");
        }
        return GraphOp.batchNorm(name, dataInputs(inputs), List.of(name), norm);
    }

    /** Reads scale, offset, mean and variance from the inputs starting at {@code first}. */
    private BatchNorm batchNorm(String name, List<String> inputs, int first, JsonNode node) {
        Tensor scale = constant(inputs, first);
        Tensor offset = constant(inputs, first + 1);
        Tensor mean = constant(inputs, first + 2);
        Tensor variance = constant(inputs, first + 3);
        if (scale == null || offset == null || mean == null || variance == null) {
            return null;
        }
        double epsilon = node.path("attr").path("epsilon").path("f").asDouble(1e-3);
        return new BatchNorm(name, scale.values(), offset.values(), mean.values(), variance.values(), epsilon);
    }

    /**
     * A {@code Mul} of the data by a constant vector, and the {@code Add} of a constant vector that is
     * its only consumer, form a folded BatchNorm. The Add is then consumed here.
     */
    private GraphOp scaleAndOffset(JsonNode node, String name, List<String> inputs,
            Map<String, List<JsonNode>> consumers, Set<String> folded) {
        Tensor scale = vectorConstant(inputs);
        List<String> data = dataInputs(inputs);
        if (scale == null || data.size() != 1) {
            return GraphOp.other(name, inputs, List.of(name));
        }
        double[] offset = new double[scale.values().length];
        String outputName = name;
        List<JsonNode> next = consumers.getOrDefault(name, List.of());
        if (next.size() == 1 && ADD.contains(next.get(0).path("op").asText())) {
            JsonNode add = next.get(0);
            Tensor shift = vectorConstant(inputs(add));
            if (shift != null && shift.values().length == offset.length) {
                offset = shift.values();
                outputName = add.path("name").asText();
                folded.add(outputName);
            }
        }
        double[] zeros = new double[offset.length];
        double[] ones = new double[offset.length];
        Arrays.fill(ones, 1.0);
        BatchNorm norm = new BatchNorm(outputName, scale.values(), offset, zeros, ones, 0.0);
        return GraphOp.batchNorm(outputName, data, List.of(outputName), norm);
    }

    /** Returns the constant input whose shape is [C] (or [1, ..., 1, C]), or null. */
    private Tensor vectorConstant(List<String> inputs) {
        for (String input : inputs) {
            Tensor tensor = weights.get(input);
            if (tensor == null || tensor.shape().length == 0 || tensor.dtype().startsWith("int")) {
                continue;
            }
            int[] shape = tensor.shape();
            boolean vector = true;
            for (int d = 0; d + 1 < shape.length; d++) {
                vector &= shape[d] == 1;
            }
            if (vector && shape[shape.length - 1] > 1) {
                return tensor;
            }
        }
        return null;
    }

    private Tensor constant(List<String> inputs, int index) {
        return index < inputs.size() ? weights.get(inputs.get(index)) : null;
    }

    private boolean hasConstant(List<String> inputs) {
        return inputs.stream().anyMatch(weights::containsKey);
    }

    private List<String> dataInputs(List<String> inputs) {
        return inputs.stream().filter(input -> !weights.containsKey(input)).toList();
    }

    /** Data inputs of a node, with control inputs ({@code ^name}) dropped and output indices ({@code :0}) cut. */
    private static List<String> inputs(JsonNode node) {
        List<String> inputs = new ArrayList<>();
        for (JsonNode input : node.path("input")) {
            String text = input.asText();
            if (text.startsWith("^")) {
                continue;
            }
            int colon = text.indexOf(':');
            inputs.add(colon < 0 ? text : text.substring(0, colon));
        }
        return inputs;
    }

    private static Map<String, List<JsonNode>> consumers(List<JsonNode> nodes) {
        Map<String, List<JsonNode>> consumers = new HashMap<>();
        for (JsonNode node : nodes) {
            for (String input : inputs(node)) {
                consumers.computeIfAbsent(input, key -> new ArrayList<>()).add(node);
            }
        }
        return consumers;
    }

    /** Decodes a list of base64 strings, the way TF.js stores string attributes. */
    private static List<String> strings(JsonNode list) {
        List<String> values = new ArrayList<>();
        for (JsonNode item : list) {
            try {
                values.add(new String(Base64.getDecoder().decode(item.asText()), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                values.add(item.asText());
            }
        }
        return values;
    }
}

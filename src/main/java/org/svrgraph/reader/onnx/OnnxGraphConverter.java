package org.svrgraph.reader.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.svrgraph.chain.BatchNorm;
import org.svrgraph.chain.LinearMap;
import org.svrgraph.reader.Tensor;
import org.svrgraph.reader.graph.GraphOp;
import org.svrgraph.reader.graph.WeightLayouts;

/**
 * Turns ONNX nodes into graph operations: Gemm, MatMul and Conv with constant weights become linear
 * maps in PyTorch layout, BatchNormalization with constant parameters becomes a BatchNorm, and
 * activations pass a BatchNorm through to the map before them.
 */
final class OnnxGraphConverter {

    private static final Set<String> ELEMENTWISE = Set.of("Relu", "LeakyRelu", "PRelu", "Sigmoid", "Tanh",
            "Clip", "Identity", "Dropout", "Elu", "Selu", "Celu", "HardSigmoid", "HardSwish", "Softplus",
            "Softsign", "Gelu", "Mish", "ThresholdedRelu");

    private final Map<String, Tensor> constants;

    /** @param constants initializers and Constant node outputs by tensor name */
    OnnxGraphConverter(Map<String, Tensor> constants) {
        this.constants = constants;
    }

    /** Converts every node that computes on data; Constant nodes and constant Identity nodes are dropped. */
    List<GraphOp> convert(List<OnnxNode> nodes) {
        List<GraphOp> ops = new ArrayList<>();
        for (OnnxNode node : nodes) {
            if (!node.domain().isEmpty() && !node.domain().equals("ai.onnx")) {
                ops.add(GraphOp.other(node.label(), node.inputs(), node.outputs()));
                continue;
            }
            switch (node.opType()) {
                case "Constant" -> {
                    // Its value is among the constants already.
                }
                case "Gemm" -> ops.add(gemm(node));
                case "MatMul" -> ops.add(matMul(node));
                case "Conv" -> ops.add(conv(node));
                case "ConvTranspose" -> ops.add(skip(node, "transposed convolution is not supported"));
                case "BatchNormalization" -> ops.add(batchNormalization(node));
                default -> ops.add(ELEMENTWISE.contains(node.opType())
                        ? GraphOp.elementwise(node.label(), node.inputs(), node.outputs())
                        : GraphOp.other(node.label(), node.inputs(), node.outputs()));
            }
        }
        return ops;
    }

    private GraphOp gemm(OnnxNode node) {
        if (node.intAttribute("transA", 0) != 0) {
            return skip(node, "Gemm with transA=1 is not supported");
        }
        Tensor weight = constantInput(node, 1);
        if (weight == null || weight.shape().length != 2) {
            return skip(node, "Gemm input B is not a constant 2-D floating point tensor");
        }
        double alpha = node.floatAttribute("alpha", 1.0);
        boolean transB = node.intAttribute("transB", 0) != 0;
        int rows = weight.shape()[0];
        int columns = weight.shape()[1];
        // Y = alpha * A * B' where B' is B transposed when transB=1; PyTorch's out x in is B' transposed.
        double[] outByIn = transB ? weight.values().clone() : WeightLayouts.transpose(weight.values(), rows, columns);
        int out = transB ? rows : columns;
        int in = transB ? columns : rows;
        LinearMap map = LinearMap.fullyConnected(weight.name(), out, in, WeightLayouts.scale(outByIn, alpha));
        return GraphOp.map(node.label(), dataInputs(node), node.outputs(), map);
    }

    private GraphOp matMul(OnnxNode node) {
        Tensor weight = constantInput(node, 1);
        if (weight == null) {
            return constantInput(node, 0) != null
                    ? skip(node, "MatMul with a constant left operand is not supported")
                    : GraphOp.other(node.label(), node.inputs(), node.outputs());
        }
        if (weight.shape().length != 2) {
            return skip(node, "MatMul weight '" + weight.name() + "' has shape " + weight.shapeText()
                    + "; only 2-D weights [in, out] are supported");
        }
        int in = weight.shape()[0];
        int out = weight.shape()[1];
        LinearMap map = LinearMap.fullyConnected(weight.name(), out, in,
                WeightLayouts.transpose(weight.values(), in, out));
        return GraphOp.map(node.label(), dataInputs(node), node.outputs(), map);
    }

    private GraphOp conv(OnnxNode node) {
        long group = node.intAttribute("group", 1);
        if (group != 1) {
            return skip(node, "grouped convolution (group=" + group + ") is not supported");
        }
        Tensor weight = constantInput(node, 1);
        if (weight == null) {
            return skip(node, "Conv weight is not a constant floating point tensor");
        }
        int[] shape = weight.shape();
        LinearMap map;
        if (shape.length == 4) {
            map = LinearMap.convolution(weight.name(), shape[0], shape[1], shape[2], shape[3],
                    weight.values().clone());
        } else if (shape.length == 3) {
            // A 1-D convolution [o, i, k] is a 2-D one with kernel height 1.
            map = LinearMap.convolution(weight.name(), shape[0], shape[1], 1, shape[2], weight.values().clone());
        } else {
            return skip(node, "Conv weight '" + weight.name() + "' has shape " + weight.shapeText()
                    + "; only 1-D and 2-D convolutions are supported");
        }
        return GraphOp.map(node.label(), dataInputs(node), node.outputs(), map);
    }

    private GraphOp batchNormalization(OnnxNode node) {
        Tensor scale = constantInput(node, 1);
        Tensor bias = constantInput(node, 2);
        Tensor mean = constantInput(node, 3);
        Tensor variance = constantInput(node, 4);
        if (scale == null || bias == null || mean == null || variance == null) {
            return skip(node, "BatchNormalization parameters are not all constant floating point tensors");
        }
        double epsilon = node.floatAttribute("epsilon", 1e-5);
        BatchNorm norm = new BatchNorm(node.label(), scale.values(), bias.values(), mean.values(),
                variance.values(), epsilon);
        return GraphOp.batchNorm(node.label(), dataInputs(node), node.outputs(), norm);
    }

    /** Returns input {@code index} when it is a floating point constant, else null. */
    private Tensor constantInput(OnnxNode node, int index) {
        if (index >= node.inputs().size()) {
            return null;
        }
        Tensor tensor = constants.get(node.inputs().get(index));
        if (tensor == null || !OnnxDataType.valueOf(tensor.dtype()).isFloatingPoint()) {
            return null;
        }
        return tensor;
    }

    private List<String> dataInputs(OnnxNode node) {
        return node.inputs().stream().filter(input -> !constants.containsKey(input)).toList();
    }

    private static GraphOp skip(OnnxNode node, String reason) {
        return GraphOp.skipped(node.label(), node.inputs(), node.outputs(), reason);
    }
}

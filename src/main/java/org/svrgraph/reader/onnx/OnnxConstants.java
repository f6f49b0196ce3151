package org.svrgraph.reader.onnx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.svrgraph.reader.Tensor;
import org.svrgraph.reader.graph.HalfFloats;
import org.svrgraph.reader.graph.WeightLayouts;

/**
 * Collects the constant tensors of a graph: its initializers, the values of Constant nodes, and the
 * results of Identity, Cast and 2-D Transpose nodes applied to constants. Exporters route weights
 * through such nodes (a float16 weight cast to float, a weight transposed for MatMul), and following
 * them lets the maps after them see a constant weight.
 */
final class OnnxConstants {

    /**
     * The constants of a graph.
     *
     * @param byName every constant by tensor name, derived ones included
     * @param stored the tensors the file stores (initializers and Constant values), in file order
     */
    record Constants(Map<String, Tensor> byName, List<Tensor> stored) {
    }

    private OnnxConstants() {
    }

    /** Decodes the constants in file order, which ONNX requires to be topological. */
    static Constants decode(Path file, OnnxGraph graph) throws IOException {
        OnnxTensorDecoder decoder = new OnnxTensorDecoder(file);
        Map<String, Tensor> constants = new LinkedHashMap<>();
        List<Tensor> stored = new ArrayList<>();
        for (OnnxTensorProto initializer : graph.initializers()) {
            Tensor tensor = decoder.decode(initializer, initializer.name());
            constants.put(initializer.name(), tensor);
            stored.add(tensor);
        }
        for (OnnxNode node : graph.nodes()) {
            boolean defaultDomain = node.domain().isEmpty() || node.domain().equals("ai.onnx");
            if (!defaultDomain || node.outputs().isEmpty()) {
                continue;
            }
            String output = node.outputs().get(0);
            if (node.opType().equals("Constant")) {
                OnnxAttribute value = node.attributes().get("value");
                if (value != null && value.tensor() != null) {
                    Tensor tensor = decoder.decode(value.tensor(), output);
                    constants.put(output, tensor);
                    stored.add(tensor);
                }
                continue;
            }
            Tensor source = node.inputs().isEmpty() ? null : constants.get(node.inputs().get(0));
            if (source == null) {
                continue;
            }
            Tensor result = switch (node.opType()) {
                case "Identity" -> new Tensor(output, source.shape(), source.dtype(), source.values());
                case "Cast" -> cast(node, source, output);
                case "Transpose" -> transpose(node, source, output);
                default -> null;
            };
            if (result != null) {
                constants.put(output, result);
            }
        }
        return new Constants(constants, stored);
    }

    /** Casts between floating point types, rounding as the target type does, and returns null for other casts. */
    private static Tensor cast(OnnxNode node, Tensor source, String output) {
        OnnxDataType target = OnnxDataType.of((int) node.intAttribute("to", 0));
        if (target == null || !target.isFloatingPoint() || !OnnxDataType.valueOf(source.dtype()).isFloatingPoint()) {
            return null;
        }
        double[] values = source.values().clone();
        for (int k = 0; k < values.length; k++) {
            values[k] = switch (target) {
                case FLOAT -> (float) values[k];
                case FLOAT16 -> HalfFloats.float16(Float.floatToFloat16((float) values[k]));
                case BFLOAT16 -> HalfFloats.bfloat16(bfloat16Bits((float) values[k]));
                default -> values[k];
            };
        }
        return new Tensor(output, source.shape(), target.name(), values);
    }

    /** Transposes a 2-D constant (perm [1, 0], or no perm), and returns null for other transposes. */
    private static Tensor transpose(OnnxNode node, Tensor source, String output) {
        OnnxAttribute perm = node.attributes().get("perm");
        boolean swap = perm == null || Arrays.equals(perm.ints(), new long[] {1, 0});
        if (source.shape().length != 2 || !swap) {
            return null;
        }
        int rows = source.shape()[0];
        int columns = source.shape()[1];
        return new Tensor(output, new int[] {columns, rows}, source.dtype(),
                WeightLayouts.transpose(source.values(), rows, columns));
    }

    /** Rounds a float to the nearest bfloat16 bits, ties to even. */
    private static int bfloat16Bits(float value) {
        int bits = Float.floatToRawIntBits(value);
        return (bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16;
    }
}

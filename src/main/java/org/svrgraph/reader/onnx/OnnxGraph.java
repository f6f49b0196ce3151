package org.svrgraph.reader.onnx;

import java.util.List;

/**
 * The parts of an ONNX ModelProto and its GraphProto that the reader uses.
 *
 * @param irVersion the model's IR version
 * @param producer the producer name, such as {@code pytorch}
 * @param nodes the graph's nodes in file order
 * @param initializers the graph's initializers in file order
 * @param inputs names of the graph inputs
 * @param outputs names of the graph outputs
 */
record OnnxGraph(long irVersion, String producer, List<OnnxNode> nodes, List<OnnxTensorProto> initializers,
        List<String> inputs, List<String> outputs) {
}

package org.svrgraph.reader.onnx;

import java.util.List;
import java.util.Map;

/**
 * An ONNX NodeProto.
 *
 * @param name the node's name, possibly empty
 * @param opType the operator, such as {@code Gemm}
 * @param domain the operator set domain, empty for the default ONNX domain
 * @param inputs input tensor names; an empty name marks an omitted optional input
 * @param outputs output tensor names
 * @param attributes attributes by name
 */
record OnnxNode(String name, String opType, String domain, List<String> inputs, List<String> outputs,
        Map<String, OnnxAttribute> attributes) {

    /** Returns an integer attribute, or {@code fallback} when it is absent. */
    long intAttribute(String key, long fallback) {
        OnnxAttribute attribute = attributes.get(key);
        return attribute == null ? fallback : attribute.intValue();
    }

    /** Returns a float attribute, or {@code fallback} when it is absent. */
    double floatAttribute(String key, double fallback) {
        OnnxAttribute attribute = attributes.get(key);
        return attribute == null ? fallback : attribute.floatValue();
    }

    /** Returns the name for messages: the node name, or the op type and first output when it has none. */
    String label() {
        if (!name.isEmpty()) {
            return name;
        }
        return opType + (outputs.isEmpty() ? "" : " -> " + outputs.get(0));
    }
}

package org.svrgraph.reader.onnx;

/**
 * The fields of an ONNX AttributeProto that the reader uses.
 *
 * @param name the attribute's name
 * @param floatValue field {@code f}
 * @param intValue field {@code i}
 * @param tensor field {@code t}, or null
 * @param ints field {@code ints}
 */
record OnnxAttribute(String name, float floatValue, long intValue, OnnxTensorProto tensor, long[] ints) {
}

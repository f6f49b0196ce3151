package org.svrgraph.reader;

/**
 * A weight tensor that the chain builder did not take, and why.
 *
 * @param name the tensor's name in the file
 * @param shapeText its shape, such as {@code [16, 1, 3, 3]}
 * @param reason why it is not part of the chain
 */
public record SkippedTensor(String name, String shapeText, String reason) {
}

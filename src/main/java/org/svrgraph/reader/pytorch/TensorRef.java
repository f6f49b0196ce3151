package org.svrgraph.reader.pytorch;

/**
 * A tensor as a pickle rebuilds it: a strided view of a storage. Element {@code (i0, i1, ...)} is
 * storage element {@code offset + i0 * stride[0] + i1 * stride[1] + ...}.
 */
record TensorRef(StorageRef storage, long offset, long[] size, long[] stride) {
}

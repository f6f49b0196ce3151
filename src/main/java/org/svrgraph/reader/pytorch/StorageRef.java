package org.svrgraph.reader.pytorch;

import org.svrgraph.reader.data.ElementType;

/**
 * A storage that the pickle refers to through persistent_load: the bytes of entry
 * {@code data/KEY} of the archive, holding {@code elementCount} elements of one type.
 *
 * @param key the storage's key, the entry name under {@code data/}
 * @param type the element type
 * @param dtype the PyTorch dtype name, such as {@code float32}
 * @param elementCount number of elements in the storage
 */
record StorageRef(String key, ElementType type, String dtype, long elementCount) {
}

package org.svrgraph.reader.pytorch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.svrgraph.reader.ModelFormatException;
import org.svrgraph.reader.Tensor;
import org.svrgraph.reader.data.TensorData;
import org.svrgraph.reader.data.ZipArchive;

/**
 * Decodes the storages of a torch.save archive and gathers each tensor's strided view of its
 * storage into row-major values. A storage shared by several tensors is decoded once.
 */
final class StorageData {

    private final ZipArchive zip;
    private final String prefix;
    private final ByteOrder order;
    private final Map<String, double[]> decoded = new HashMap<>();

    StorageData(ZipArchive zip, String prefix, ByteOrder order) {
        this.zip = zip;
        this.prefix = prefix;
        this.order = order;
    }

    /** Returns the tensor's values in row-major order, checking its view lies inside its storage. */
    Tensor tensor(String name, TensorRef ref) throws IOException {
        Path file = zip.file();
        long count = TensorData.elementCount(file, name, ref.size());
        long last = ref.offset();
        for (int d = 0; d < ref.size().length; d++) {
            if (ref.stride()[d] < 0) {
                throw new ModelFormatException(file, "tensor '" + name + "' has a negative stride "
                        + Arrays.toString(ref.stride()));
            }
            if (ref.size()[d] > 0) {
                last += (ref.size()[d] - 1) * ref.stride()[d];
            }
        }
        if (ref.offset() < 0 || count > 0 && last >= ref.storage().elementCount()) {
            throw new ModelFormatException(file, "tensor '" + name + "' with size " + Arrays.toString(ref.size())
                    + ", stride " + Arrays.toString(ref.stride()) + " and offset " + ref.offset()
                    + " reaches element " + last + " of a storage of " + ref.storage().elementCount() + " elements");
        }
        double[] storage = storage(name, ref.storage());
        if (ref.offset() == 0 && count == storage.length && isRowMajor(ref)) {
            // The usual case: the tensor is its whole storage, so the decoded array is its values as they are.
            return new Tensor(name, TensorData.toIntShape(ref.size()), ref.storage().dtype(), storage);
        }
        double[] values = TensorData.allocate(file, name, count);
        gather(storage, ref, values);
        return new Tensor(name, TensorData.toIntShape(ref.size()), ref.storage().dtype(), values);
    }

    /** Returns whether the strides are the row-major strides of the size (dimensions of 1 may have any). */
    private static boolean isRowMajor(TensorRef ref) {
        long expected = 1;
        for (int d = ref.size().length - 1; d >= 0; d--) {
            if (ref.size()[d] != 1 && ref.stride()[d] != expected) {
                return false;
            }
            expected *= ref.size()[d];
        }
        return true;
    }

    private double[] storage(String tensor, StorageRef ref) throws IOException {
        double[] values = decoded.get(ref.key());
        if (values != null) {
            return values;
        }
        Path file = zip.file();
        String entry = prefix + "data/" + ref.key();
        if (!zip.contains(entry)) {
            throw new ModelFormatException(file, "storage entry '" + entry + "' of tensor '" + tensor + "' is missing");
        }
        TensorData.elementCount(file, tensor, new long[] {ref.elementCount()});
        long bytes = zip.size(entry);
        long expected = ref.elementCount() * ref.type().byteSize();
        if (bytes != expected) {
            throw new ModelFormatException(file, "storage '" + entry + "' of tensor '" + tensor + "' has " + bytes
                    + " bytes, but its " + ref.elementCount() + " " + ref.dtype() + " elements need " + expected);
        }
        values = TensorData.allocate(file, tensor, ref.elementCount());
        try (InputStream in = new BufferedInputStream(zip.open(entry))) {
            TensorData.decode(in, ref.type(), order, values, file, tensor);
        }
        decoded.put(ref.key(), values);
        return values;
    }

    /** Copies a strided view into row-major order, last dimension fastest. */
    private static void gather(double[] storage, TensorRef ref, double[] target) {
        long[] size = ref.size();
        long[] stride = ref.stride();
        int rank = size.length;
        long[] index = new long[rank];
        long source = ref.offset();
        for (int k = 0; k < target.length; k++) {
            target[k] = storage[(int) source];
            for (int d = rank - 1; d >= 0; d--) {
                index[d]++;
                source += stride[d];
                if (index[d] < size[d]) {
                    break;
                }
                source -= index[d] * stride[d];
                index[d] = 0;
            }
        }
    }
}

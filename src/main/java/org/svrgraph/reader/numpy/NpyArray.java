package org.svrgraph.reader.numpy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.svrgraph.reader.ModelFormatException;
import org.svrgraph.reader.Tensor;
import org.svrgraph.reader.data.TensorData;

/** Reads one .npy array, standalone or as an npz entry, into a row-major Tensor. */
final class NpyArray {

    private NpyArray() {
    }

    /**
     * Reads an array of exactly {@code arrayBytes} bytes from {@code in}.
     *
     * @param name the tensor's name: the npz entry without {@code .npy}, or the file name
     */
    static Tensor read(InputStream in, long arrayBytes, Path file, String name) throws IOException {
        NpyHeader header = NpyHeader.read(in, arrayBytes, file, name);
        long count = TensorData.elementCount(file, name, header.shape());
        long dataBytes = arrayBytes - header.headerBytes();
        if (count * header.type().byteSize() != dataBytes) {
            throw new ModelFormatException(file, "array '" + name + "' has shape "
                    + java.util.Arrays.toString(header.shape()) + " of " + header.descr() + " ("
                    + count * header.type().byteSize() + " bytes) but " + dataBytes + " data bytes follow its header");
        }
        double[] values = TensorData.allocate(file, name, count);
        TensorData.decode(in, header.type(), header.order(), values, file, name);
        int[] shape = TensorData.toIntShape(header.shape());
        if (header.fortranOrder() && shape.length > 1) {
            values = toRowMajor(values, shape);
        }
        return new Tensor(name, shape, header.descr(), values);
    }

    /** Reorders column-major values (first index fastest) into row-major (last index fastest). */
    private static double[] toRowMajor(double[] columnMajor, int[] shape) {
        double[] rowMajor = new double[columnMajor.length];
        int rank = shape.length;
        int[] index = new int[rank];
        long[] columnStride = new long[rank];
        long stride = 1;
        for (int d = 0; d < rank; d++) {
            columnStride[d] = stride;
            stride *= shape[d];
        }
        for (int k = 0; k < rowMajor.length; k++) {
            long source = 0;
            for (int d = 0; d < rank; d++) {
                source += index[d] * columnStride[d];
            }
            rowMajor[k] = columnMajor[(int) source];
            for (int d = rank - 1; d >= 0 && ++index[d] == shape[d]; d--) {
                index[d] = 0;
            }
        }
        return rowMajor;
    }
}

package org.svrgraph.reader.keras;

import io.jhdf.api.Dataset;
import io.jhdf.object.message.DataLayout;
import java.nio.file.Path;
import java.util.Arrays;
import org.svrgraph.reader.ModelFormatException;
import org.svrgraph.reader.Tensor;

/** Reads an HDF5 dataset of numbers into a {@link Tensor}, checking its declared size first. */
final class Hdf5Tensors {

    /** Largest element count a Java array can hold. */
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    /**
     * Largest ratio of decoded bytes to file size accepted for a chunked (possibly compressed)
     * dataset. NOTE: an estimate that admits strongly compressed weights; a corrupt header that
     * declares more is rejected instead of filling the heap.
     */
    private static final long MAX_EXPANSION = 64;

    private Hdf5Tensors() {
    }

    /** Reads {@code dataset} under the tensor name {@code name}. */
    static Tensor read(Path file, long fileSize, Dataset dataset, String name) throws ModelFormatException {
        int[] shape = dataset.getDimensions();
        long count = dataset.getSize();
        Class<?> type = dataset.getJavaType();
        int elementBytes = dataset.getDataType().getSize();
        if (dataset.isCompound() || dataset.isVariableLength() || !type.isPrimitive() || type == boolean.class
                || type == char.class) {
            throw new ModelFormatException(file, "weight '" + name + "' has unsupported data type "
                    + type.getSimpleName() + "; only integer and floating point weights can be read");
        }
        if (count > MAX_ELEMENTS) {
            throw new ModelFormatException(file, "weight '" + name + "' with shape " + Arrays.toString(shape)
                    + " has more elements than a Java array can hold (" + MAX_ELEMENTS + ")");
        }
        long declaredBytes = count * elementBytes;
        boolean contiguous = dataset.getDataLayout() == DataLayout.CONTIGUOUS;
        long limit = contiguous ? fileSize : fileSize * MAX_EXPANSION + (1 << 20);
        if (declaredBytes > limit) {
            throw new ModelFormatException(file, "weight '" + name + "' declares " + declaredBytes
                    + " bytes of data (shape " + Arrays.toString(shape) + ") but the file has only " + fileSize
                    + " bytes");
        }
        double[] values = toDoubles(dataset.getDataFlat(), count);
        return new Tensor(name, shape, dtypeName(type, elementBytes), values);
    }

    private static double[] toDoubles(Object data, long count) {
        double[] values = new double[(int) count];
        switch (data) {
            case float[] floats -> {
                for (int k = 0; k < values.length; k++) {
                    values[k] = floats[k];
                }
            }
            case double[] doubles -> System.arraycopy(doubles, 0, values, 0, values.length);
            case int[] ints -> {
                for (int k = 0; k < values.length; k++) {
                    values[k] = ints[k];
                }
            }
            case long[] longs -> {
                for (int k = 0; k < values.length; k++) {
                    values[k] = longs[k];
                }
            }
            case short[] shorts -> {
                for (int k = 0; k < values.length; k++) {
                    values[k] = shorts[k];
                }
            }
            case byte[] bytes -> {
                for (int k = 0; k < values.length; k++) {
                    values[k] = bytes[k];
                }
            }
            default -> throw new IllegalStateException("unexpected HDF5 data of " + data.getClass());
        }
        return values;
    }

    private static String dtypeName(Class<?> type, int bytes) {
        boolean floating = type == float.class || type == double.class;
        return (floating ? "float" : "int") + (bytes * 8);
    }
}

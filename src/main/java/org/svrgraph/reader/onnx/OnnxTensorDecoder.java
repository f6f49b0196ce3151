package org.svrgraph.reader.onnx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.svrgraph.reader.ModelFormatException;
import org.svrgraph.reader.Tensor;
import org.svrgraph.reader.graph.HalfFloats;

/**
 * Converts a TensorProto to a {@link Tensor} with float64 values, from raw_data, a typed field, or
 * an external data file next to the model.
 */
final class OnnxTensorDecoder {

    /** Largest element count a Java array can hold. */
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private final Path file;
    private final Path modelDirectory;

    OnnxTensorDecoder(Path file) {
        this.file = file;
        Path parent = file.toAbsolutePath().normalize().getParent();
        this.modelDirectory = parent != null ? parent : file.toAbsolutePath().getRoot();
    }

    /** Decodes the tensor; {@code name} overrides its own name (Constant nodes name it by their output). */
    Tensor decode(OnnxTensorProto proto, String name) throws IOException {
        OnnxDataType type = OnnxDataType.of(proto.dataType());
        if (type == null) {
            throw new ModelFormatException(file, "tensor '" + name + "' has unsupported data type "
                    + proto.dataType() + " (" + OnnxDataType.unsupportedName(proto.dataType()) + ")");
        }
        int[] shape = shape(proto, name);
        int count = elementCount(shape, name);
        double[] values;
        if (proto.external()) {
            values = decodeRaw(readExternal(proto, name, (long) count * type.bytes), type, count);
        } else if (proto.rawData() != null) {
            ByteBuffer raw = proto.rawData();
            if (raw.remaining() != (long) count * type.bytes) {
                throw new ModelFormatException(file, "tensor '" + name + "' has " + raw.remaining()
                        + " bytes of raw_data but shape " + Arrays.toString(shape) + " of " + type + " needs "
                        + (long) count * type.bytes);
            }
            values = decodeRaw(raw.duplicate().order(ByteOrder.LITTLE_ENDIAN), type, count);
        } else {
            values = decodeTyped(proto, type, name, shape, count);
        }
        return new Tensor(name, shape, type.name(), values);
    }

    private int[] shape(OnnxTensorProto proto, String name) throws ModelFormatException {
        int[] shape = new int[proto.dims().length];
        for (int d = 0; d < shape.length; d++) {
            long dim = proto.dims()[d];
            if (dim < 0 || dim > MAX_ELEMENTS) {
                throw new ModelFormatException(file, "tensor '" + name + "' has invalid dimension " + dim
                        + " in shape " + Arrays.toString(proto.dims()));
            }
            shape[d] = (int) dim;
        }
        return shape;
    }

    private int elementCount(int[] shape, String name) throws ModelFormatException {
        long count = 1;
        for (int dim : shape) {
            count *= dim;
            if (count > MAX_ELEMENTS) {
                throw new ModelFormatException(file, "tensor '" + name + "' with shape " + Arrays.toString(shape)
                        + " has more elements than a Java array can hold (" + MAX_ELEMENTS + ")");
            }
        }
        return (int) count;
    }

    private static double[] decodeRaw(ByteBuffer raw, OnnxDataType type, int count) {
        double[] values = new double[count];
        for (int k = 0; k < count; k++) {
            values[k] = switch (type) {
                case FLOAT -> raw.getFloat();
                case DOUBLE -> raw.getDouble();
                case FLOAT16 -> HalfFloats.float16(raw.getShort());
                case BFLOAT16 -> HalfFloats.bfloat16(raw.getShort());
                case UINT8, BOOL -> raw.get() & 0xFF;
                case INT8 -> raw.get();
                case UINT16 -> raw.getShort() & 0xFFFF;
                case INT16 -> raw.getShort();
                case INT32 -> raw.getInt();
                case UINT32 -> raw.getInt() & 0xFFFFFFFFL;
                case INT64 -> raw.getLong();
                case UINT64 -> unsignedToDouble(raw.getLong());
            };
        }
        return values;
    }

    /** Decodes the typed field that onnx.proto assigns to the type. */
    private double[] decodeTyped(OnnxTensorProto proto, OnnxDataType type, String name, int[] shape, int count)
            throws ModelFormatException {
        int stored = switch (type) {
            case FLOAT -> proto.floatData().length;
            case DOUBLE -> proto.doubleData().length;
            case INT64 -> proto.int64Data().length;
            case UINT32, UINT64 -> proto.uint64Data().length;
            default -> proto.int32Data().length;
        };
        if (stored != count) {
            throw new ModelFormatException(file, "tensor '" + name + "' stores " + stored + " values but shape "
                    + Arrays.toString(shape) + " needs " + count);
        }
        double[] values = new double[count];
        for (int k = 0; k < count; k++) {
            values[k] = switch (type) {
                case FLOAT -> proto.floatData()[k];
                case DOUBLE -> proto.doubleData()[k];
                case INT64 -> proto.int64Data()[k];
                case UINT32 -> proto.uint64Data()[k];
                case UINT64 -> unsignedToDouble(proto.uint64Data()[k]);
                case FLOAT16 -> HalfFloats.float16((int) proto.int32Data()[k]);
                case BFLOAT16 -> HalfFloats.bfloat16((int) proto.int32Data()[k]);
                // int32_data contains 8- and 16-bit integers as varints; INT32 values arrive sign-extended.
                default -> (int) proto.int32Data()[k];
            };
        }
        return values;
    }

    /** Reads an external data block, checking that it stays inside the model's directory and file. */
    private ByteBuffer readExternal(OnnxTensorProto proto, String name, long expectedBytes) throws IOException {
        String location = proto.externalData().get("location");
        if (location == null || location.isEmpty()) {
            throw new ModelFormatException(file, "tensor '" + name + "' has external data without a location");
        }
        Path dataFile = resolveInside(location, name);
        long offset = parseNonNegative(proto, "offset", 0, name);
        long length = parseNonNegative(proto, "length", expectedBytes, name);
        if (length != expectedBytes) {
            throw new ModelFormatException(file, "tensor '" + name + "' declares " + length
                    + " bytes of external data but its shape and type need " + expectedBytes);
        }
        if (!Files.isRegularFile(dataFile)) {
            throw new ModelFormatException(file, "external data file '" + location + "' of tensor '" + name
                    + "' not found next to the model");
        }
        try (FileChannel channel = FileChannel.open(dataFile, StandardOpenOption.READ)) {
            long size = channel.size();
            if (offset > size || length > size - offset) {
                throw new ModelFormatException(file, "tensor '" + name + "' declares external bytes " + offset
                        + " to " + (offset + length) + " but '" + location + "' has only " + size + " bytes");
            }
            ByteBuffer data = ByteBuffer.allocate((int) length).order(ByteOrder.LITTLE_ENDIAN);
            while (data.hasRemaining()) {
                if (channel.read(data, offset + data.position()) < 0) {
                    throw new ModelFormatException(file, "external data file '" + location + "' ended early");
                }
            }
            return data.flip();
        }
    }

    private Path resolveInside(String location, String name) throws IOException {
        Path resolved;
        try {
            Path relative = Path.of(location);
            if (relative.isAbsolute()) {
                throw new ModelFormatException(file, "tensor '" + name + "' names external data by the absolute"
                        + " path '" + location + "'; only paths inside the model's directory are read");
            }
            resolved = modelDirectory.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            throw new ModelFormatException(file, "tensor '" + name + "' has an invalid external data location '"
                    + location + "'");
        }
        boolean inside = resolved.startsWith(modelDirectory);
        if (inside && Files.exists(resolved)) {
            // A symbolic link inside the directory may still point out of it.
            inside = resolved.toRealPath().startsWith(modelDirectory.toRealPath());
        }
        if (!inside) {
            throw new ModelFormatException(file, "tensor '" + name + "' names external data '" + location
                    + "' outside the model's directory; such paths are rejected");
        }
        return resolved;
    }

    private long parseNonNegative(OnnxTensorProto proto, String key, long fallback, String name)
            throws ModelFormatException {
        String text = proto.externalData().get(key);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ModelFormatException(file, "tensor '" + name + "' has invalid external data " + key + " '"
                + text + "'");
    }

    private static double unsignedToDouble(long bits) {
        double value = (double) (bits >>> 1) * 2.0;
        return value + (bits & 1);
    }
}

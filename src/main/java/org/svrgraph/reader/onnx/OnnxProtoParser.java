package org.svrgraph.reader.onnx;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.svrgraph.reader.ModelFormatException;

/**
 * Parses the ONNX protobuf messages the reader needs (ModelProto, GraphProto, NodeProto,
 * AttributeProto, TensorProto, ValueInfoProto) by field number, as defined in onnx.proto of the
 * ONNX project. Unknown fields are skipped, as protobuf requires.
 */
final class OnnxProtoParser {

    private final Path file;

    OnnxProtoParser(Path file) {
        this.file = file;
    }

    /** Parses a ModelProto from {@code bytes}, the whole file. */
    OnnxGraph parseModel(ByteBuffer bytes) throws ModelFormatException {
        ProtoReader model = new ProtoReader(file, bytes, 0);
        long irVersion = 0;
        String producer = "";
        ProtoReader graph = null;
        while (model.nextField()) {
            switch (model.fieldNumber()) {
                case 1 -> irVersion = readInt(model);
                case 2 -> producer = model.readString();
                case 7 -> graph = model.readMessage();
                default -> model.skip();
            }
        }
        if (graph == null) {
            throw new ModelFormatException(file, "no graph found: this is not an ONNX model"
                    + " (a ModelProto with field 7, graph)");
        }
        return parseGraph(graph, irVersion, producer);
    }

    private OnnxGraph parseGraph(ProtoReader graph, long irVersion, String producer) throws ModelFormatException {
        List<OnnxNode> nodes = new ArrayList<>();
        List<OnnxTensorProto> initializers = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        while (graph.nextField()) {
            switch (graph.fieldNumber()) {
                case 1 -> nodes.add(parseNode(graph.readMessage()));
                case 5 -> initializers.add(parseTensor(graph.readMessage()));
                case 11 -> inputs.add(parseValueInfoName(graph.readMessage()));
                case 12 -> outputs.add(parseValueInfoName(graph.readMessage()));
                default -> graph.skip();
            }
        }
        return new OnnxGraph(irVersion, producer, nodes, initializers, inputs, outputs);
    }

    private OnnxNode parseNode(ProtoReader node) throws ModelFormatException {
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        String name = "";
        String opType = "";
        String domain = "";
        Map<String, OnnxAttribute> attributes = new LinkedHashMap<>();
        while (node.nextField()) {
            switch (node.fieldNumber()) {
                case 1 -> inputs.add(node.readString());
                case 2 -> outputs.add(node.readString());
                case 3 -> name = node.readString();
                case 4 -> opType = node.readString();
                case 5 -> {
                    OnnxAttribute attribute = parseAttribute(node.readMessage());
                    attributes.put(attribute.name(), attribute);
                }
                case 7 -> domain = node.readString();
                default -> node.skip();
            }
        }
        if (opType.isEmpty()) {
            throw node.invalid("node '" + name + "' has no op_type");
        }
        return new OnnxNode(name, opType, domain, inputs, outputs, attributes);
    }

    private OnnxAttribute parseAttribute(ProtoReader attribute) throws ModelFormatException {
        String name = "";
        float floatValue = 0;
        long intValue = 0;
        OnnxTensorProto tensor = null;
        LongList ints = new LongList();
        while (attribute.nextField()) {
            switch (attribute.fieldNumber()) {
                case 1 -> name = attribute.readString();
                case 2 -> {
                    attribute.expect(ProtoReader.FIXED32);
                    floatValue = Float.intBitsToFloat(attribute.readFixed32());
                }
                case 3 -> intValue = readInt(attribute);
                case 5 -> tensor = parseTensor(attribute.readMessage());
                case 8 -> readVarints(attribute, ints);
                default -> attribute.skip();
            }
        }
        return new OnnxAttribute(name, floatValue, intValue, tensor, ints.toArray());
    }

    private OnnxTensorProto parseTensor(ProtoReader tensor) throws ModelFormatException {
        LongList dims = new LongList();
        int dataType = 0;
        String name = "";
        ByteBuffer raw = null;
        DoubleList floats = new DoubleList();
        LongList int32s = new LongList();
        LongList int64s = new LongList();
        DoubleList doubles = new DoubleList();
        LongList uint64s = new LongList();
        boolean external = false;
        Map<String, String> externalData = new LinkedHashMap<>();
        while (tensor.nextField()) {
            switch (tensor.fieldNumber()) {
                case 1 -> readVarints(tensor, dims);
                case 2 -> dataType = (int) readInt(tensor);
                case 4 -> readFloats(tensor, floats);
                case 5 -> readVarints(tensor, int32s);
                case 7 -> readVarints(tensor, int64s);
                case 8 -> name = tensor.readString();
                case 9 -> {
                    tensor.expect(ProtoReader.LENGTH_DELIMITED);
                    raw = tensor.readBytes();
                }
                case 10 -> readDoubles(tensor, doubles);
                case 11 -> readVarints(tensor, uint64s);
                case 13 -> readEntry(tensor.readMessage(), externalData);
                case 14 -> external = readInt(tensor) == 1;
                default -> tensor.skip();
            }
        }
        return new OnnxTensorProto(name, dims.toArray(), dataType, raw, floats.toArray(), int32s.toArray(),
                int64s.toArray(), doubles.toArray(), uint64s.toArray(), external, externalData);
    }

    private static String parseValueInfoName(ProtoReader valueInfo) throws ModelFormatException {
        String name = "";
        while (valueInfo.nextField()) {
            if (valueInfo.fieldNumber() == 1) {
                name = valueInfo.readString();
            } else {
                valueInfo.skip();
            }
        }
        return name;
    }

    private static void readEntry(ProtoReader entry, Map<String, String> into) throws ModelFormatException {
        String key = "";
        String value = "";
        while (entry.nextField()) {
            switch (entry.fieldNumber()) {
                case 1 -> key = entry.readString();
                case 2 -> value = entry.readString();
                default -> entry.skip();
            }
        }
        into.put(key, value);
    }

    private static long readInt(ProtoReader reader) throws ModelFormatException {
        reader.expect(ProtoReader.VARINT);
        return reader.readVarint();
    }

    /** Reads a repeated varint field, packed (one length-delimited run) or not (one value per tag). */
    private static void readVarints(ProtoReader reader, LongList into) throws ModelFormatException {
        if (reader.wireType() == ProtoReader.LENGTH_DELIMITED) {
            ProtoReader packed = reader.readMessage();
            while (packed.hasRemaining()) {
                into.add(packed.readVarint());
            }
        } else {
            into.add(readInt(reader));
        }
    }

    private static void readFloats(ProtoReader reader, DoubleList into) throws ModelFormatException {
        if (reader.wireType() == ProtoReader.LENGTH_DELIMITED) {
            ByteBuffer packed = reader.readBytes();
            if (packed.remaining() % 4 != 0) {
                throw reader.invalid("packed float field of " + packed.remaining() + " bytes, not a multiple of 4");
            }
            while (packed.hasRemaining()) {
                into.add(packed.getFloat());
            }
        } else {
            reader.expect(ProtoReader.FIXED32);
            into.add(Float.intBitsToFloat(reader.readFixed32()));
        }
    }

    private static void readDoubles(ProtoReader reader, DoubleList into) throws ModelFormatException {
        if (reader.wireType() == ProtoReader.LENGTH_DELIMITED) {
            ByteBuffer packed = reader.readBytes();
            if (packed.remaining() % 8 != 0) {
                throw reader.invalid("packed double field of " + packed.remaining() + " bytes, not a multiple of 8");
            }
            while (packed.hasRemaining()) {
                into.add(packed.getDouble());
            }
        } else {
            reader.expect(ProtoReader.FIXED64);
            into.add(Double.longBitsToDouble(reader.readFixed64()));
        }
    }

    /** A growable long array, so repeated fields are not boxed. */
    private static final class LongList {
        private long[] values = new long[8];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** A growable double array, so repeated fields are not boxed. */
    private static final class DoubleList {
        private double[] values = new double[8];
        private int size;

        void add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}

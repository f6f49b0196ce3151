package org.svrgraph.reader.safetensors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.svrgraph.reader.ModelFormatException;
import org.svrgraph.reader.Tensor;
import org.svrgraph.reader.data.ElementType;
import org.svrgraph.reader.data.TensorData;

/**
 * One safetensors file: an 8-byte little-endian header length N, N bytes of JSON mapping each
 * tensor name to its dtype, shape and [begin, end) byte offsets into the data that follows, and an
 * optional {@code __metadata__} entry of strings. Every size is checked against the file before
 * anything is allocated.
 */
final class SafetensorsFile {

    /** The reference implementation rejects headers above 100 MB; so does this reader. */
    private static final long MAX_HEADER_BYTES = 100_000_000;

    private static final Map<String, ElementType> DTYPES = Map.of(
            "F16", ElementType.FLOAT16, "BF16", ElementType.BFLOAT16, "F32", ElementType.FLOAT32,
            "F64", ElementType.FLOAT64, "I8", ElementType.INT8, "U8", ElementType.UINT8,
            "I16", ElementType.INT16, "I32", ElementType.INT32, "I64", ElementType.INT64,
            "BOOL", ElementType.BOOL);

    private static final ObjectMapper JSON = new ObjectMapper();

    private SafetensorsFile() {
    }

    /** Returns whether the file's first bytes look like a safetensors header: a length, then '{'. */
    static boolean looksLike(byte[] head, long fileSize) {
        if (head.length < 9 || head[8] != '{') {
            return false;
        }
        long length = ByteBuffer.wrap(head, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return length > 0 && length <= fileSize - 8;
    }

    /** Reads every tensor of the file, in header order. */
    static List<Tensor> read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = channel.size();
            long headerLength = headerLength(channel, fileSize, file);
            JsonNode header = parseHeader(channel, headerLength, file);
            long dataStart = 8 + headerLength;
            long dataSize = fileSize - dataStart;
            List<Tensor> tensors = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> fields = header.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getKey().equals("__metadata__")) {
                    tensors.add(readTensor(channel, dataStart, dataSize, field.getKey(), field.getValue(), file));
                }
            }
            return tensors;
        }
    }

    private static long headerLength(FileChannel channel, long fileSize, Path file) throws IOException {
        if (fileSize < 8) {
            throw new ModelFormatException(file, "file has " + fileSize
                    + " bytes, fewer than the 8-byte safetensors header length");
        }
        ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        while (prefix.hasRemaining() && channel.read(prefix, prefix.position()) >= 0) {
            // read until the 8 bytes are in
        }
        long length = prefix.getLong(0);
        if (length <= 0 || length > fileSize - 8) {
            throw new ModelFormatException(file, "safetensors header declares " + Long.toUnsignedString(length)
                    + " bytes of JSON, but the file has only " + (fileSize - 8) + " bytes after the length;"
                    + " the file is truncated or not safetensors");
        }
        if (length > MAX_HEADER_BYTES) {
            throw new ModelFormatException(file, "safetensors header of " + length + " bytes exceeds the "
                    + MAX_HEADER_BYTES + "-byte limit");
        }
        return length;
    }

    private static JsonNode parseHeader(FileChannel channel, long length, Path file) throws IOException {
        ByteBuffer text = ByteBuffer.allocate((int) length);
        while (text.hasRemaining() && channel.read(text, 8 + text.position()) >= 0) {
            // read until the header is in; the length was checked against the file size
        }
        JsonNode header;
        try {
            header = JSON.readTree(new String(text.array(), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(file, "safetensors header is not valid JSON: "
                    + e.getOriginalMessage());
        }
        if (header == null || !header.isObject()) {
            throw new ModelFormatException(file, "safetensors header is not a JSON object");
        }
        return header;
    }

    private static Tensor readTensor(FileChannel channel, long dataStart, long dataSize, String name,
            JsonNode entry, Path file) throws IOException {
        JsonNode dtype = entry.get("dtype");
        JsonNode shapeNode = entry.get("shape");
        JsonNode offsets = entry.get("data_offsets");
        if (dtype == null || !dtype.isTextual() || shapeNode == null || !shapeNode.isArray() || offsets == null
                || !offsets.isArray() || offsets.size() != 2) {
            throw new ModelFormatException(file, "safetensors entry '" + name
                    + "' needs a dtype string, a shape array and data_offsets [begin, end]: " + entry);
        }
        ElementType type = DTYPES.get(dtype.asText());
        if (type == null) {
            throw new ModelFormatException(file, "tensor '" + name + "' has unsupported dtype '" + dtype.asText()
                    + "'; supported: F32, F16, BF16, F64 (and the integer types I8 U8 I16 I32 I64 BOOL)");
        }
        long[] shape = longs(shapeNode, name, "shape", file);
        long[] range = longs(offsets, name, "data_offsets", file);
        if (range[0] > range[1] || range[1] > dataSize) {
            throw new ModelFormatException(file, "tensor '" + name + "' has data_offsets [" + range[0] + ", "
                    + range[1] + "] outside the " + dataSize + " data bytes of the file");
        }
        long count = TensorData.elementCount(file, name, shape);
        if (count * type.byteSize() != range[1] - range[0]) {
            throw new ModelFormatException(file, "tensor '" + name + "' has shape " + java.util.Arrays.toString(shape)
                    + " of " + dtype.asText() + " (" + count * type.byteSize() + " bytes) but its data_offsets span "
                    + (range[1] - range[0]) + " bytes");
        }
        double[] values = TensorData.allocate(file, name, count);
        TensorData.decode(channel, dataStart + range[0], type, ByteOrder.LITTLE_ENDIAN, values, file, name);
        return new Tensor(name, TensorData.toIntShape(shape), dtype.asText(), values);
    }

    private static long[] longs(JsonNode array, String name, String field, Path file) throws ModelFormatException {
        long[] values = new long[array.size()];
        for (int k = 0; k < values.length; k++) {
            JsonNode item = array.get(k);
            if (!item.canConvertToLong() || !item.isIntegralNumber() || item.asLong() < 0) {
                throw new ModelFormatException(file, "tensor '" + name + "' has an invalid " + field + ": " + array);
            }
            values[k] = item.asLong();
        }
        return values;
    }
}

package org.svrgraph.reader.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.svrgraph.reader.ModelFormatException;
import org.svrgraph.reader.Tensor;
import org.svrgraph.reader.graph.HalfFloats;

/**
 * Reads the weights a TF.js {@code weightsManifest} describes. Each group lists its shard files,
 * which hold its weights back to back once concatenated in order, little-endian. A quantized weight
 * ({@code quantization.dtype} uint8 or uint16) stores q and means {@code q * scale + min}; a
 * float16-quantized weight stores IEEE half floats.
 */
final class TfjsWeightsManifest {

    /** Largest element count a Java array can hold. */
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private final Path file;
    private final Path directory;

    TfjsWeightsManifest(Path file) {
        this.file = file;
        Path parent = file.toAbsolutePath().normalize().getParent();
        this.directory = parent != null ? parent : file.toAbsolutePath().getRoot();
    }

    /** Reads every weight of every group, in manifest order, keyed by weight name. */
    Map<String, Tensor> read(JsonNode manifest) throws IOException {
        if (manifest == null || !manifest.isArray()) {
            throw new ModelFormatException(file, "weightsManifest is missing or not a list");
        }
        Map<String, Tensor> weights = new LinkedHashMap<>();
        for (JsonNode group : manifest) {
            readGroup(group, weights);
        }
        return weights;
    }

    private void readGroup(JsonNode group, Map<String, Tensor> into) throws IOException {
        List<Entry> entries = new ArrayList<>();
        long declaredBytes = 0;
        for (JsonNode weight : group.path("weights")) {
            Entry entry = entry(weight);
            entries.add(entry);
            declaredBytes += entry.bytes();
        }
        List<Path> shards = shards(group.path("paths"));
        long shardBytes = 0;
        for (Path shard : shards) {
            shardBytes += Files.size(shard);
        }
        if (declaredBytes != shardBytes) {
            throw new ModelFormatException(file, "the weights manifest describes " + declaredBytes + " bytes but"
                    + " its shard files " + shards.stream().map(p -> p.getFileName().toString()).toList() + " have "
                    + shardBytes + (declaredBytes > shardBytes ? "; a shard is truncated or missing"
                    : "; a weight's shape or dtype does not match the stored bytes"));
        }
        if (shardBytes > Integer.MAX_VALUE - 8) {
            throw new ModelFormatException(file, "a weight group of " + shardBytes + " bytes is larger than the"
                    + " 2 GiB this reader supports");
        }
        ByteBuffer data = concatenate(shards, (int) shardBytes);
        for (Entry entry : entries) {
            into.put(entry.name(), new Tensor(entry.name(), entry.shape(), entry.dtypeName(), decode(entry, data)));
        }
    }

    /** One manifest entry with its storage resolved; {@code storage} is how its bytes are encoded. */
    private record Entry(String name, int[] shape, int count, String storage, double scale, double min,
            String dtypeName) {

        long bytes() {
            return (long) count * switch (storage) {
                case "uint8", "bool" -> 1;
                case "uint16", "float16" -> 2;
                default -> 4;
            };
        }
    }

    private Entry entry(JsonNode weight) throws ModelFormatException {
        String name = weight.path("name").asText("");
        if (name.isEmpty() || !weight.path("shape").isArray()) {
            throw new ModelFormatException(file, "a weightsManifest entry has no name or shape: "
                    + abbreviate(weight.toString()));
        }
        JsonNode shapeNode = weight.get("shape");
        int[] shape = new int[shapeNode.size()];
        long count = 1;
        for (int d = 0; d < shape.length; d++) {
            JsonNode dim = shapeNode.get(d);
            if (!dim.canConvertToInt() || dim.asInt() < 0) {
                throw new ModelFormatException(file, "weight '" + name + "' has invalid dimension " + dim
                        + " in shape " + shapeNode);
            }
            shape[d] = dim.asInt();
            count *= shape[d];
            if (count > MAX_ELEMENTS) {
                throw new ModelFormatException(file, "weight '" + name + "' with shape " + shapeNode
                        + " has more elements than a Java array can hold (" + MAX_ELEMENTS + ")");
            }
        }
        String dtype = weight.path("dtype").asText("float32");
        JsonNode quantization = weight.get("quantization");
        if (quantization != null && quantization.isObject()) {
            String stored = quantization.path("dtype").asText("");
            if (stored.equals("uint8") || stored.equals("uint16")) {
                if (!quantization.path("scale").isNumber() || !quantization.path("min").isNumber()) {
                    throw new ModelFormatException(file, "weight '" + name + "' is " + stored
                            + "-quantized but has no numeric scale and min");
                }
                return new Entry(name, shape, (int) count, stored, quantization.get("scale").asDouble(),
                        quantization.get("min").asDouble(), dtype + " (" + stored + "-quantized)");
            }
            if (stored.equals("float16")) {
                return new Entry(name, shape, (int) count, stored, 1, 0, dtype + " (float16-quantized)");
            }
            throw new ModelFormatException(file, "weight '" + name + "' has unsupported quantization dtype '"
                    + stored + "'; uint8, uint16 and float16 are supported");
        }
        if (!dtype.equals("float32") && !dtype.equals("int32") && !dtype.equals("bool") && !dtype.equals("float16")) {
            throw new ModelFormatException(file, "weight '" + name + "' has unsupported dtype '" + dtype
                    + "'; float32, float16, int32 and bool are supported");
        }
        return new Entry(name, shape, (int) count, dtype, 1, 0, dtype);
    }

    private static double[] decode(Entry entry, ByteBuffer data) {
        double[] values = new double[entry.count()];
        for (int k = 0; k < values.length; k++) {
            values[k] = switch (entry.storage()) {
                case "uint8" -> (data.get() & 0xFF) * entry.scale() + entry.min();
                case "uint16" -> (data.getShort() & 0xFFFF) * entry.scale() + entry.min();
                case "float16" -> HalfFloats.float16(data.getShort());
                case "int32" -> data.getInt();
                case "bool" -> data.get() & 0xFF;
                default -> data.getFloat();
            };
        }
        return values;
    }

    private List<Path> shards(JsonNode paths) throws IOException {
        if (!paths.isArray() || paths.isEmpty()) {
            throw new ModelFormatException(file, "a weightsManifest group has no paths");
        }
        List<Path> shards = new ArrayList<>();
        for (JsonNode path : paths) {
            shards.add(resolveInside(path.asText("")));
        }
        return shards;
    }

    private Path resolveInside(String location) throws IOException {
        Path resolved;
        try {
            Path relative = Path.of(location);
            if (location.isEmpty() || relative.isAbsolute()) {
                throw new ModelFormatException(file, "weight shard path '" + location + "' is empty or absolute;"
                        + " only paths inside the model's directory are read");
            }
            resolved = directory.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            throw new ModelFormatException(file, "invalid weight shard path '" + location + "'");
        }
        boolean inside = resolved.startsWith(directory);
        if (inside && Files.exists(resolved)) {
            // A symbolic link inside the directory may still point out of it.
            inside = resolved.toRealPath().startsWith(directory.toRealPath());
        }
        if (!inside) {
            throw new ModelFormatException(file, "weight shard path '" + location + "' leaves the model's"
                    + " directory; such paths are rejected");
        }
        if (!Files.isRegularFile(resolved)) {
            throw new ModelFormatException(file, "weight shard '" + location + "' not found next to the model");
        }
        return resolved;
    }

    private ByteBuffer concatenate(List<Path> shards, int totalBytes) throws IOException {
        byte[] data = new byte[totalBytes];
        int offset = 0;
        for (Path shard : shards) {
            try (InputStream in = Files.newInputStream(shard)) {
                offset += in.readNBytes(data, offset, totalBytes - offset);
            }
        }
        if (offset != totalBytes) {
            throw new ModelFormatException(file, "weight shards ended after " + offset + " of " + totalBytes
                    + " bytes; they changed while being read");
        }
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}

package org.svrgraph.reader.safetensors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.svrgraph.reader.ModelFormatException;
import org.svrgraph.reader.Tensor;

/**
 * A safetensors model split into shards, as Hugging Face writes it: files
 * {@code NAME-00001-of-00003.safetensors} and so on, and {@code NAME.safetensors.index.json}
 * whose {@code weight_map} maps every tensor name to its shard file.
 */
final class ShardedModel {

    private static final Pattern SHARD = Pattern.compile("(.+)-(\\d+)-of-(\\d+)\\.safetensors");
    private static final String INDEX_SUFFIX = ".safetensors.index.json";
    /** Index files are small; this bound only stops a corrupted file from filling the heap. */
    private static final long MAX_INDEX_BYTES = 64L << 20;

    private final Path argument;
    private final Path index;
    private final List<Path> shards;
    /** Tensor names in index order, or empty when there is no index. */
    private final Map<String, Path> weightMap;

    private ShardedModel(Path argument, Path index, List<Path> shards, Map<String, Path> weightMap) {
        this.argument = argument;
        this.index = index;
        this.shards = shards;
        this.weightMap = weightMap;
    }

    /**
     * Returns the sharded model the file belongs to, or null when it is a single safetensors file.
     * A shard without an index next to it is read with its siblings {@code 1..N}.
     */
    static ShardedModel find(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        String name = file.getFileName().toString();
        if (name.endsWith(INDEX_SUFFIX)) {
            return fromIndex(file, file);
        }
        Matcher shard = SHARD.matcher(name);
        if (!shard.matches()) {
            return null;
        }
        Path index = directory.resolve(shard.group(1) + INDEX_SUFFIX);
        if (Files.isRegularFile(index)) {
            return fromIndex(file, index);
        }
        int total = Integer.parseInt(shard.group(3));
        int digits = shard.group(2).length();
        List<Path> shards = new ArrayList<>();
        for (int k = 1; k <= total; k++) {
            String shardName = String.format("%s-%0" + digits + "d-of-%s.safetensors", shard.group(1), k, shard.group(3));
            Path sibling = directory.resolve(shardName);
            if (!Files.isRegularFile(sibling)) {
                throw new ModelFormatException(file, "shard " + k + " of " + total + " is missing: " + sibling
                        + " (and no index " + index.getFileName() + " was found)");
            }
            shards.add(sibling);
        }
        return new ShardedModel(file, null, shards, Map.of());
    }

    private static ShardedModel fromIndex(Path argument, Path index) throws IOException {
        long size = Files.size(index);
        if (size > MAX_INDEX_BYTES) {
            throw new ModelFormatException(index, "index file has " + size + " bytes, more than an index can need");
        }

        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(index));
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(index, "index is not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode map = root == null ? null : root.get("weight_map");
        if (map == null || !map.isObject() || map.isEmpty()) {
            throw new ModelFormatException(index, "index has no weight_map object naming the shard of each tensor");
        }

        Path directory = index.toAbsolutePath().getParent();
        Map<String, Path> weightMap = new LinkedHashMap<>();
        Set<Path> shards = new LinkedHashSet<>();
        var fields = map.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            String shardName = field.getValue().asText("");
            // Shards must sit next to the index; a path in the name could point anywhere on disk.
            if (!field.getValue().isTextual() || shardName.isEmpty() || shardName.contains("/")
                    || shardName.contains("\\") || shardName.equals("..")) {
                throw new ModelFormatException(index, "weight_map entry '" + field.getKey()
                        + "' names an invalid shard file '" + field.getValue() + "'; shards are file names in the"
                        + " index's directory");
            }
            Path shard = directory.resolve(shardName);
            weightMap.put(field.getKey(), shard);
            shards.add(shard);
        }

        for (Path shard : shards) {
            if (!Files.isRegularFile(shard)) {
                throw new ModelFormatException(index, "shard " + shard.getFileName() + " named in weight_map is missing");
            }
        }
        return new ShardedModel(argument, index, List.copyOf(shards), weightMap);
    }

    int shardCount() {
        return shards.size();
    }

    /** Reads every shard; with an index, returns the tensors in weight_map order and checks that each is in the shard the index names. */
    List<Tensor> read() throws IOException {
        Map<String, Tensor> byName = new LinkedHashMap<>();
        Map<String, Path> foundIn = new HashMap<>();
        for (Path shard : shards) {
            for (Tensor tensor : SafetensorsFile.read(shard)) {
                if (byName.putIfAbsent(tensor.name(), tensor) != null) {
                    throw new ModelFormatException(shard, "tensor '" + tensor.name() + "' also appears in shard "
                            + foundIn.get(tensor.name()).getFileName());
                }
                foundIn.put(tensor.name(), shard);
            }
        }
        if (index == null) {
            return List.copyOf(byName.values());
        }
        List<Tensor> ordered = new ArrayList<>();
        for (Map.Entry<String, Path> entry : weightMap.entrySet()) {
            Path shard = foundIn.get(entry.getKey());
            if (shard == null || !shard.equals(entry.getValue())) {
                throw new ModelFormatException(index, "weight_map puts tensor '" + entry.getKey() + "' in "
                        + entry.getValue().getFileName() + " but "
                        + (shard == null ? "no shard contains it" : "it is in " + shard.getFileName()));
            }
            ordered.add(byName.get(entry.getKey()));
        }
        if (ordered.size() != byName.size()) {
            Set<String> extra = new LinkedHashSet<>(byName.keySet());
            extra.removeAll(weightMap.keySet());
            throw new ModelFormatException(index, "shards contain tensors that weight_map does not list: " + extra);
        }
        return ordered;
    }

    @Override
    public String toString() {
        return argument.toString();
    }
}

package org.svrgraph.reader.tfjs;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.svrgraph.reader.ModelFormatException;
import org.svrgraph.reader.graph.GraphReference;

/** Broken copies of the scripted TF.js layers model: each must fail with one message naming the file. */
class TfjsInvalidInputTest {

    private static final String[] SHARDS = {"group1-shard1of2.bin", "group1-shard2of2.bin"};
    private final TfjsReader reader = new TfjsReader();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;
    private Path model;

    @BeforeEach
    void copyModel() throws IOException {
        Path source = GraphReference.fixture("small_net_tfjs/model.json").getParent();
        for (String name : new String[] {"model.json", SHARDS[0], SHARDS[1]}) {
            Files.copy(source.resolve(name), dir.resolve(name));
        }
        model = dir.resolve("model.json");
    }

    @Test
    void brokenJsonRejected() throws IOException {
        String text = Files.readString(model);
        Files.writeString(model, text.substring(0, text.length() / 2));

        assertRejected("invalid JSON at line 1");
    }

    @Test
    void truncatedShardRejected() throws IOException {
        Path shard = dir.resolve(SHARDS[1]);
        byte[] bytes = Files.readAllBytes(shard);
        Files.write(shard, Arrays.copyOf(bytes, bytes.length - 10));

        assertRejected("a shard is truncated or missing");
    }

    @Test
    void declaredSizeBeyondShardsRejected() throws IOException {
        editWeight(0, weight -> weight.set("shape", json.valueToTree(new int[] {3000, 3000, 3, 4})));

        assertRejected("a shard is truncated or missing");
    }

    @Test
    void hugeShapeRejectedBeforeAllocation() throws IOException {
        editWeight(0, weight -> weight.set("shape", json.valueToTree(new int[] {100000, 100000})));

        assertRejected("more elements than a Java array can hold");
    }

    @Test
    void shapeNotMatchingBytesRejected() throws IOException {
        // dense_1/kernel is [5, 3]; [5, 2] leaves bytes over at the end of the shards.
        editWeight(11, weight -> weight.set("shape", json.valueToTree(new int[] {5, 2})));

        assertRejected("a weight's shape or dtype does not match the stored bytes");
    }

    @Test
    void unsupportedDtypeRejected() throws IOException {
        editWeight(0, weight -> weight.put("dtype", "complex64"));

        assertRejected("unsupported dtype 'complex64'");
    }

    @Test
    void unsupportedQuantizationRejected() throws IOException {
        editWeight(5, weight -> ((ObjectNode) weight.get("quantization")).put("dtype", "int4"));

        assertRejected("unsupported quantization dtype 'int4'");
    }

    @Test
    void shardOutsideDirectoryRejected() throws IOException {
        editManifest(group -> ((ArrayNode) group.get("paths")).set(0, "../" + SHARDS[0]));

        assertRejected("leaves the model's directory");
    }

    @Test
    void missingShardRejected() throws IOException {
        Files.delete(dir.resolve(SHARDS[0]));

        assertRejected("weight shard 'group1-shard1of2.bin' not found");
    }

    @Test
    void jsonWithoutTopologyRejected() throws IOException {
        Files.writeString(model, "{\"format\": \"layers-model\"}");

        assertRejected("no modelTopology");
    }

    private void editWeight(int index, Consumer<ObjectNode> edit) throws IOException {
        editManifest(group -> edit.accept((ObjectNode) group.get("weights").get(index)));
    }

    private void editManifest(Consumer<ObjectNode> edit) throws IOException {
        ObjectNode root = (ObjectNode) json.readTree(model.toFile());
        edit.accept((ObjectNode) root.get("weightsManifest").get(0));
        json.writeValue(model.toFile(), root);
    }

    private void assertRejected(String problem) {
        ModelFormatException error = assertThrows(ModelFormatException.class, () -> reader.read(model));
        assertTrue(error.getMessage().startsWith(model.toString()), error.getMessage());
        assertTrue(error.getMessage().contains(problem), error.getMessage());
    }
}

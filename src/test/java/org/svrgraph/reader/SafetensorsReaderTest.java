package org.svrgraph.reader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.svrgraph.chain.LinearMap;

class SafetensorsReaderTest {

    @TempDir
    Path dir;

    private static ModelChain npz() throws Exception {
        return ModelFiles.readChain(Fixtures.path("tiny_cnn.npz"), ChainSelection.automatic());
    }

    @Test
    void singleFileMatchesNpz() throws Exception {
        ModelChain model = ModelFiles.readChain(Fixtures.path("tiny_cnn.safetensors"), ChainSelection.automatic());

        assertEquals("safetensors", model.contents().format());
        assertEquals(Fixtures.CHAIN, model.takenNames());
        Fixtures.assertSameWeights(npz().chain(), model.chain(), 1e-6);
        for (LinearMap map : model.chain().maps()) {
            assertArrayEquals(Fixtures.referenceSingularValues(map.name(), "singular_values_svr"),
                    Fixtures.singularValues(map), 1e-6, "singular values of " + map.name());
        }
    }

    @Test
    void batchNormsAttachedAfterConvs() throws Exception {
        ModelChain model = ModelFiles.readChain(Fixtures.path("tiny_cnn.safetensors"), ChainSelection.automatic());

        assertEquals("features.1", model.chain().get(0).batchNorm().name());
        assertEquals("features.5", model.chain().get(1).batchNorm().name());
        assertNull(model.chain().get(2).batchNorm(), "features.10 is followed by a ReLU, not a BatchNorm");
        assertNull(model.chain().get(3).batchNorm());
        for (int l = 0; l < 2; l++) {
            LinearMap folded = model.chain().get(l).foldBatchNorm();
            assertArrayEquals(Fixtures.referenceSingularValues(folded.name(), "singular_values_svr_bn_folded"),
                    Fixtures.singularValues(folded), 1e-6, "folded singular values of " + folded.name());
        }
    }

    @Test
    void shardedByIndexOrShard() throws Exception {
        for (String name : new String[] {"model.safetensors.index.json", "model-00002-of-00002.safetensors"}) {
            ModelChain model = ModelFiles.readChain(Fixtures.path("sharded/" + name), ChainSelection.automatic());

            assertEquals(Fixtures.CHAIN, model.takenNames(), "chain read from " + name);
            assertNotNull(model.chain().get(1).batchNorm(), "BatchNorm across shards, read from " + name);
            Fixtures.assertSameWeights(npz().chain(), model.chain(), 1e-6);
        }
    }

    @Test
    void shardWithoutIndexReadsSiblings() throws Exception {
        for (String shard : new String[] {"model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"}) {
            Files.copy(Fixtures.path("sharded/" + shard), dir.resolve(shard));
        }

        ModelChain model = ModelFiles.readChain(dir.resolve("model-00001-of-00002.safetensors"), ChainSelection.automatic());

        assertEquals(Fixtures.CHAIN, model.takenNames());
    }

    @Test
    void missingShardNamed() throws Exception {
        Files.copy(Fixtures.path("sharded/model-00001-of-00002.safetensors"), dir.resolve("model-00001-of-00002.safetensors"));

        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelFiles.read(dir.resolve("model-00001-of-00002.safetensors")));

        assertTrue(e.getMessage().contains("shard 2 of 2 is missing"), e.getMessage());
    }

    @Test
    void indexShardOutsideDirectoryRejected() throws Exception {
        Path index = Files.writeString(dir.resolve("model.safetensors.index.json"),
                "{\"weight_map\": {\"a.weight\": \"../../etc/passwd\"}}");

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.read(index));

        assertTrue(e.getMessage().contains("invalid shard file"), e.getMessage());
    }

    @Test
    void bfloat16AndFloat16Decoded() throws Exception {
        // 1.5 is 0x3FC0 in bfloat16 and 0x3E00 in float16; -2 is 0xC000 in both.
        byte[] data = {(byte) 0xC0, 0x3F, 0x00, (byte) 0xC0, 0x00, 0x3E, 0x00, (byte) 0xC0};
        String header = "{\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[0,4]},"
                + "\"h\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[4,8]},\"__metadata__\":{\"format\":\"pt\"}}";
        Path file = Files.write(dir.resolve("x.safetensors"), BadFiles.safetensors(header, data));

        ModelContents contents = ModelFiles.read(file);

        assertArrayEquals(new double[] {1.5, -2}, contents.tensors().get(0).values());
        assertArrayEquals(new double[] {1.5, -2}, contents.tensors().get(1).values());
    }

    @Test
    void modelDirectoryReadsIndex() throws Exception {
        ModelContents contents = ModelFiles.read(Fixtures.path("sharded"));

        assertEquals("safetensors", contents.format());
        assertEquals(Fixtures.path("sharded/model.safetensors.index.json"), contents.file());
    }

    @Test
    void directoryWithoutModelRejected() {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.read(dir));

        assertTrue(e.getMessage().contains("is a directory without any of [model.safetensors.index.json"), e.getMessage());
    }

    @Test
    void corruptedIndexRejected() throws Exception {
        Path index = Files.writeString(dir.resolve("model.safetensors.index.json"), "{\"weight_map\": {\"a\": ");

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.read(index));

        assertTrue(e.getMessage().startsWith(index.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("index is not valid JSON"), e.getMessage());
    }

    @Test
    void indexNamingWrongShardRejected() throws Exception {
        for (String shard : new String[] {"model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"}) {
            Files.copy(Fixtures.path("sharded/" + shard), dir.resolve(shard));
        }
        String index = Files.readString(Fixtures.path("sharded/model.safetensors.index.json"))
                .replaceFirst("\"features.0.weight\": \"model-00001-of-00002", "\"features.0.weight\": \"model-00002-of-00002");
        Path indexFile = Files.writeString(dir.resolve("model.safetensors.index.json"), index);

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.read(indexFile));

        assertTrue(e.getMessage().contains("weight_map puts tensor 'features.0.weight' in model-00002-of-00002.safetensors"
                + " but it is in model-00001-of-00002.safetensors"), e.getMessage());
    }

    @Test
    void truncatedShardNamesShard() throws Exception {
        Files.copy(Fixtures.path("sharded/model-00001-of-00002.safetensors"), dir.resolve("model-00001-of-00002.safetensors"));
        Path second = BadFiles.truncated(Fixtures.path("sharded/model-00002-of-00002.safetensors"),
                dir.resolve("model-00002-of-00002.safetensors"), 0.5);

        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelFiles.read(dir.resolve("model-00001-of-00002.safetensors")));

        assertTrue(e.getMessage().startsWith(second.toString()), e.getMessage());
    }
}

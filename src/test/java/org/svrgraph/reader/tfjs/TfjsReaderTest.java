package org.svrgraph.reader.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.svrgraph.chain.BatchNorm;
import org.svrgraph.chain.FlattenOrder;
import org.svrgraph.chain.LinearMap;
import org.svrgraph.chain.WeightChain;
import org.svrgraph.reader.ModelContents;
import org.svrgraph.reader.graph.GraphReference;

/** Reads real TF.js graph models from the npm registry and a layers model written by a script. */
class TfjsReaderTest {

    private static JsonNode npmReference;
    private static GraphReference reference;
    private final TfjsReader reader = new TfjsReader();

    @BeforeAll
    static void loadReferences() throws IOException {
        npmReference = new ObjectMapper().readTree(GraphReference.npmFixture("npm_reference.json").toFile());
        reference = GraphReference.load();
    }

    @Test
    void antispoofHasThreeConvsAndTwoDense() throws IOException {
        ModelContents contents = reader.read(humanModel("antispoof.json"));
        List<LinearMap> maps = contents.graphMaps();

        assertShapes(maps, new int[][] {{64, 3, 3, 3}, {32, 64, 3, 3}, {16, 32, 3, 3}, {128, 3136}, {1, 128}});
        maps.forEach(map -> assertNull(map.batchNorm(), map.name() + " has no BatchNorm"));
        assertEquals(FlattenOrder.CHANNELS_LAST, maps.get(3).flattenOrder());
        assertEquals(196, new WeightChain(maps).inputPositions(2), "3136 inputs = 16 channels x 14 x 14");
        assertMatchesNumpy("antispoof", maps);
        assertEquals(11, contents.tensors().size(), "every manifest entry, the int32 flatten shape included");
    }

    @Test
    void livenessKeepsFoldedBatchNorm() throws IOException {
        List<LinearMap> maps = reader.read(humanModel("liveness.json")).graphMaps();

        assertShapes(maps, new int[][] {{16, 3, 3, 3}, {16, 16, 3, 3}, {32, 16, 3, 3}, {32, 32, 3, 3}, {64, 2048},
            {2, 64}});
        JsonNode scales = npmReference.path("liveness").path("scales");
        for (int m = 0; m < 5; m++) {
            BatchNorm norm = maps.get(m).batchNorm();
            assertNotNull(norm, maps.get(m).name() + " BatchNorm");
            assertEquals(0.0, norm.eps());
            assertEquals(0.0, sum(norm.runningMean()));
            assertEquals(norm.channels(), sum(norm.runningVar()), "variance 1 per channel");
            assertEquals(scales.get(m).path("sum").asDouble(), sum(norm.gamma()), 1e-9, norm.name() + " scale");
        }
        assertNull(maps.get(5).batchNorm());
        assertEquals(FlattenOrder.CHANNELS_LAST, maps.get(4).flattenOrder());
        new WeightChain(maps);
        assertMatchesNumpy("liveness", maps);
    }

    @Test
    void gearFollowsFirstHead() throws IOException {
        ModelContents contents = reader.read(humanModel("gear.json"));
        List<LinearMap> maps = contents.graphMaps();

        // Six convs, then the age head: the first output of three heads of equal depth.
        assertShapes(maps, new int[][] {{32, 3, 3, 3}, {64, 32, 3, 3}, {96, 64, 3, 3}, {128, 96, 3, 3},
            {160, 128, 3, 3}, {192, 160, 3, 3}, {256, 192}, {7, 256}});
        assertTrue(maps.get(6).name().contains("dense_1"), maps.get(6).name());
        assertTrue(maps.get(7).name().contains("age_output"), maps.get(7).name());
        assertNull(maps.get(0).batchNorm(), "the first conv has no BatchNorm after it");
        for (int m = 1; m < 6; m++) {
            assertNotNull(maps.get(m).batchNorm(), maps.get(m).name() + " BatchNorm");
            assertEquals(maps.get(m).outputs(), maps.get(m).batchNorm().channels());
        }
        new WeightChain(maps);
        assertMatchesNumpy("gear", maps);
        List<String> skipped = contents.graphSkipped().stream().map(skip -> skip.name().replaceAll(".*model_1/", ""))
                .toList();
        assertEquals(List.of("dense_3/MatMul/ReadVariableOp", "dense_2/MatMul/ReadVariableOp",
                "gender_output/MatMul/ReadVariableOp", "race_output/MatMul/ReadVariableOp"), skipped);
    }

    @Test
    void layersModelMatchesNumpyDequantization() throws IOException {
        ModelContents contents = reader.read(GraphReference.fixture("small_net_tfjs/model.json"));
        List<LinearMap> maps = contents.graphMaps();

        reference.assertMaps("tfjs_small_net", maps, 1e-12);
        assertEquals(FlattenOrder.CHANNELS_LAST, maps.get(2).flattenOrder());
        assertEquals("float32 (uint8-quantized)", contents.tensors().get(5).dtype());
    }

    @Test
    void layersModelApproximatesOriginalWeights() throws IOException {
        List<LinearMap> maps = reader.read(GraphReference.fixture("small_net_tfjs/model.json")).graphMaps();

        // uint8 quantization of values spread over about 6 units errs by at most 6 / 255 / 2.
        reference.assertMapsFromChannelsLast("small_net", maps, 0.015);
    }

    @Test
    void graphModelOpsMatchNumpy() throws IOException {
        ModelContents contents = reader.read(GraphReference.fixture("graph_tfjs/model.json"));
        List<LinearMap> maps = contents.graphMaps();

        // The ops: Conv2D + BiasAdd + FusedBatchNormV3, a skipped depthwise conv, _FusedConv2D with a
        // fused BatchNorm, MatMul with transpose_b and _FusedMatMul. The first conv kernel is uint8.
        reference.assertMaps("tfjs_graph", maps, 1e-12);
        assertEquals(FlattenOrder.CHANNELS_LAST, maps.get(2).flattenOrder());
        new WeightChain(maps);
    }

    @Test
    void acceptsModelJsonOnly() throws IOException {
        assertTrue(reader.accepts(humanModel("gear.json")));
        assertFalse(reader.accepts(GraphReference.fixture("reference.json")));
        assertFalse(reader.accepts(humanModel("gear.bin")));
    }

    private static void assertShapes(List<LinearMap> maps, int[][] shapes) {
        assertEquals(shapes.length, maps.size(), "number of maps");
        for (int m = 0; m < shapes.length; m++) {
            assertArrayEquals(shapes[m], maps.get(m).shape(), maps.get(m).name());
        }
    }

    /** Compares each map with the numpy summary of the weight of the same name. */
    private static void assertMatchesNumpy(String model, List<LinearMap> maps) {
        for (LinearMap map : maps) {
            JsonNode expected = null;
            for (JsonNode candidate : npmReference.path(model).path("maps")) {
                if (candidate.path("name").asText().equals(map.name())) {
                    expected = candidate;
                }
            }
            assertNotNull(expected, "numpy reference for " + map.name());
            double squares = 0;
            for (double w : map.weights()) {
                squares += w * w;
            }
            assertEquals(expected.path("sum").asDouble(), sum(map.weights()), 1e-9, map.name() + " sum");
            assertEquals(expected.path("sum_of_squares").asDouble(), squares, 1e-9, map.name() + " sum of squares");
            JsonNode indices = expected.path("indices");
            for (int k = 0; k < indices.size(); k++) {
                assertEquals(expected.path("values").get(k).asDouble(), map.weights()[indices.get(k).asInt()], 0.0,
                        map.name() + " value at flat index " + indices.get(k));
            }
        }
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }

    static Path humanModel(String name) {
        return GraphReference.npmFixture("human-models/" + name);
    }
}

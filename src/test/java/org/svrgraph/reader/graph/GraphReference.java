package org.svrgraph.reader.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.svrgraph.chain.BatchNorm;
import org.svrgraph.chain.FlattenOrder;
import org.svrgraph.chain.LinearMap;
import org.svrgraph.chain.MapKind;

/**
 * The expected maps that scripts/make_graph_fixtures.py wrote to fixtures/graph/reference.json,
 * computed there with numpy from the arrays it saved, and checks of read maps against them.
 */
public final class GraphReference {

    private final JsonNode root;

    private GraphReference(JsonNode root) {
        this.root = root;
    }

    /** Loads reference.json of the graph fixtures. */
    public static GraphReference load() throws IOException {
        return new GraphReference(new ObjectMapper().readTree(fixture("reference.json").toFile()));
    }

    /** Returns the path of a file under fixtures/graph on the test classpath. */
    public static Path fixture(String name) {
        try {
            return Path.of(GraphReference.class.getResource("/fixtures/graph/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test fixture fixtures/graph/" + name + " not found", e);
        }
    }

    /** Returns the path of a file under fixtures/npm (packages from the npm registry) on the test classpath. */
    public static Path npmFixture(String name) {
        try {
            return Path.of(GraphReference.class.getResource("/fixtures/npm/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test fixture fixtures/npm/" + name + " not found", e);
        }
    }

    /** Returns the int value of a top-level key, such as {@code channels}. */
    public int intValue(String key) {
        return root.get(key).asInt();
    }

    /** Checks that {@code maps} equal the reference list {@code key} in kind, shape, weights and BatchNorm. */
    public void assertMaps(String key, List<LinearMap> maps, double tolerance) {
        JsonNode expected = root.get(key);
        assertEquals(expected.size(), maps.size(), "number of maps");
        for (int m = 0; m < maps.size(); m++) {
            assertMap(expected.get(m), maps.get(m), tolerance);
        }
    }

    /**
     * Checks maps read from a channels-last format against the channels-first reference: the
     * map flagged {@link FlattenOrder#CHANNELS_LAST} has its inputs reordered with
     * {@link FlattenOrder#inputIndex} before the comparison, so this also checks the flag.
     */
    public void assertMapsFromChannelsLast(String key, List<LinearMap> maps, double tolerance) {
        int channels = intValue("channels");
        int positions = intValue("positions");
        List<LinearMap> channelsFirst = maps.stream().map(map -> {
            if (map.flattenOrder() != FlattenOrder.CHANNELS_LAST) {
                return map;
            }
            double[] reordered = new double[map.weights().length];
            for (int o = 0; o < map.outputs(); o++) {
                for (int c = 0; c < channels; c++) {
                    for (int p = 0; p < positions; p++) {
                        int last = FlattenOrder.CHANNELS_LAST.inputIndex(c, p, channels, positions);
                        int first = FlattenOrder.CHANNELS_FIRST.inputIndex(c, p, channels, positions);
                        reordered[o * map.inputs() + first] = map.weights()[o * map.inputs() + last];
                    }
                }
            }
            return new LinearMap(map.name(), map.kind(), map.shape(), reordered, FlattenOrder.CHANNELS_FIRST,
                    map.batchNorm());
        }).toList();
        assertEquals(1, maps.stream().filter(map -> map.flattenOrder() == FlattenOrder.CHANNELS_LAST).count(),
                "exactly one map, the first fully connected after a conv, is flagged channels-last");
        assertMaps(key, channelsFirst, tolerance);
    }

    /** Returns the weights of reference map {@code index} in list {@code key}. */
    public double[] weights(String key, int index) {
        return doubles(root.get(key).get(index).get("weights"));
    }

    private static void assertMap(JsonNode expected, LinearMap map, double tolerance) {
        String label = "map " + map.name();
        assertEquals(expected.get("kind").asText(), map.kind() == MapKind.CONVOLUTION ? "conv" : "fc", label);
        assertArrayEquals(ints(expected.get("shape")), map.shape(), label + " shape");
        assertArrayEquals(doubles(expected.get("weights")), map.weights(), tolerance, label + " weights");
        JsonNode norm = expected.get("batch_norm");
        if (norm == null || norm.isNull()) {
            assertNull(map.batchNorm(), label + " has no BatchNorm");
            return;
        }
        BatchNorm actual = map.batchNorm();
        assertNotNull(actual, label + " BatchNorm");
        assertArrayEquals(doubles(norm.get("gamma")), actual.gamma(), tolerance, label + " gamma");
        assertArrayEquals(doubles(norm.get("beta")), actual.beta(), tolerance, label + " beta");
        assertArrayEquals(doubles(norm.get("mean")), actual.runningMean(), tolerance, label + " mean");
        assertArrayEquals(doubles(norm.get("var")), actual.runningVar(), tolerance, label + " var");
        assertEquals(norm.get("eps").asDouble(), actual.eps(), 1e-9, label + " eps");
    }

    private static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = array.get(k).asInt();
        }
        return values;
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = array.get(k).asDouble();
        }
        return values;
    }
}

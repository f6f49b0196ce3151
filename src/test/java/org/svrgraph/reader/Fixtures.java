package org.svrgraph.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.svrgraph.chain.LinearMap;
import org.svrgraph.chain.WeightChain;

/**
 * The model fixtures written by scripts/make_fixtures.py and the reference values it computed
 * with numpy in float64.
 */
public final class Fixtures {

    /** The chain of the fixture network, in the order it computes. */
    public static final List<String> CHAIN = List.of("features.0.weight", "features.4.weight",
            "features.10.weight", "classifier.0.weight", "classifier.2.weight");

    private Fixtures() {
    }

    /** Path of a fixture file under src/test/resources/fixtures. */
    public static Path path(String name) {
        URL url = Fixtures.class.getResource("/fixtures/" + name);
        if (url == null) {
            throw new IllegalStateException("fixture " + name + " is missing; run scripts/make_fixtures.py");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the reference.json document. */
    public static JsonNode reference() {
        try {
            return new ObjectMapper().readTree(path("reference.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reference singular values of a map, from the named field of reference.json. */
    public static double[] referenceSingularValues(String mapName, String field) {
        for (JsonNode map : reference().get("maps")) {
            if (map.get("name").asText().endsWith(mapName)) {
                double[] values = new double[map.get(field).size()];
                for (int k = 0; k < values.length; k++) {
                    values[k] = map.get(field).get(k).asDouble();
                }
                return values;
            }
        }
        throw new IllegalArgumentException("no reference for " + mapName);
    }

    /** Singular values of a map's svr matrix (o x i*kh*kw), descending, computed with EJML. */
    public static double[] singularValues(LinearMap map) {
        DMatrixRMaj matrix = new DMatrixRMaj(map.outputs(), map.columns(), true, map.weights());
        double[] values = SingularOps_DDRM.singularValues(matrix);
        Arrays.sort(values);
        double[] descending = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            descending[k] = values[values.length - 1 - k];
        }
        return descending;
    }

    /** Names of a chain's maps. */
    public static List<String> names(WeightChain chain) {
        List<String> names = new ArrayList<>();
        for (LinearMap map : chain.maps()) {
            names.add(map.name());
        }
        return names;
    }

    /** Asserts that two chains have the same shapes and weights to a relative tolerance. */
    public static void assertSameWeights(WeightChain expected, WeightChain actual, double relativeTolerance) {
        assertEquals(expected.size(), actual.size(), "number of maps");
        for (int l = 0; l < expected.size(); l++) {
            LinearMap e = expected.get(l);
            LinearMap a = actual.get(l);
            assertEquals(Arrays.toString(e.shape()), Arrays.toString(a.shape()), "shape of map " + l);
            assertEquals(e.kind(), a.kind(), "kind of map " + l);
            for (int k = 0; k < e.weights().length; k++) {
                double scale = Math.max(Math.abs(e.weights()[k]), 1e-3);
                assertEquals(e.weights()[k], a.weights()[k], relativeTolerance * scale,
                        "weight " + k + " of map " + e.name());
            }
        }
    }
}

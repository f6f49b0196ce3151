package org.svrgraph.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.svrgraph.reader.ChainSelection;
import org.svrgraph.reader.ModelFiles;

/**
 * The SVR of the trained example models against values that scripts/reference_svr.py computed with
 * NumPy and SciPy in float64, from the definitions, independently of this code.
 */
class ReferenceSvrTest {

    @ParameterizedTest
    @ValueSource(strings = {"vgg_fmnist_plain", "vgg_fmnist_bn"})
    void exampleModelMatchesNumpyReference(String model) throws IOException {
        JsonNode reference = new ObjectMapper().readTree(
                Path.of("src/test/resources/reference/" + model + "_reference.json").toFile());
        SvrResult result = new SvrEngine(new EjmlLinearAlgebra()).compute(
                ModelFiles.readChain(Path.of("examples/models/" + model + ".pth"), ChainSelection.automatic()).chain(),
                SvrOptions.DEFAULTS);

        JsonNode layers = reference.get("layers");
        assertEquals(layers.size(), result.layers().size());
        for (int l = 0; l < layers.size(); l++) {
            JsonNode expected = layers.get(l).get("singular_values");
            double[] sigma = result.layers().get(l).sigma();
            assertEquals(layers.get(l).get("key").asText(), result.layers().get(l).name());
            assertEquals(expected.size(), sigma.length, "rank of layer " + l);
            for (int j = 0; j < sigma.length; j++) {
                assertEquals(expected.get(j).asDouble(), sigma[j], 1e-12 * sigma[0], "layer " + l + " sigma " + j);
            }
        }

        JsonNode pairs = reference.get("pairs");
        assertEquals(pairs.size(), result.pairs().size());
        for (int l = 0; l < pairs.size(); l++) {
            JsonNode expected = pairs.get(l);
            LayerPair pair = result.pairs().get(l);
            String where = "pair " + l;
            assertEquals(expected.get("n").asInt(), pair.n(), where);
            assertEquals(expected.get("z").asInt(), pair.z(), where);
            assertEquals(expected.get("chi2_threshold").asDouble(), pair.significance().chiSquareThreshold(),
                    1e-9 * pair.significance().chiSquareThreshold(), where);
            assertEquals(expected.get("beta_threshold").asDouble(), pair.significance().exactThreshold(),
                    1e-9 * pair.significance().exactThreshold(), where);
            assertEquals(expected.get("significant_count_chi2").asLong(), pair.significance().chiSquareCount(), where);
            assertEquals(expected.get("significant_count_beta").asLong(), pair.significance().exactCount(), where);
            assertEquals(expected.get("adjacency_sum").asDouble(), sum(pair.adjacency()), 1e-9, where);
            assertEquals(expected.get("entropy").asDouble(), pair.entropy(), 1e-9, where);
            JsonNode max = expected.get("adjacency_max");
            assertEquals(max.get("value").asDouble(), pair.coefficient(max.get("i").asInt(), max.get("j").asInt()),
                    1e-12, where);
            JsonNode corner = expected.get("adjacency_corner");
            for (int i = 0; i < corner.size(); i++) {
                for (int j = 0; j < corner.get(i).size(); j++) {
                    assertEquals(corner.get(i).get(j).asDouble(), pair.coefficient(i, j), 1e-12,
                            where + " (" + i + ", " + j + ")");
                }
            }
        }
    }

    private static double sum(Matrix matrix) {
        double total = 0;
        for (double value : matrix.data()) {
            total += value;
        }
        return total;
    }
}

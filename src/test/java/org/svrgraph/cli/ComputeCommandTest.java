package org.svrgraph.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.svrgraph.reader.ModelContents;
import org.svrgraph.reader.Tensor;
import org.svrgraph.reader.numpy.NpyReader;

class ComputeCommandTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    @TempDir
    Path out;

    private static Tensor readNpy(Path file) throws IOException {
        ModelContents contents = new NpyReader().read(file);
        return contents.tensors().get(0);
    }

    @Test
    void writesSingularValuesThatMatchNumpy() throws IOException {
        assertEquals(0, SvrCommand.execute("compute", FIXTURES.resolve("tiny_cnn.npz").toString(), "--out",
                out.toString()));
        JsonNode reference = new ObjectMapper().readTree(FIXTURES.resolve("reference.json").toFile()).get("maps");
        for (int l = 0; l < reference.size(); l++) {
            Tensor sigma = readNpy(out.resolve("sigma_" + l + ".npy"));
            JsonNode expected = reference.get(l).get("singular_values_svr");
            assertEquals(1, sigma.shape().length);
            assertEquals(expected.size(), sigma.values().length, "rank of layer " + l);
            for (int j = 0; j < expected.size(); j++) {
                assertEquals(expected.get(j).asDouble(), sigma.values()[j], 1e-6 * expected.get(0).asDouble(),
                        "layer " + l + " sigma " + j);
            }
        }
    }

    @Test
    void summaryCountsFollowTheAdjacencyFiles() throws IOException {
        assertEquals(0, SvrCommand.execute("compute", FIXTURES.resolve("tiny_cnn.pth").toString(), "--out",
                out.toString(), "--sigma", "2"));
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("pytorch", summary.get("format").asText());
        assertEquals(5, summary.get("layers").size());
        assertEquals("conv", summary.get("layers").get(0).get("kind").asText());
        assertEquals("fc", summary.get("layers").get(4).get("kind").asText());
        double p = 1 - new NormalDistribution().cumulativeProbability(2);

        long total = 0;
        for (JsonNode pair : summary.get("pairs")) {
            int index = pair.get("index").asInt();
            int n = pair.get("n").asInt();
            int z = pair.get("z").asInt();
            Tensor adjacency = readNpy(out.resolve("adjacency_" + index + ".npy"));
            int rowsNext = summary.get("layers").get(index + 1).get("rank").asInt();
            int colsThis = summary.get("layers").get(index).get("rank").asInt();
            assertArrayEquals(new int[] {rowsNext, colsThis}, adjacency.shape(), "pair " + index);

            // The reference threshold from an independent chi-square quantile.
            double threshold = new ChiSquaredDistribution(z).inverseCumulativeProbability(1 - p) / ((double) n * z);
            assertEquals(threshold, pair.get("threshold").get("chi2").asDouble(), 1e-7 * threshold);
            long count = 0;
            for (double a : adjacency.values()) {
                assertTrue(a >= 0);
                count += a >= threshold ? 1 : 0;
            }
            assertEquals(count, pair.get("significantEdges").get("chi2").asLong(), "pair " + index);
            total += count;
        }
        assertEquals(total, summary.get("significantEdgeCount").asLong());
        assertEquals(2.0, summary.get("options").get("sigmaLevel").asDouble());
    }

    @Test
    void missingModelFileIsOneLineError() {
        assertEquals(1, SvrCommand.execute("compute", out.resolve("absent.pth").toString(), "--out", out.toString()));
        assertFalse(Files.exists(out.resolve("summary.json")));
    }

    @Test
    void invalidMethodIsRejected() {
        assertEquals(1, SvrCommand.execute("compute", FIXTURES.resolve("tiny_cnn.npz").toString(), "--out",
                out.toString(), "--method", "svd"));
    }

    @Test
    void outputThatIsAFileIsRejected() throws IOException {
        Path file = Files.writeString(out.resolve("afile"), "not a directory");
        assertEquals(1, SvrCommand.execute("compute", FIXTURES.resolve("tiny_cnn.npz").toString(), "--out",
                file.toString()));
        assertEquals("not a directory", Files.readString(file));
    }

    @Test
    void earlierLargerResultLeavesNoStaleFiles() throws IOException {
        for (int l = 0; l < 9; l++) {
            Files.writeString(out.resolve("sigma_" + l + ".npy"), "stale");
            Files.writeString(out.resolve("adjacency_" + l + ".npy"), "stale");
        }
        Path unrelated = Files.writeString(out.resolve("notes.txt"), "keep");
        assertEquals(0, SvrCommand.execute("compute", FIXTURES.resolve("tiny_cnn.npz").toString(), "--out",
                out.toString()));
        // tiny_cnn has 5 layers and 4 pairs.
        assertTrue(Files.exists(out.resolve("sigma_4.npy")));
        assertFalse(Files.exists(out.resolve("sigma_5.npy")));
        assertTrue(Files.exists(out.resolve("adjacency_3.npy")));
        assertFalse(Files.exists(out.resolve("adjacency_4.npy")));
        assertEquals("keep", Files.readString(unrelated));
    }
}

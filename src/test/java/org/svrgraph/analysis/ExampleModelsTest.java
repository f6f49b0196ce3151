package org.svrgraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.svrgraph.plot.DominantChain;
import org.svrgraph.plot.NeuronRef;
import org.svrgraph.reader.ChainSelection;
import org.svrgraph.reader.ModelChain;
import org.svrgraph.reader.ModelFiles;
import org.svrgraph.spectral.EjmlLinearAlgebra;
import org.svrgraph.spectral.LayerPair;
import org.svrgraph.spectral.SpectralLayer;
import org.svrgraph.spectral.SvrEngine;
import org.svrgraph.spectral.SvrOptions;
import org.svrgraph.spectral.SvrResult;
import org.svrgraph.storage.DatabaseSettings;
import org.svrgraph.storage.GraphStore;
import org.svrgraph.storage.LoadOptions;
import org.svrgraph.storage.ModelCatalog;
import org.svrgraph.storage.ModelDescription;
import org.svrgraph.storage.ModelWriter;
import org.svrgraph.storage.WriteListener;

/**
 * Loads the trained Fashion-MNIST VGG models of examples/models and checks the saved queries on
 * the stored graph against counts taken directly from the engine's SvrResult (engine in Java
 * versus Cypher and GDS on the stored graph).
 */
class ExampleModelsTest {

    private static final Path MODELS = Path.of("examples", "models");
    private static final List<String> NAMES = List.of("vgg-plain", "vgg-bn");
    private static final double THRESHOLD = 0.5;

    @TempDir
    static Path dataDirectory;

    private static GraphStore store;
    private static AnalysisRunner runner;
    private static final Map<String, SvrResult> RESULTS = new HashMap<>();

    @BeforeAll
    static void load() throws IOException {
        store = GraphStore.open(DatabaseSettings.embedded(dataDirectory));
        new ModelCatalog(store).prepare();
        runner = new AnalysisRunner(store);
        for (String name : NAMES) {
            Path file = MODELS.resolve(name.equals("vgg-plain") ? "vgg_fmnist_plain.pth" : "vgg_fmnist_bn.pth");
            ModelChain model = ModelFiles.readChain(file, ChainSelection.automatic());
            SvrResult result = new SvrEngine(new EjmlLinearAlgebra()).compute(model.chain(), SvrOptions.DEFAULTS);
            RESULTS.put(name, result);
            new ModelWriter(store, WriteListener.NONE).write(new ModelDescription(name, file.toString(),
                    "ef".repeat(32), "pytorch", model.chain().parameterCount()), result, LoadOptions.DEFAULTS);
        }
    }

    @AfterAll
    static void stop() {
        if (store != null) {
            store.close();
        }
    }

    /** Significant edges of pair l, from the adjacency and the threshold (not the engine's counts). */
    private static boolean[][] significant(LayerPair pair) {
        int rows = pair.adjacency().rows();
        int columns = pair.adjacency().cols();
        boolean[][] edges = new boolean[rows][columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                edges[i][j] = pair.coefficient(i, j) >= pair.threshold();
            }
        }
        return edges;
    }

    private static int nearKernel(SpectralLayer layer, double threshold) {
        int count = 0;
        for (int j = 0; j < layer.rank(); j++) {
            count += layer.relativeSigma(j) < threshold ? 1 : 0;
        }
        return count;
    }

    @Test
    void compareEqualsTheEngineCounts() {
        List<Record> rows = runner.run(SavedQuery.COMPARE, Map.of("models", NAMES, "threshold", THRESHOLD)).records();

        assertEquals(2 * 11, rows.size());
        for (Record row : rows) {
            SvrResult result = RESULTS.get(row.get("model").asString());
            int l = row.get("layer").asInt();
            SpectralLayer layer = result.layers().get(l);
            assertEquals(layer.rank(), row.get("rank").asInt());
            assertEquals(layer.sigmaMax(), row.get("sigmaMax").asDouble(), 1e-12);
            assertEquals((double) nearKernel(layer, THRESHOLD) / layer.rank(), row.get("nearKernelFraction").asDouble(),
                    1e-12, "near-kernel fraction of layer " + l);
            if (l == result.layers().size() - 1) {
                assertTrue(row.get("significantEdges").isNull());
                continue;
            }
            LayerPair pair = result.pairs().get(l);
            boolean[][] edges = significant(pair);
            int count = 0;
            int nearKernelCount = 0;
            for (int i = 0; i < edges.length; i++) {
                for (int j = 0; j < edges[i].length; j++) {
                    if (edges[i][j]) {
                        count++;
                        if (layer.relativeSigma(j) < THRESHOLD
                                && result.layers().get(l + 1).relativeSigma(i) < THRESHOLD) {
                            nearKernelCount++;
                        }
                    }
                }
            }
            assertEquals(count, row.get("significantEdges").asInt(), "significant edges of pair " + l);
            assertEquals(nearKernelCount, row.get("nearKernelEdges").asInt(), "near-kernel edges of pair " + l);
            if (edges[0][0]) {
                assertEquals(pair.ratio(0, 0), row.get("topRatio").asDouble(), 1e-9);
            } else {
                assertTrue(row.get("topRatio").isNull(), "only significant edges are stored");
            }
        }
    }

    @Test
    void overlapEqualsTheEngineEdgeSets() {
        List<Record> rows = runner.run(SavedQuery.COMPARE_OVERLAP, Map.of("models", NAMES)).records();

        assertEquals(10, rows.size());
        for (Record row : rows) {
            int l = row.get("layer").asInt();
            boolean[][] plain = significant(RESULTS.get("vgg-plain").pairs().get(l));
            boolean[][] bn = significant(RESULTS.get("vgg-bn").pairs().get(l));
            int shared = 0;
            int plainCount = 0;
            int bnCount = 0;
            for (int i = 0; i < plain.length; i++) {
                for (int j = 0; j < plain[i].length; j++) {
                    plainCount += plain[i][j] ? 1 : 0;
                    bnCount += bn[i][j] ? 1 : 0;
                    shared += plain[i][j] && bn[i][j] ? 1 : 0;
                }
            }
            assertEquals(plainCount, row.get("edgesA").asInt());
            assertEquals(bnCount, row.get("edgesB").asInt());
            assertEquals(shared, row.get("shared").asInt(), "shared edges of pair " + l);
        }
    }

    @Test
    void dominantChainEqualsTheEngineChain() {
        for (String name : NAMES) {
            List<Record> rows = runner.run(SavedQuery.DOMINANT_CHAIN, Map.of("model", name, "k", 1, "limit", 1))
                    .records();
            List<String> expected = DominantChain.find(RESULTS.get(name), 1).map(group -> group.neurons().stream()
                    .map(NeuronRef::toString).toList()).orElse(List.of());
            List<String> found = rows.isEmpty() ? List.of() : rows.get(0).get("neurons").asList(Value::asString)
                    .stream().map(text -> {
                        String[] parts = text.split(":");
                        return new NeuronRef(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])).toString();
                    }).toList();
            assertEquals(expected, found, "dominant chain of " + name);
        }
    }

    @Test
    void nearKernelComponentsEqualUnionFind() {
        for (String name : NAMES) {
            SvrResult result = RESULTS.get(name);
            List<Record> rows = runner.run(SavedQuery.NEAR_KERNEL_CLUSTERS,
                    Map.of("model", name, "threshold", THRESHOLD, "minSize", 2)).records();
            List<Integer> sizes = rows.stream().filter(r -> r.get("algorithm").asString().equals("wcc"))
                    .map(r -> r.get("size").asInt()).toList();
            assertEquals(componentSizes(result, THRESHOLD), sizes, "near-kernel components of " + name);
        }
    }

    /** Sizes (at least 2, largest first) of the connected components of near-kernel neurons. */
    private static List<Integer> componentSizes(SvrResult result, double threshold) {
        int[] offset = new int[result.layers().size() + 1];
        for (int l = 0; l < result.layers().size(); l++) {
            offset[l + 1] = offset[l] + result.layers().get(l).rank();
        }
        int[] parent = new int[offset[offset.length - 1]];
        Arrays.setAll(parent, k -> k);
        for (int l = 0; l + 1 < result.layers().size(); l++) {
            boolean[][] edges = significant(result.pairs().get(l));
            for (int i = 0; i < edges.length; i++) {
                for (int j = 0; j < edges[i].length; j++) {
                    if (edges[i][j] && result.layers().get(l).relativeSigma(j) < threshold
                            && result.layers().get(l + 1).relativeSigma(i) < threshold) {
                        parent[find(parent, offset[l] + j)] = find(parent, offset[l + 1] + i);
                    }
                }
            }
        }
        Map<Integer, Integer> sizes = new HashMap<>();
        for (int l = 0; l < result.layers().size(); l++) {
            for (int j = 0; j < result.layers().get(l).rank(); j++) {
                if (result.layers().get(l).relativeSigma(j) < threshold) {
                    sizes.merge(find(parent, offset[l] + j), 1, Integer::sum);
                }
            }
        }
        List<Integer> list = new ArrayList<>(sizes.values().stream().filter(s -> s >= 2).toList());
        list.sort((a, b) -> b - a);
        return list;
    }

    private static int find(int[] parent, int k) {
        while (parent[k] != k) {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        return k;
    }
}

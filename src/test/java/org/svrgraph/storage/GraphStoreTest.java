package org.svrgraph.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.svrgraph.chain.WeightChain;
import org.svrgraph.spectral.LayerPair;
import org.svrgraph.spectral.NullDistribution;
import org.svrgraph.spectral.SvrResult;

/**
 * Loads SVR results into a real embedded Neo4j (one DBMS for the class) and checks the graph with
 * Cypher against values computed here from the results and the chains.
 */
class GraphStoreTest {

    @TempDir
    static Path dataDirectory;

    private static GraphStore store;
    private static ModelCatalog catalog;

    @BeforeAll
    static void start() {
        store = GraphStore.open(DatabaseSettings.embedded(dataDirectory));
        catalog = new ModelCatalog(store);
        catalog.prepare();
    }

    @AfterAll
    static void stop() {
        if (store != null) {
            store.close();
        }
    }

    private static LoadSummary load(String name, long seed, LoadOptions options, WriteListener listener) {
        WeightChain chain = TestModels.chain(seed);
        return new ModelWriter(store, listener).write(TestModels.description(name, chain), TestModels.svr(seed),
                options);
    }

    private static long count(String cypher, Map<String, Object> parameters) {
        try (Session session = store.session()) {
            return session.executeRead(tx -> tx.run(cypher, parameters).single().get(0).asLong());
        }
    }

    private static List<Record> rows(String cypher, Map<String, Object> parameters) {
        try (Session session = store.session()) {
            return session.executeRead(tx -> tx.run(cypher, parameters).list());
        }
    }

    /** Significant edges counted from the adjacency matrices and thresholds, independently of the counts. */
    private static long significantEdges(SvrResult result) {
        long count = 0;
        for (LayerPair pair : result.pairs()) {
            for (double a : pair.adjacency().data()) {
                if (a >= pair.significance().chiSquareThreshold()) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void loadStoresEveryNodeAndSignificantEdge() {
        SvrResult result = TestModels.svr(1);
        LoadSummary summary = load("counts", 1, LoadOptions.DEFAULTS, WriteListener.NONE);
        Map<String, Object> name = Map.of("name", "counts");

        long expectedNeurons = 0;
        for (var layer : result.layers()) {
            expectedNeurons += layer.sigma().length;
        }
        long expectedEdges = significantEdges(result);
        assertTrue(expectedEdges > 20, "the fixture should have a fair number of significant edges");
        assertEquals(1, count("MATCH (m:Model {name: $name}) RETURN count(m)", name));
        assertEquals(4, count("MATCH (:Model {name: $name})-[:HAS_LAYER]->(l:Layer) RETURN count(l)", name));
        assertEquals(3, count("MATCH (:Layer {model: $name})-[r:NEXT]->(:Layer {model: $name}) RETURN count(r)", name));
        assertEquals(expectedNeurons, count("MATCH (:Layer {model: $name})-[:HAS_NEURON]->(n:SpectralNeuron)"
                + " RETURN count(n)", name));
        assertEquals(expectedNeurons, count("MATCH (n:SpectralNeuron {model: $name}) RETURN count(n)", name));
        assertEquals(expectedEdges, count("MATCH (a:SpectralNeuron {model: $name})-[e:SVR_EDGE]->(b:SpectralNeuron)"
                + " WHERE b.layer = a.layer + 1 AND e.significant RETURN count(e)", name));
        assertEquals(expectedEdges, count("MATCH (:SpectralNeuron {model: $name})-[e:SVR_EDGE]->() RETURN count(e)",
                name));
        assertEquals(expectedEdges, summary.edges());
        assertEquals(expectedNeurons, summary.neurons());
        assertEquals(0, count("MATCH (n) WHERE n:StagedModel OR n:StagedLayer OR n:StagedNeuron RETURN count(n)",
                Map.of()));
    }

    @Test
    void edgePropertiesMatchAdjacency() {
        long seed = 2;
        WeightChain chain = TestModels.chain(seed);
        SvrResult result = TestModels.svr(seed);
        load("properties", seed, LoadOptions.DEFAULTS, WriteListener.NONE);

        List<Record> edges = rows("MATCH (a:SpectralNeuron {model: $name})-[e:SVR_EDGE]->(b:SpectralNeuron)"
                + " RETURN a.layer AS layer, a.index AS j, b.index AS i, e.coefficient AS coefficient,"
                + " e.ratio AS ratio, e.pValue AS pValue, e.significant AS significant", Map.of("name", "properties"));
        assertEquals(significantEdges(result), edges.size());
        for (Record edge : edges) {
            int l = edge.get("layer").asInt();
            int i = edge.get("i").asInt();
            int j = edge.get("j").asInt();
            double a = result.pairs().get(l).adjacency().get(i, j);
            // n and z from the chain: output width of map l, positions per input channel of map l+1.
            int n = chain.get(l).outputs();
            int z = chain.get(l + 1).kind() == org.svrgraph.chain.MapKind.CONVOLUTION
                    ? chain.get(l + 1).kernelPositions() : chain.get(l + 1).inputs() / n;
            assertEquals(a, edge.get("coefficient").asDouble(), 0, "coefficient " + l + ":" + j + "->" + i);
            assertEquals(n * a, edge.get("ratio").asDouble(), 1e-12 * n, "ratio " + l + ":" + j + "->" + i);
            assertEquals(new NullDistribution(n, z).pValue(a), edge.get("pValue").asDouble(), 0,
                    "p-value " + l + ":" + j + "->" + i);
            assertTrue(edge.get("significant").asBoolean());
        }

        List<Record> neurons = rows("MATCH (n:SpectralNeuron {model: $name}) RETURN n.layer AS l, n.index AS j,"
                + " n.sigma AS sigma, n.relativeSigma AS relative, n.nearKernel AS nearKernel",
                Map.of("name", "properties"));
        for (Record neuron : neurons) {
            int l = neuron.get("l").asInt();
            int j = neuron.get("j").asInt();
            double[] sigma = result.layers().get(l).sigma();
            assertEquals(sigma[j], neuron.get("sigma").asDouble(), 0);
            assertEquals(sigma[j] / sigma[0], neuron.get("relative").asDouble(), 1e-15);
            assertEquals(sigma[j] / sigma[0] < 0.5, neuron.get("nearKernel").asBoolean());
        }
    }

    @Test
    void storeTopKeepsStrongestEdgesOfEveryNeuron() {
        long seed = 3;
        SvrResult result = TestModels.svr(seed);
        int k = 2;
        LoadSummary summary = load("top", seed, LoadOptions.DEFAULTS.withStoreTop(k), WriteListener.NONE);

        // Independent count: significant, or among the k largest of its column or of its row.
        long expected = 0;
        for (LayerPair pair : result.pairs()) {
            int rows = pair.adjacency().rows();
            int cols = pair.adjacency().cols();
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double a = pair.adjacency().get(i, j);
                    int largerInColumn = 0;
                    for (int t = 0; t < rows; t++) {
                        largerInColumn += pair.adjacency().get(t, j) > a ? 1 : 0;
                    }
                    int largerInRow = 0;
                    for (int t = 0; t < cols; t++) {
                        largerInRow += pair.adjacency().get(i, t) > a ? 1 : 0;
                    }
                    if (a >= pair.threshold() || largerInColumn < k || largerInRow < k) {
                        expected++;
                    }
                }
            }
        }
        Map<String, Object> name = Map.of("name", "top");
        assertEquals(expected, summary.edges());
        assertEquals(expected, count("MATCH (:SpectralNeuron {model: $name})-[e:SVR_EDGE]->() RETURN count(e)", name));
        assertEquals(significantEdges(result), count("MATCH (:SpectralNeuron {model: $name})-[e:SVR_EDGE]->()"
                + " WHERE e.significant RETURN count(e)", name));
        assertTrue(expected > significantEdges(result));
        assertEquals(0, count("MATCH (a:SpectralNeuron {model: $name})-[e:SVR_EDGE]->(b) MATCH (l:Layer {model: $name,"
                + " index: a.layer})-[p:NEXT]->() WHERE e.significant <> (e.coefficient >= p.threshold)"
                + " RETURN count(e)", name));
        assertEquals(0, count("MATCH (l:Layer {model: $name})-[:NEXT]->(next:Layer)"
                + " MATCH (l)-[:HAS_NEURON]->(a:SpectralNeuron) WHERE COUNT { (a)-[:SVR_EDGE]->() } < $k"
                + " RETURN count(a)", Map.of("name", "top", "k", k)));
    }

    @Test
    void failedLoadLeavesNothing() {
        LoadOptions smallBatches = LoadOptions.DEFAULTS.withBatchSize(5);
        WriteListener failAfterFirstBatch = (written, total) -> {
            throw new IllegalStateException("injected failure after " + written + " edges");
        };
        assertThrows(IllegalStateException.class, () -> load("failed", 4, smallBatches, failAfterFirstBatch));

        assertEquals(0, count("MATCH (m:Model {name: 'failed'}) RETURN count(m)", Map.of()));
        assertEquals(0, count("MATCH (n) WHERE n.model = 'failed' OR n.name = 'failed' RETURN count(n)", Map.of()));
        assertEquals(0, count("MATCH (n) WHERE n:StagedModel OR n:StagedLayer OR n:StagedNeuron RETURN count(n)",
                Map.of()));
        assertFalse(catalog.exists("failed"));
    }

    @Test
    void replaceShowsOldModelUntilPublished() {
        String model = "replaced";
        SvrResult oldResult = TestModels.svr(5);
        SvrResult newResult = TestModels.svr(6);
        load(model, 5, LoadOptions.DEFAULTS, WriteListener.NONE);
        long oldEdges = significantEdges(oldResult);
        long newEdges = significantEdges(newResult);
        assertTrue(oldEdges != newEdges, "the two fixtures should differ in edge count");
        String edgeCount = "MATCH (:Model {name: $name})-[:HAS_LAYER]->()-[:HAS_NEURON]->()-[e:SVR_EDGE]->()"
                + " RETURN count(e)";
        Map<String, Object> name = Map.of("name", model);

        List<Long> seenDuringLoad = new ArrayList<>();
        WriteListener observer = (written, total) -> seenDuringLoad.add(count(edgeCount, name));
        LoadSummary summary = load(model, 6, LoadOptions.DEFAULTS.withReplace(true).withBatchSize(7).withWriters(2),
                observer);

        assertTrue(seenDuringLoad.size() > 1, "the load should take several batches");
        for (long seen : seenDuringLoad) {
            assertEquals(oldEdges, seen, "during the load, queries see the old model");
        }
        assertTrue(summary.replaced());
        assertEquals(newEdges, count(edgeCount, name));
        assertEquals(1, count("MATCH (m:Model {name: $name}) RETURN count(m)", name));
        assertEquals(0, count("MATCH (n) WHERE n:StagedModel OR n:StagedLayer OR n:StagedNeuron RETURN count(n)",
                Map.of()));

        // A replace that fails leaves the current model as it was.
        WriteListener failing = (written, total) -> {
            throw new IllegalStateException("injected failure");
        };
        assertThrows(IllegalStateException.class, () -> load(model, 5, LoadOptions.DEFAULTS.withReplace(true).withBatchSize(7), failing));
        assertEquals(newEdges, count(edgeCount, name));
    }

    @Test
    void existingNameIsRejectedWithoutReplace() {
        load("twice", 7, LoadOptions.DEFAULTS, WriteListener.NONE);
        StorageException failure = assertThrows(StorageException.class,
                () -> load("twice", 8, LoadOptions.DEFAULTS, WriteListener.NONE));
        assertTrue(failure.getMessage().contains("already exists"), failure.getMessage());
    }

    @Test
    void awkwardNamesWork() {
        List<String> names = List.of("it's \"quoted\"", "back`tick` name", "  spaced  out  ", "модель-β-模型",
                "semi; DETACH DELETE n //");
        for (String awkward : names) {
            load(awkward, 9, LoadOptions.DEFAULTS, WriteListener.NONE);
        }
        List<String> listed = catalog.list().stream().map(StoredModel::name).toList();
        for (String awkward : names) {
            assertTrue(listed.contains(awkward), "listed: " + awkward);
            assertEquals(4, count("MATCH (:Model {name: $name})-[:HAS_LAYER]->(l) RETURN count(l)",
                    Map.of("name", awkward)));
        }
        for (String awkward : names) {
            catalog.delete(awkward);
            assertFalse(catalog.exists(awkward));
            assertEquals(0, count("MATCH (n) WHERE n.model = $name OR n.name = $name RETURN count(n)",
                    Map.of("name", awkward)));
        }
    }

    @Test
    void deleteRemovesEveryNodeAndEdge() {
        load("deleted", 10, LoadOptions.DEFAULTS.withStoreTop(3), WriteListener.NONE);
        long before = count("MATCH ()-[e:SVR_EDGE]->() RETURN count(e)", Map.of());
        long edges = count("MATCH (:SpectralNeuron {model: 'deleted'})-[e:SVR_EDGE]->() RETURN count(e)", Map.of());
        assertTrue(edges > 0);
        catalog.delete("deleted");
        assertEquals(0, count("MATCH (n) WHERE n.model = 'deleted' OR n.name = 'deleted' RETURN count(n)", Map.of()));
        assertEquals(before - edges, count("MATCH ()-[e:SVR_EDGE]->() RETURN count(e)", Map.of()));
        StorageException missing = assertThrows(StorageException.class, () -> catalog.delete("deleted"));
        assertTrue(missing.getMessage().contains("not found"), missing.getMessage());
    }

    @Test
    void concurrentLoadsOfDifferentModelsBothSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<LoadSummary> first = pool.submit(() -> load("parallel-a", 11, LoadOptions.DEFAULTS.withBatchSize(10),
                    WriteListener.NONE));
            Future<LoadSummary> second = pool.submit(() -> load("parallel-b", 12, LoadOptions.DEFAULTS.withBatchSize(10),
                    WriteListener.NONE));
            assertEquals(significantEdges(TestModels.svr(11)), first.get().edges());
            assertEquals(significantEdges(TestModels.svr(12)), second.get().edges());
        } finally {
            pool.shutdown();
        }
        assertEquals(significantEdges(TestModels.svr(11)), count(
                "MATCH (:SpectralNeuron {model: 'parallel-a'})-[e:SVR_EDGE]->() RETURN count(e)", Map.of()));
        assertEquals(significantEdges(TestModels.svr(12)), count(
                "MATCH (:SpectralNeuron {model: 'parallel-b'})-[e:SVR_EDGE]->() RETURN count(e)", Map.of()));
    }

    @Test
    void gdsIsRegistered() {
        assertTrue(store.hasGds());
        List<Record> version = rows("RETURN gds.version() AS version", Map.of());
        assertEquals("2.26.0", version.get(0).get("version").asString());
        // A GDS algorithm over a stored model: weakly connected components of its significant edges.
        load("gds", 13, LoadOptions.DEFAULTS, WriteListener.NONE);
        try (Session session = store.session()) {
            Record projected = session.run("MATCH (a:SpectralNeuron {model: 'gds'}) "
                    + "OPTIONAL MATCH (a)-[e:SVR_EDGE]->(b:SpectralNeuron) "
                    + "WITH gds.graph.project('svr-gds-test', a, b) AS g RETURN g.nodeCount AS nodes").single();
            long neurons = count("MATCH (n:SpectralNeuron {model: 'gds'}) RETURN count(n)", Map.of());
            assertEquals(neurons, projected.get("nodes").asLong());
            long components = session.run("CALL gds.wcc.stats('svr-gds-test') YIELD componentCount"
                    + " RETURN componentCount").single().get(0).asLong();
            assertTrue(components >= 1);
            assertTrue(components <= neurons);
            session.run("CALL gds.graph.drop('svr-gds-test')").consume();
        }
    }

    @Test
    void abandonedStagingIsRemoved() {
        // What a killed load leaves: a staged model with a layer, two neurons and an edge between them.
        try (Session session = store.session()) {
            session.run(CypherFile.load("storage/create-staged-model"), Map.of("properties",
                    Map.of("name", "killed", "stagingKey", "load-killed"))).consume();
            session.run("MATCH (m:StagedModel {stagingKey: 'load-killed'})"
                    + " CREATE (m)-[:HAS_LAYER]->(l:StagedLayer {model: 'killed', index: 0})"
                    + " CREATE (l)-[:HAS_NEURON]->(a:StagedNeuron {model: 'killed', layer: 0, index: 0})"
                    + " CREATE (l)-[:HAS_NEURON]->(b:StagedNeuron {model: 'killed', layer: 0, index: 1})"
                    + " CREATE (a)-[:SVR_EDGE {coefficient: 0.5}]->(b)").consume();
        }
        String staged = "MATCH (n) WHERE n:StagedModel OR n:StagedLayer OR n:StagedNeuron RETURN count(n)";
        assertEquals(4, count(staged, Map.of()));

        // On a server, a load that wrote a moment ago may still be running: it stays.
        catalog.removeAbandonedStaging(false);
        assertEquals(4, count(staged, Map.of()));

        catalog.removeAbandonedStaging(true);
        assertEquals(0, count(staged, Map.of()));
        assertEquals(0, count("MATCH (n) WHERE n.model = 'killed' OR n.name = 'killed' RETURN count(n)", Map.of()));
    }

    @Test
    void secondOpenOfLockedDirectoryFails() {
        StorageException failure = assertThrows(StorageException.class,
                () -> GraphStore.open(DatabaseSettings.embedded(dataDirectory)).close());
        assertTrue(failure.getMessage().contains("in use by another process"), failure.getMessage());
    }
}

package org.svrgraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.svrgraph.storage.DatabaseSettings;
import org.svrgraph.storage.GraphStore;
import org.svrgraph.storage.LoadOptions;
import org.svrgraph.storage.ModelCatalog;
import org.svrgraph.storage.ModelWriter;
import org.svrgraph.storage.StorageException;
import org.svrgraph.storage.WriteListener;

/**
 * Runs every saved query on {@link BlockChain} models in a real embedded Neo4j with GDS, and checks
 * the results worked out from the construction: a chain of index-0 neurons with ratio 22 on every
 * link, near-kernel blocks of 2 and 3 directions that form one cluster each, and middle directions
 * with no significant edge.
 */
class SavedQueriesTest {

    private static final String BLOCKS = "blocks";
    /** Same construction with block 2 passed on unchanged: 7 significant edges per link instead of 9. */
    private static final String UNMIXED = "blocks-unmixed";
    /** Four maps instead of five: another architecture. */
    private static final String SHORT = "blocks-short";
    private static final int LAYERS = BlockChain.MAPS;
    private static final double FULL_RATIO = BlockChain.WIDTH;
    private static final double BLOCK_RATIO = BlockChain.WIDTH * 0.5;

    @TempDir
    static Path dataDirectory;

    private static GraphStore store;
    private static AnalysisRunner runner;

    @BeforeAll
    static void load() {
        store = GraphStore.open(DatabaseSettings.embedded(dataDirectory));
        new ModelCatalog(store).prepare();
        runner = new AnalysisRunner(store);
        ModelWriter writer = new ModelWriter(store, WriteListener.NONE);
        writer.write(BlockChain.description(BLOCKS), BlockChain.svr(true, 11, BlockChain.MAPS), LoadOptions.DEFAULTS);
        writer.write(BlockChain.description(UNMIXED), BlockChain.svr(false, 12, BlockChain.MAPS), LoadOptions.DEFAULTS);
        writer.write(BlockChain.description(SHORT), BlockChain.svr(true, 13, BlockChain.MAPS - 1),
                LoadOptions.DEFAULTS);
    }

    @AfterAll
    static void stop() {
        if (store != null) {
            store.close();
        }
    }

    @AfterEach
    void noProjectionIsLeft() {
        assertEquals(List.of(), projections(), "GDS projections left in the catalog");
    }

    private static List<String> projections() {
        try (Session session = store.session()) {
            return session.executeRead(tx -> tx.run("CALL gds.graph.list() YIELD graphName RETURN graphName")
                    .list(r -> r.get(0).asString()));
        }
    }

    private static List<Record> run(SavedQuery query, Map<String, Object> parameters) {
        return runner.run(query, parameters).records();
    }

    private static List<String> strings(Value list) {
        return list.asList(Value::asString);
    }

    private static List<Double> doubles(Value list) {
        return list.asList(Value::asDouble);
    }

    private static List<String> chainNeurons() {
        List<String> names = new ArrayList<>();
        for (int l = 0; l < LAYERS; l++) {
            names.add(l + ":0");
        }
        return names;
    }

    @Test
    void layerSummaryGivesTheConstructedSpectrumAndEdges() {
        List<Record> rows = run(SavedQuery.LAYER_SUMMARY, Map.of("model", BLOCKS, "threshold", 0.1));

        double stableRank = 0;
        for (double s : BlockChain.SIGMA) {
            stableRank += s * s;
        }
        assertEquals(LAYERS, rows.size());
        for (int l = 0; l < LAYERS; l++) {
            Record row = rows.get(l);
            assertEquals(l, row.get("layer").asInt());
            assertEquals(BlockChain.WIDTH, row.get("rank").asInt());
            assertEquals(1.0, row.get("sigmaMax").asDouble(), 1e-9);
            assertEquals(stableRank, row.get("stableRank").asDouble(), 1e-9);
            assertEquals(5, row.get("nearKernel").asInt(), "two blocks of 2 and 3 near-kernel directions");
            assertEquals(5.0 / 22, row.get("nearKernelFraction").asDouble(), 1e-12);
            if (l == LAYERS - 1) {
                assertTrue(row.get("significantEdges").isNull());
                assertTrue(row.get("strongestRatio").isNull());
                continue;
            }
            assertEquals(22, row.get("n").asInt());
            assertEquals(1, row.get("z").asInt());
            assertEquals(9, row.get("significantEdges").asInt(), "chain 1 + block 2: 4 + block 3: 4");
            assertEquals(0, row.get("strongestFrom").asInt());
            assertEquals(0, row.get("strongestTo").asInt());
            assertEquals(FULL_RATIO, row.get("strongestRatio").asDouble(), 1e-9);
            assertTrue(row.get("strongestPValue").asDouble() < 1e-20);
            // n * (sum of a over the top p x q) - p q is 21 + 0.375 a b - a - b with a, b middle
            // directions taken (each a = 1/16), largest at a = b = 16; adding block 2 costs 28.
            assertEquals(17, row.get("internalDimension").asInt());
            assertEquals(17, row.get("nextInternalDimension").asInt());
        }
    }

    @Test
    void dominantChainIsTheIndexZeroRun() {
        List<Record> rows = run(SavedQuery.DOMINANT_CHAIN, Map.of("model", BLOCKS, "k", 1, "limit", 10));

        assertEquals(1, rows.size());
        Record chain = rows.get(0);
        assertEquals(0, chain.get("fromLayer").asInt());
        assertEquals(LAYERS - 1, chain.get("toLayer").asInt());
        assertEquals(LAYERS - 1, chain.get("hops").asInt());
        assertEquals(chainNeurons(), strings(chain.get("neurons")));
        for (double ratio : doubles(chain.get("ratios"))) {
            assertEquals(FULL_RATIO, ratio, 1e-9);
        }
    }

    @Test
    void dominantChainTopNineteenAddsBlockTwo() {
        // Index < 19 takes in block 2 (17, 18), whose four edges per link give 2^5 maximal runs.
        List<Record> rows = run(SavedQuery.DOMINANT_CHAIN, Map.of("model", BLOCKS, "k", 19, "limit", 100));

        assertEquals(1 + 32, rows.size());
        assertEquals(chainNeurons(), strings(rows.get(0).get("neurons")));
        for (Record row : rows.subList(1, rows.size())) {
            assertEquals(LAYERS - 1, row.get("hops").asInt());
            assertEquals(BLOCK_RATIO * (LAYERS - 1), row.get("ratioSum").asDouble(), 1e-9);
            assertTrue(strings(row.get("neurons")).stream().allMatch(n -> n.endsWith(":17") || n.endsWith(":18")));
        }
    }

    @Test
    void gdsLongestPathIsTheChain() {
        List<Record> rows = run(SavedQuery.LONG_RANGE_PATHS,
                Map.of("model", BLOCKS, "weight", "ratio", "minPValue", 1e-300, "limit", 3));

        assertEquals(3, rows.size());
        assertEquals(chainNeurons(), strings(rows.get(0).get("neurons")));
        assertEquals(FULL_RATIO * (LAYERS - 1), rows.get(0).get("totalWeight").asDouble(), 1e-9);
        List<Double> ratios = doubles(rows.get(0).get("ratios"));
        List<Double> weights = doubles(rows.get(0).get("weights"));
        for (int e = 0; e < ratios.size(); e++) {
            assertEquals(ratios.get(e), weights.get(e), 1e-9, "the ratio weight of edge " + e);
        }
        // Every block path crosses all links with ratio 11.
        assertEquals(BLOCK_RATIO * (LAYERS - 1), rows.get(1).get("totalWeight").asDouble(), 1e-9);
        assertEquals(0, rows.get(1).get("fromLayer").asInt());
        assertEquals(LAYERS - 1, rows.get(1).get("toLayer").asInt());
    }

    @Test
    void gdsLongestPathByPValue() {
        List<Record> rows = run(SavedQuery.LONG_RANGE_PATHS,
                Map.of("model", BLOCKS, "weight", "log10p", "minPValue", 1e-300, "limit", 1));

        assertEquals(chainNeurons(), strings(rows.get(0).get("neurons")));
        for (double weight : doubles(rows.get(0).get("weights"))) {
            assertTrue(weight > 20, "a = 1 has a p-value near 0: " + weight);
            assertTrue(weight <= 300, "p-values below 1e-300 count as 1e-300: " + weight);
        }
    }

    @Test
    void cypherLongRangePathsListEveryMaximalPath() {
        List<Record> rows = run(SavedQuery.LONG_RANGE_PATHS_CYPHER, Map.of("model", BLOCKS, "minRatio", 5.0,
                "minHops", 2, "weight", "ratio", "minPValue", 1e-300, "limit", 1000));

        // The chain, 2^5 paths through block 2, and 7 through block 3 (19->19|20, 20->21, 21->21:
        // paths ending at 21 grow 2, 3, 4, 5 over the links, plus one ending at 19 and one at 20).
        assertEquals(1 + 32 + 7, rows.size());
        assertEquals(chainNeurons(), strings(rows.get(0).get("neurons")));
        assertEquals(FULL_RATIO * (LAYERS - 1), rows.get(0).get("totalWeight").asDouble(), 1e-9);
        for (Record row : rows) {
            assertEquals(LAYERS - 1, row.get("hops").asInt());
        }
        assertEquals(BLOCK_RATIO * (LAYERS - 1), rows.get(1).get("totalWeight").asDouble(), 1e-9);
    }

    @Test
    void nearKernelBlocksAreTwoClusters() {
        List<Record> rows = run(SavedQuery.NEAR_KERNEL_CLUSTERS, Map.of("model", BLOCKS, "threshold", 0.1,
                "minSize", 2));

        List<Record> components = rows.stream().filter(r -> r.get("algorithm").asString().equals("wcc")).toList();
        assertEquals(2, components.size());
        Record block3 = components.get(0);
        Record block2 = components.get(1);
        assertEquals(15, block3.get("size").asInt());
        assertEquals(4 * 4, block3.get("edges").asInt());
        assertEquals(10, block2.get("size").asInt());
        assertEquals(4 * 4, block2.get("edges").asInt());
        for (Record cluster : components) {
            assertEquals(0, cluster.get("firstLayer").asInt());
            assertEquals(LAYERS - 1, cluster.get("lastLayer").asInt());
            assertEquals(LAYERS, cluster.get("layers").asInt());
        }
        Set<String> expected = new HashSet<>();
        for (int l = 0; l < LAYERS; l++) {
            expected.addAll(List.of(l + ":19", l + ":20", l + ":21"));
        }
        assertEquals(expected, new HashSet<>(strings(block3.get("neurons"))));

        // Louvain may split a component into communities, never join two.
        Set<String> block2Names = new HashSet<>(strings(block2.get("neurons")));
        int louvainNeurons = 0;
        for (Record community : rows.stream().filter(r -> r.get("algorithm").asString().equals("louvain")).toList()) {
            Set<String> names = new HashSet<>(strings(community.get("neurons")));
            assertTrue(expected.containsAll(names) || block2Names.containsAll(names), names.toString());
            louvainNeurons += names.size();
        }
        assertTrue(louvainNeurons <= 25);
    }

    @Test
    void unmixedPairBlockFallsApartIntoTwoRuns() {
        List<Record> components = run(SavedQuery.NEAR_KERNEL_CLUSTERS, Map.of("model", UNMIXED, "threshold", 0.1,
                "minSize", 2)).stream().filter(r -> r.get("algorithm").asString().equals("wcc")).toList();

        assertEquals(List.of(15, 5, 5), components.stream().map(r -> r.get("size").asInt()).toList());
    }

    @Test
    void hubsHaveTheConstructedDegreesAndPageRank() {
        List<Record> rows = run(SavedQuery.HUBS, Map.of("model", BLOCKS, "limit", 1000));

        // PageRank with damping 0.85, as GDS computes it: 0.15 + 0.85 * sum of rank / out-degree
        // over in-neighbours, worked out layer by layer on the constructed edges (a DAG).
        List<int[]> edges = BlockChain.expectedEdges(true);
        Map<Integer, Integer> outDegree = new HashMap<>();
        Map<Integer, Integer> inDegree = new HashMap<>();
        for (int[] edge : edges) {
            outDegree.merge(edge[0], 1, Integer::sum);
            inDegree.merge(edge[1], 1, Integer::sum);
        }
        double[][] rank = new double[LAYERS][BlockChain.WIDTH];
        for (int l = 0; l < LAYERS; l++) {
            for (int i = 0; i < BlockChain.WIDTH; i++) {
                rank[l][i] = 0.15;
            }
            if (l > 0) {
                for (int[] edge : edges) {
                    rank[l][edge[1]] += 0.85 * rank[l - 1][edge[0]] / outDegree.get(edge[0]);
                }
            }
        }
        // Neurons with significant edges: chain, block 2 and block 3 in every layer.
        assertEquals(LAYERS * 6, rows.size());
        double previous = Double.MAX_VALUE;
        for (Record row : rows) {
            int l = row.get("layer").asInt();
            int i = row.get("index").asInt();
            assertEquals(rank[l][i], row.get("pageRank").asDouble(), 1e-4, "PageRank of " + l + ":" + i);
            assertTrue(row.get("pageRank").asDouble() <= previous + 1e-12);
            previous = row.get("pageRank").asDouble();
            assertEquals(l == 0 ? 0 : inDegree.get(i), row.get("inDegree").asInt(), "in-degree of " + l + ":" + i);
            assertEquals(l == LAYERS - 1 ? 0 : outDegree.get(i), row.get("outDegree").asInt(),
                    "out-degree of " + l + ":" + i);
        }
    }

    @Test
    void compareSetsTheModelsSideBySide() {
        List<Record> rows = run(SavedQuery.COMPARE, Map.of("models", List.of(BLOCKS, UNMIXED), "threshold", 0.1));

        assertEquals(2 * LAYERS, rows.size());
        for (int r = 0; r < rows.size(); r++) {
            Record row = rows.get(r);
            boolean mixed = r % 2 == 0;
            assertEquals(r / 2, row.get("layer").asInt());
            assertEquals(mixed ? BLOCKS : UNMIXED, row.get("model").asString());
            assertEquals(5.0 / 22, row.get("nearKernelFraction").asDouble(), 1e-12);
            if (r / 2 == LAYERS - 1) {
                assertTrue(row.get("significantEdges").isNull());
                continue;
            }
            assertEquals(mixed ? 9 : 7, row.get("significantEdges").asInt());
            assertEquals(mixed ? 8 : 6, row.get("nearKernelEdges").asInt());
            assertEquals(FULL_RATIO, row.get("topRatio").asDouble(), 1e-9);
            assertTrue(row.get("topSignificant").asBoolean());
        }
    }

    @Test
    void overlapMatchesEdgesByPositionAndSkipsOtherArchitectures() {
        List<Record> rows = run(SavedQuery.COMPARE_OVERLAP, Map.of("models", List.of(BLOCKS, UNMIXED, SHORT)));

        // blocks-short has 4 maps, so only the pair (blocks, blocks-unmixed) is compared.
        assertEquals(LAYERS - 1, rows.size());
        for (Record row : rows) {
            assertEquals(BLOCKS, row.get("modelA").asString());
            assertEquals(UNMIXED, row.get("modelB").asString());
            assertEquals(9, row.get("edgesA").asInt());
            assertEquals(7, row.get("edgesB").asInt());
            assertEquals(7, row.get("shared").asInt(), "the unmixed edges 17->17 and 18->18 are in both sets");
            assertEquals(7.0 / 9, row.get("jaccard").asDouble(), 1e-12);
        }
    }

    @Test
    void failedGdsQueryStillDropsItsProjection() {
        // A projection of that name already exists, so the query's own projection fails; the
        // runner must drop the name afterwards all the same.
        try (Session session = store.session()) {
            session.executeRead(tx -> tx.run("MATCH (s:SpectralNeuron {model: $model}) "
                    + "WITH gds.graph.project('svr-paths-' + $model, s, null) AS g RETURN g.graphName",
                    Map.of("model", BLOCKS)).consume());
        }
        assertEquals(List.of("svr-paths-" + BLOCKS), projections());

        assertThrows(StorageException.class, () -> run(SavedQuery.LONG_RANGE_PATHS,
                Map.of("model", BLOCKS, "weight", "ratio", "minPValue", 1e-300, "limit", 3)));
    }

    @Test
    void unknownModelIsReported() {
        StorageException failure = assertThrows(StorageException.class, () -> runner.requireModels(List.of("nope")));
        assertTrue(failure.getMessage().contains("'nope'"), failure.getMessage());
    }
}

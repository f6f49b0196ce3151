package org.svrgraph.plot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.svrgraph.spectral.SvrResult;

/**
 * Finds the near-kernel clusters of an SVR: the connected components of the graph whose vertices are
 * near-kernel spectral neurons and whose edges are the significant edges between them. Meller and
 * Berkouk (AISTATS 2023) report such clusters across deep layers of networks trained with BatchNorm.
 */
public final class NearKernelClusters {

    private NearKernelClusters() {
    }

    /**
     * Returns the clusters of at least two neurons, largest first. Each cluster draws at most
     * {@code maxEdges} edges per layer pair (0 for all), strongest first by ratio.
     */
    public static List<HighlightGroup> find(SvrResult result, int maxEdges) {
        return find(new ResultGraph(result), maxEdges);
    }

    /** Returns the near-kernel clusters of {@code graph}, as {@link #find(SvrResult, int)} defines them. */
    public static List<HighlightGroup> find(SignificantGraph graph, int maxEdges) {
        int layerCount = graph.layerCount();
        int[] offset = new int[layerCount + 1];
        for (int l = 0; l < layerCount; l++) {
            offset[l + 1] = offset[l] + graph.rank(l);
        }
        int[][] nearKernel = new int[layerCount][];
        for (int l = 0; l < layerCount; l++) {
            int layer = l;
            nearKernel[l] = IntStream.range(0, graph.rank(l)).filter(j -> graph.nearKernel(layer, j)).toArray();
        }

        int[] parent = IntStream.range(0, offset[layerCount]).toArray();
        List<HighlightEdge> edges = new ArrayList<>();
        for (int l = 0; l + 1 < layerCount; l++) {
            for (int j : nearKernel[l]) {
                for (int i : nearKernel[l + 1]) {
                    if (graph.significant(l, i, j)) {
                        union(parent, offset[l] + j, offset[l + 1] + i);
                        edges.add(graph.edge(l, i, j));
                    }
                }
            }
        }
        return collect(parent, offset, edges, maxEdges);
    }

    private static List<HighlightGroup> collect(int[] parent, int[] offset, List<HighlightEdge> edges,
            int maxEdges) {
        Map<Integer, List<HighlightEdge>> edgesByRoot = new LinkedHashMap<>();
        for (HighlightEdge edge : edges) {
            int root = find(parent, offset[edge.pair()] + edge.previous());
            edgesByRoot.computeIfAbsent(root, r -> new ArrayList<>()).add(edge);
        }
        Map<Integer, List<NeuronRef>> neuronsByRoot = new LinkedHashMap<>();
        for (int l = 0; l + 1 < offset.length; l++) {
            for (int id = offset[l]; id < offset[l + 1]; id++) {
                int root = find(parent, id);
                if (edgesByRoot.containsKey(root)) {
                    neuronsByRoot.computeIfAbsent(root, r -> new ArrayList<>()).add(new NeuronRef(l, id - offset[l]));
                }
            }
        }
        List<HighlightGroup> clusters = new ArrayList<>();
        for (Map.Entry<Integer, List<NeuronRef>> entry : neuronsByRoot.entrySet()) {
            List<HighlightEdge> all = edgesByRoot.get(entry.getKey());
            clusters.add(new HighlightGroup(entry.getValue(), capPerPair(all, maxEdges), all.size()));
        }
        clusters.sort(Comparator.comparingInt((HighlightGroup g) -> -g.neurons().size()));
        return clusters;
    }

    private static List<HighlightEdge> capPerPair(List<HighlightEdge> edges, int maxEdges) {
        Map<Integer, List<HighlightEdge>> byPair = new LinkedHashMap<>();
        for (HighlightEdge edge : edges) {
            byPair.computeIfAbsent(edge.pair(), p -> new ArrayList<>()).add(edge);
        }
        List<HighlightEdge> kept = new ArrayList<>();
        for (List<HighlightEdge> pairEdges : byPair.values()) {
            pairEdges.sort(Comparator.comparingDouble((HighlightEdge e) -> -e.ratio()));
            kept.addAll(maxEdges > 0 && pairEdges.size() > maxEdges ? pairEdges.subList(0, maxEdges) : pairEdges);
        }
        return kept;
    }

    private static int find(int[] parent, int id) {
        while (parent[id] != id) {
            parent[id] = parent[parent[id]];
            id = parent[id];
        }
        return id;
    }

    private static void union(int[] parent, int a, int b) {
        int rootA = find(parent, a);
        int rootB = find(parent, b);
        if (rootA != rootB) {
            parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
        }
    }
}

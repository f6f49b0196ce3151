package org.svrgraph.plot;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The significant graph of an SVR given as its layers and the list of its significant edges, as a
 * model stored in Neo4j is read back. Lookups go through one hash map per layer pair, keyed by the
 * position j * rank(l + 1) + i, because a dense matrix of a VGG16 pair would take 128 MB.
 */
final class EdgeListGraph implements SignificantGraph {

    private final List<FigureLayer> layers;
    private final List<FigureEdges> edges;
    private final List<Map<Long, Integer>> positions;

    /**
     * @param layers the layers in chain order
     * @param edges every significant edge of each pair, edges.get(l) between layers l and l + 1
     */
    EdgeListGraph(List<FigureLayer> layers, List<FigureEdges> edges) {
        this.layers = List.copyOf(layers);
        this.edges = List.copyOf(edges);
        this.positions = new java.util.ArrayList<>();
        for (int l = 0; l < edges.size(); l++) {
            FigureEdges pair = edges.get(l);
            Map<Long, Integer> byPosition = new HashMap<>(pair.size() * 2);
            for (int e = 0; e < pair.size(); e++) {
                byPosition.put(position(l, pair.next()[e], pair.previous()[e]), e);
            }
            positions.add(byPosition);
        }
    }

    private long position(int pair, int next, int previous) {
        return (long) previous * layers.get(pair + 1).rank() + next;
    }

    @Override
    public int layerCount() {
        return layers.size();
    }

    @Override
    public int rank(int layer) {
        return layers.get(layer).rank();
    }

    @Override
    public boolean nearKernel(int layer, int index) {
        return layers.get(layer).nearKernel()[index];
    }

    @Override
    public boolean significant(int pair, int next, int previous) {
        return positions.get(pair).containsKey(position(pair, next, previous));
    }

    @Override
    public HighlightEdge edge(int pair, int next, int previous) {
        Integer e = positions.get(pair).get(position(pair, next, previous));
        if (e == null) {
            throw new IllegalArgumentException("No significant edge (" + next + ", " + previous + ") in layer pair "
                    + pair);
        }
        FigureEdges list = edges.get(pair);
        return new HighlightEdge(pair, next, previous, list.coefficient()[e], list.ratio()[e], list.pValue()[e]);
    }
}

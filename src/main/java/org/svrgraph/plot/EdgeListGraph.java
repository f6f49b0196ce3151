package org.svrgraph.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The significant graph of an SVR given as its layers and the list of its significant edges, as a
 * model stored in Neo4j is read back. A dense matrix per layer pair would take 128 MB for a 4096 x
 * 4096 pair of VGG16, so each pair keeps a sorted array of longs instead. Each entry packs the
 * edge's position j * rank(l + 1) + i in the high 32 bits and its index in the edge list in the
 * low 32 bits, and a lookup is a binary search.
 */
final class EdgeListGraph implements SignificantGraph {

    private final List<FigureLayer> layers;
    private final List<FigureEdges> edges;
    private final List<long[]> sortedPositions;

    /**
     * @param layers the layers in chain order
     * @param edges every significant edge of each pair, edges.get(l) between layers l and l + 1
     */
    EdgeListGraph(List<FigureLayer> layers, List<FigureEdges> edges) {
        this.layers = List.copyOf(layers);
        this.edges = List.copyOf(edges);
        this.sortedPositions = new ArrayList<>();
        for (int l = 0; l < edges.size(); l++) {
            if ((long) layers.get(l).rank() * layers.get(l + 1).rank() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("Layer pair " + l + " has " + layers.get(l).rank() + " x "
                        + layers.get(l + 1).rank() + " positions, more than the 2^31 that an edge lookup packs");
            }
            FigureEdges pair = edges.get(l);
            long[] packed = new long[pair.size()];
            for (int e = 0; e < pair.size(); e++) {
                packed[e] = position(l, pair.next()[e], pair.previous()[e]) << 32 | e;
            }
            Arrays.sort(packed);
            sortedPositions.add(packed);
        }
    }

    private long position(int pair, int next, int previous) {
        return (long) previous * layers.get(pair + 1).rank() + next;
    }

    /** Returns the index of the edge in the pair's edge list, or -1 when it is not significant. */
    private int find(int pair, int next, int previous) {
        long[] packed = sortedPositions.get(pair);
        long position = position(pair, next, previous);
        int slot = Arrays.binarySearch(packed, position << 32);
        int candidate = slot >= 0 ? slot : -slot - 1;
        if (candidate < packed.length && packed[candidate] >>> 32 == position) {
            return (int) (packed[candidate] & 0xFFFF_FFFFL);
        }
        return -1;
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
        return find(pair, next, previous) >= 0;
    }

    @Override
    public HighlightEdge edge(int pair, int next, int previous) {
        int e = find(pair, next, previous);
        if (e < 0) {
            throw new IllegalArgumentException("Edge (" + next + ", " + previous + ") of layer pair " + pair
                    + " is not significant");
        }
        FigureEdges list = edges.get(pair);
        return new HighlightEdge(pair, next, previous, list.coefficient()[e], list.ratio()[e], list.pValue()[e]);
    }
}

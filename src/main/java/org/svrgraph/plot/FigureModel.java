package org.svrgraph.plot;

import java.util.List;

/**
 * Everything the renderers draw for one model, independent of where it came from (a fresh SVR
 * computation or a graph read back from Neo4j).
 *
 * @param modelName the model's name for the title
 * @param method {@code svr} or {@code cosvr}
 * @param criterion the significance criterion with its level, as the header shows it, such as
 *     {@code chi2 at 3σ} or {@code fdr at q = 0.05}
 * @param sigmaLevel significance level in standard deviations
 * @param nearKernelThreshold a neuron is near-kernel when sigma / sigma_max is below this
 * @param layers the columns, in chain order
 * @param pairs the edges between consecutive columns, pairs.get(l) between layers l and l+1
 * @param maxEdges the per-pair cap that was applied, 0 for none
 * @param highlights the marked structures
 */
public record FigureModel(String modelName, String method, String criterion, double sigmaLevel,
        double nearKernelThreshold, List<FigureLayer> layers, List<FigureEdges> pairs, int maxEdges,
        Highlights highlights) {

    public FigureModel {
        layers = List.copyOf(layers);
        pairs = List.copyOf(pairs);
        if (layers.size() < 2) {
            throw new IllegalArgumentException("Model '" + modelName + "' has " + layers.size()
                    + (layers.size() == 1 ? " layer" : " layers")
                    + "; the SVR figure needs at least 2, because its edges join consecutive layers");
        }
        if (pairs.size() != layers.size() - 1) {
            throw new IllegalArgumentException("Model '" + modelName + "' has " + layers.size() + " layers but "
                    + pairs.size() + " layer pairs; expected " + (layers.size() - 1));
        }
        for (int l = 0; l < pairs.size(); l++) {
            checkEdges(pairs.get(l), l, layers.get(l).rank(), layers.get(l + 1).rank());
        }
    }

    private static void checkEdges(FigureEdges edges, int l, int previousRank, int nextRank) {
        if (edges.pair() != l) {
            throw new IllegalArgumentException("Layer pair at position " + l + " is labelled " + edges.pair());
        }
        for (int e = 0; e < edges.size(); e++) {
            if (edges.previous()[e] < 0 || edges.previous()[e] >= previousRank || edges.next()[e] < 0
                    || edges.next()[e] >= nextRank) {
                throw new IllegalArgumentException("Edge (" + edges.next()[e] + ", " + edges.previous()[e]
                        + ") of layer pair " + l + " is outside the layers' ranks " + nextRank + " x " + previousRank);
            }
        }
    }

    /** Number of edges drawn over all pairs. */
    public long drawnEdgeCount() {
        return pairs.stream().mapToLong(FigureEdges::size).sum();
    }

    /** Number of significant edges over all pairs, before the cap. */
    public long significantEdgeCount() {
        return pairs.stream().mapToLong(FigureEdges::significantCount).sum();
    }

    /** Number of layer pairs where the cap left out edges. */
    public long cappedPairCount() {
        return pairs.stream().filter(FigureEdges::capped).count();
    }

    /** Largest rank over the layers. */
    public int maxRank() {
        return layers.stream().mapToInt(FigureLayer::rank).max().orElse(0);
    }
}

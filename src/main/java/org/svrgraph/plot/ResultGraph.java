package org.svrgraph.plot;

import org.svrgraph.spectral.LayerPair;
import org.svrgraph.spectral.SvrResult;

/** The significant graph of a computed SVR, read from its adjacency matrices. */
final class ResultGraph implements SignificantGraph {

    private final SvrResult result;

    ResultGraph(SvrResult result) {
        this.result = result;
    }

    @Override
    public int layerCount() {
        return result.layers().size();
    }

    @Override
    public int rank(int layer) {
        return result.layers().get(layer).rank();
    }

    @Override
    public boolean nearKernel(int layer, int index) {
        return result.nearKernel(layer, index);
    }

    @Override
    public boolean significant(int pair, int next, int previous) {
        return result.pairs().get(pair).significant(next, previous);
    }

    @Override
    public HighlightEdge edge(int pair, int next, int previous) {
        LayerPair layerPair = result.pairs().get(pair);
        return new HighlightEdge(pair, next, previous, layerPair.coefficient(next, previous),
                layerPair.ratio(next, previous), layerPair.pValue(next, previous));
    }
}

package org.svrgraph.plot;

/**
 * The part of an SVR that the highlights read: the ranks and near-kernel flags of the layers and
 * the significant edges between consecutive layers. A computed {@link org.svrgraph.spectral.SvrResult}
 * and a model read back from Neo4j both provide it, so the dominant chain and the near-kernel
 * clusters come out the same from either.
 */
public interface SignificantGraph {

    /** Number of layers. */
    int layerCount();

    /** Number of spectral neurons of layer {@code layer}. */
    int rank(int layer);

    /** Returns whether spectral neuron {@code index} of layer {@code layer} is near-kernel. */
    boolean nearKernel(int layer, int index);

    /**
     * Returns whether the edge from neuron {@code previous} of layer {@code pair} to neuron
     * {@code next} of layer {@code pair + 1} is significant.
     */
    boolean significant(int pair, int next, int previous);

    /** Returns the edge's coefficient, ratio and p-value. The edge must be significant. */
    HighlightEdge edge(int pair, int next, int previous);
}

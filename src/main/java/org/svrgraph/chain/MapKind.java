package org.svrgraph.chain;

/** Kind of linear map in a chain, which decides how its weight tensor becomes a matrix. */
public enum MapKind {
    /** Fully connected map, weight tensor out x in. */
    FULLY_CONNECTED,
    /** Two-dimensional convolution, weight tensor o x i x kh x kw. */
    CONVOLUTION;

    /** Returns the short name used in files and the graph: {@code fc} or {@code conv}. */
    public String shortName() {
        return this == FULLY_CONNECTED ? "fc" : "conv";
    }
}

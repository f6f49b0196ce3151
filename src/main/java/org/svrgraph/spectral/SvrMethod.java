package org.svrgraph.spectral;

/** Reshaping of a convolution's weight tensor o x i x kh x kw into the matrix that is decomposed. */
public enum SvrMethod {
    /**
     * M = W reshaped to o x (i kh kw): left singular vectors are patterns over the output channels,
     * right singular vectors are multichannel filters.
     */
    SVR,
    /**
     * M = W permuted to (o, kh, kw, i) and reshaped to (o kh kw) x i: left singular vectors are
     * o x kh x kw patterns, right singular vectors patterns over the input channels.
     */
    COSVR;

    /** Returns the lower-case name used on the command line and in files. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package org.svrgraph.spectral;

/** Floating-point precision of the SVDs. Adjacency products and all results are in float64. */
public enum Precision {
    /** Double precision: singular values to about 1e-13 relative. */
    FLOAT64,
    /**
     * Single precision SVD (LAPACK sgesdd): about twice as fast, singular values and vectors to about
     * 1e-5 relative, so adjacency coefficients and small singular values are less accurate.
     */
    FLOAT32
}

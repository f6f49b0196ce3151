package org.svrgraph.spectral;

/**
 * The dense linear algebra the SVR needs: SVDs of the layer matrices and products for the adjacency.
 * Implementations are native LAPACK/BLAS or pure Java; both must give the same numbers to rounding.
 */
public interface LinearAlgebra {

    /** Short name for logs and the summary, such as {@code openblas} or {@code ejml}. */
    String name();

    /**
     * Computes the thin SVD of {@code a}, or only its {@code topK} largest triplets when
     * {@code 0 < topK < min(rows, cols)}. The input is not modified.
     */
    ThinSvd svd(Matrix a, int topK, Precision precision);

    /** Returns a^T b, the product that the adjacency coefficients are built from. */
    Matrix multiplyTransposed(Matrix a, Matrix b);
}

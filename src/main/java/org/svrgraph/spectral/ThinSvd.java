package org.svrgraph.spectral;

/**
 * A thin (or truncated) singular value decomposition M = U diag(sigma) V^T of an m x n matrix,
 * with r triplets: U is m x r, V is n x r, sigma has r values in decreasing order.
 */
public record ThinSvd(Matrix u, double[] sigma, Matrix v) {

    public ThinSvd {
        int r = sigma.length;
        if (u.cols() != r || v.cols() != r) {
            throw new IllegalArgumentException("SVD factors disagree: U has " + u.cols() + " columns, V has "
                    + v.cols() + ", sigma has " + r + " values");
        }
        for (int k = 1; k < r; k++) {
            if (sigma[k] > sigma[k - 1]) {
                throw new IllegalArgumentException("Singular values must be in decreasing order, got "
                        + sigma[k - 1] + " before " + sigma[k]);
            }
        }
    }

    /** Number of singular triplets. */
    public int rank() {
        return sigma.length;
    }
}

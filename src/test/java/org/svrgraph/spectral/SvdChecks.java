package org.svrgraph.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

/** Matrices for the linear-algebra tests and the invariants an SVD must satisfy, computed naively. */
final class SvdChecks {

    private SvdChecks() {
    }

    /** An m x n matrix of independent standard Gaussian entries. */
    static Matrix gaussian(int m, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] data = new double[m * n];
        for (int k = 0; k < data.length; k++) {
            data[k] = random.nextGaussian();
        }
        return new Matrix(m, n, data);
    }

    /** A product of Gaussian m x rank and rank x n factors: rank {@code rank} exactly. */
    static Matrix lowRank(int m, int n, int rank, long seed) {
        return naiveProduct(gaussian(m, rank, seed), gaussian(rank, n, seed + 1));
    }

    /** Q1 diag(sigma) Q2^T with random orthonormal Q1 (m x r) and Q2 (n x r): prescribed singular values. */
    static Matrix withSingularValues(int m, int n, double[] sigma, long seed) {
        int r = sigma.length;
        Matrix q1 = orthonormalColumns(gaussian(m, r, seed));
        Matrix q2 = orthonormalColumns(gaussian(n, r, seed + 1));
        double[] data = new double[m * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                double sum = 0;
                for (int t = 0; t < r; t++) {
                    sum += q1.get(i, t) * sigma[t] * q2.get(j, t);
                }
                data[j * m + i] = sum;
            }
        }
        return new Matrix(m, n, data);
    }

    /** Modified Gram-Schmidt, twice: orthonormal columns spanning those of {@code a}. */
    static Matrix orthonormalColumns(Matrix a) {
        double[] q = a.data().clone();
        int m = a.rows();
        for (int t = 0; t < a.cols(); t++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int s = 0; s < t; s++) {
                    double dot = 0;
                    for (int i = 0; i < m; i++) {
                        dot += q[s * m + i] * q[t * m + i];
                    }
                    for (int i = 0; i < m; i++) {
                        q[t * m + i] -= dot * q[s * m + i];
                    }
                }
            }
            double norm = 0;
            for (int i = 0; i < m; i++) {
                norm += q[t * m + i] * q[t * m + i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < m; i++) {
                q[t * m + i] /= norm;
            }
        }
        return new Matrix(m, a.cols(), q);
    }

    /** a b by the triple loop. */
    static Matrix naiveProduct(Matrix a, Matrix b) {
        double[] out = new double[a.rows() * b.cols()];
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < b.cols(); j++) {
                double sum = 0;
                for (int t = 0; t < a.cols(); t++) {
                    sum += a.get(i, t) * b.get(t, j);
                }
                out[j * a.rows() + i] = sum;
            }
        }
        return new Matrix(a.rows(), b.cols(), out);
    }

    /** Largest absolute entry. */
    static double maxAbs(Matrix a) {
        double max = 0;
        for (double v : a.data()) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    /** Asserts that U diag(sigma) V^T equals {@code a} to {@code tolerance} relative to sigma_max. */
    static void assertReconstructs(Matrix a, ThinSvd svd, double tolerance) {
        double scale = Math.max(svd.sigma().length == 0 ? 0 : svd.sigma()[0], Double.MIN_NORMAL);
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                double sum = 0;
                for (int t = 0; t < svd.rank(); t++) {
                    sum += svd.u().get(i, t) * svd.sigma()[t] * svd.v().get(j, t);
                }
                double error = Math.abs(sum - a.get(i, j)) / scale;
                assertTrue(error <= tolerance, "U S V^T differs from M at (" + i + ", " + j + ") by " + error
                        + " of sigma_max");
            }
        }
    }

    /** Asserts Q^T Q = I to the tolerance. */
    static void assertOrthonormalColumns(Matrix q, double tolerance, String name) {
        for (int s = 0; s < q.cols(); s++) {
            for (int t = 0; t < q.cols(); t++) {
                double dot = 0;
                for (int i = 0; i < q.rows(); i++) {
                    dot += q.get(i, s) * q.get(i, t);
                }
                assertEquals(s == t ? 1 : 0, dot, tolerance, name + " columns " + s + " and " + t);
            }
        }
    }

    /** Asserts that column t of two matrices agree up to sign, to the tolerance. */
    static void assertColumnUpToSign(Matrix expected, Matrix actual, int t, double tolerance, String name) {
        double dot = 0;
        for (int i = 0; i < expected.rows(); i++) {
            dot += expected.get(i, t) * actual.get(i, t);
        }
        double sign = dot >= 0 ? 1 : -1;
        double worst = 0;
        for (int i = 0; i < expected.rows(); i++) {
            worst = Math.max(worst, Math.abs(expected.get(i, t) - sign * actual.get(i, t)));
        }
        assertTrue(worst <= tolerance, name + " column " + t + " differs up to sign by " + worst);
    }
}

package org.svrgraph.spectral;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the linear-algebra backend: native OpenBLAS when its library loads and computes a small
 * SVD correctly, otherwise pure-Java EJML. The system property {@value #BACKEND_PROPERTY}
 * ({@code auto}, {@code openblas} or {@code ejml}) sets the choice when no option does.
 */
public final class LinearAlgebras {

    /** System property that forces a backend, read by {@link #best()}. */
    public static final String BACKEND_PROPERTY = "svr.backend";

    private static final Logger LOG = LoggerFactory.getLogger(LinearAlgebras.class);

    private LinearAlgebras() {
    }

    /** Returns the backend that the system property sets, {@code auto} when it is unset. */
    public static LinearAlgebra best() {
        return select(Backend.parse(System.getProperty(BACKEND_PROPERTY, "auto")));
    }

    /**
     * Returns the requested backend and logs which one runs and why.
     *
     * @throws IllegalArgumentException when {@code openblas} is requested but cannot run here
     */
    public static LinearAlgebra select(Backend requested) {
        if (requested == Backend.EJML) {
            LOG.info("Linear algebra: ejml (pure Java), as requested");
            return new EjmlLinearAlgebra();
        }
        String failure;
        try {
            NativeLinearAlgebra openblas = NativeLinearAlgebra.load();
            failure = selfCheckFailure(openblas);
            if (failure == null) {
                LOG.info("Linear algebra: openblas (native OpenBLAS with LAPACK, {} thread(s), set by -D{}), {}",
                        OpenBlasThreads.threads(), OpenBlasThreads.THREADS_PROPERTY, requested == Backend.AUTO ? "its library loaded and passed the start-up check" : "as requested");
                return openblas;
            }
        } catch (LinkageError | RuntimeException e) {
            // JavaCPP reports a missing or broken library as UnsatisfiedLinkError, sometimes wrapped.
            failure = "the native library did not load: " + e;
        }
        if (requested == Backend.OPENBLAS) {
            throw new IllegalArgumentException("Backend openblas was requested but " + failure
                    + "; use --backend ejml or auto");
        }
        LOG.info("Linear algebra: ejml (pure Java, about 10x slower on large SVDs), because {}", failure);
        return new EjmlLinearAlgebra();
    }

    /**
     * Runs a 3 x 2 SVD and a 2 x 2 product whose results are known exactly, and returns what went
     * wrong, or null when both are right.
     */
    static String selfCheckFailure(LinearAlgebra algebra) {
        // Column-major [[0, 4], [3, 0], [0, 0]]: singular values 4 and 3.
        Matrix a = new Matrix(3, 2, new double[] {0, 3, 0, 4, 0, 0});
        ThinSvd svd = algebra.svd(a, 0, Precision.FLOAT64);
        double[] sigma = svd.sigma();
        if (sigma.length != 2 || Math.abs(sigma[0] - 4) > 1e-12 || Math.abs(sigma[1] - 3) > 1e-12) {
            return "the start-up SVD returned singular values " + java.util.Arrays.toString(sigma)
                    + " instead of [4.0, 3.0]";
        }
        Matrix product = algebra.multiplyTransposed(a, a);
        double[] expected = {9, 0, 0, 16};
        for (int k = 0; k < expected.length; k++) {
            if (Math.abs(product.data()[k] - expected[k]) > 1e-12) {
                return "the start-up product a^T a returned " + java.util.Arrays.toString(product.data())
                        + " instead of " + java.util.Arrays.toString(expected);
            }
        }
        return null;
    }
}

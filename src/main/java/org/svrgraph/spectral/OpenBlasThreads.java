package org.svrgraph.spectral;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_full;

/**
 * Thread counts of the OpenBLAS library for the two kinds of native call. Level-3 BLAS (GEMM, SYRK)
 * is one large parallel region per call and runs on all of OpenBLAS's threads. The LAPACK drivers
 * (gesdd, syevr) enter hundreds of small parallel regions, each a synchronisation of the workers;
 * on a machine whose cores are busy with other work each synchronisation can wait a whole scheduler
 * time slice, so they run on one thread unless the system property {@value #LAPACK_THREADS_PROPERTY}
 * asks for more.
 *
 * <p>Measured on a 2-core machine under a load average of 8 (OpenBLAS 0.3.31): SVD 512 x 4608 took
 * 1.1-1.3 s on one thread and 7.5-18 s on two; 2048 x 2048 took 4.3-14 s against 36-51 s. On an idle
 * machine two threads were 1.4x faster for 4096 x 4096, which is what setting the property to the
 * core count buys on a dedicated machine.
 *
 * <p>The thread count is global to the library, so callers hold {@link #LOCK} from setting it until
 * their native call returns; native calls from concurrent Java threads therefore run one at a time.
 */
final class OpenBlasThreads {

    /** System property: threads for LAPACK SVD and eigensolver calls; default 1. */
    static final String LAPACK_THREADS_PROPERTY = "svr.lapack.threads";

    /** Held around every thread-count change and the native call that follows it. */
    static final Object LOCK = new Object();

    private static int blasThreads;
    private static int lapackThreads;

    private OpenBlasThreads() {
    }

    /** Loads the thread-control functions and records OpenBLAS's own thread count as the BLAS count. */
    static synchronized void initialise() {
        if (blasThreads > 0) {
            return;
        }
        Loader.load(openblas_full.class);
        blasThreads = Math.max(1, openblas_full.openblas_get_num_threads());
        lapackThreads = parseLapackThreads(System.getProperty(LAPACK_THREADS_PROPERTY, "1"));
    }

    private static int parseLapackThreads(String text) {
        try {
            int threads = Integer.parseInt(text.trim());
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // Reported below with the value.
        }
        throw new IllegalArgumentException("System property " + LAPACK_THREADS_PROPERTY
                + " must be a positive thread count, got '" + text + "'");
    }

    /** Sets the threads for level-3 BLAS; the caller holds {@link #LOCK}. */
    static void forBlas() {
        openblas_full.openblas_set_num_threads(blasThreads);
    }

    /** Sets the threads for LAPACK drivers; the caller holds {@link #LOCK}. */
    static void forLapack() {
        openblas_full.openblas_set_num_threads(lapackThreads);
    }

    /** Threads used for level-3 BLAS. */
    static int blasThreads() {
        return blasThreads;
    }

    /** Threads used for LAPACK drivers. */
    static int lapackThreads() {
        return lapackThreads;
    }
}

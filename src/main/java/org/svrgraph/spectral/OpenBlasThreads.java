package org.svrgraph.spectral;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_full;

/**
 * Thread count of the OpenBLAS library, set once when the native backend loads: one thread unless
 * the system property {@value #THREADS_PROPERTY} sets another count.
 *
 * <p>Why one: OpenBLAS's worker threads busy-wait between parallel regions, and the LAPACK drivers
 * enter hundreds of small regions per call. When the cores are busy with other work, each
 * synchronisation can wait a scheduler time slice. Measured with OpenBLAS 0.3.31 on 2 cores under a
 * load average of 8 to 13: SVD 512 x 4608 took 1.1-1.3 s on one thread and 7.5-18 s on two, 2048 x
 * 2048 took 4.3-14 s against 36-51 s, and a top-32 SVD of 2304 x 256 took 0.03-0.05 s against
 * 0.12-0.30 s. Switching between counts per call was worse still, because workers left spinning
 * after a two-thread product slowed the single-thread SVD that followed. On an idle machine two
 * threads made a 4096 x 4096 SVD 1.4x faster (21.5 s against 31 s), so on a dedicated machine set
 * the property to the core count.
 */
final class OpenBlasThreads {

    /** System property: number of OpenBLAS threads; default 1. */
    static final String THREADS_PROPERTY = "svr.openblas.threads";

    private static int threads;

    private OpenBlasThreads() {
    }

    /**
     * Loads the thread-control functions and sets the thread count from the property, once.
     *
     * @throws IllegalArgumentException when the property is not a positive integer
     */
    static synchronized void initialise() {
        if (threads > 0) {
            return;
        }
        int requested = parseThreads(System.getProperty(THREADS_PROPERTY, "1"));
        Loader.load(openblas_full.class);
        openblas_full.openblas_set_num_threads(requested);
        threads = requested;
    }

    private static int parseThreads(String text) {
        try {
            int count = Integer.parseInt(text.trim());
            if (count >= 1) {
                return count;
            }
        } catch (NumberFormatException e) {
            // Reported below with the value.
        }
        throw new IllegalArgumentException("System property " + THREADS_PROPERTY
                + " must be a positive thread count, got '" + text + "'");
    }

    /** Threads OpenBLAS runs on, 0 before {@link #initialise()}. */
    static synchronized int threads() {
        return threads;
    }
}

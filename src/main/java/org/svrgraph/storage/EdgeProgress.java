package org.svrgraph.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts committed edges over all writer threads, logs progress and forwards it to the listener. */
final class EdgeProgress {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeProgress.class);
    /** Minimum time between two progress log lines. */
    private static final long LOG_INTERVAL_NANOS = 5_000_000_000L;

    private final WriteListener listener;
    private final long total;
    private long written;
    private long lastLogNanos = System.nanoTime();

    EdgeProgress(WriteListener listener, long total) {
        this.listener = listener;
        this.total = total;
    }

    /** Records a committed batch; the listener runs under this object's lock, one call at a time. */
    synchronized void add(long edges) {
        written += edges;
        listener.edgesWritten(written, total);
        long now = System.nanoTime();
        if (now - lastLogNanos >= LOG_INTERVAL_NANOS || written == total) {
            LOG.info("Edges written: {} of {} ({}%)", written, total, total == 0 ? 100 : 100 * written / total);
            lastLogNanos = now;
        }
    }
}

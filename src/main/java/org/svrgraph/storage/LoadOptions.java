package org.svrgraph.storage;

/**
 * Settings of one model write.
 *
 * @param storeTop besides the significant edges, keep the storeTop strongest outgoing and incoming
 *     edges of every spectral neuron (0: significant edges only)
 * @param replace replace a model of the same name, in the same transaction that publishes the new one
 * @param batchSize rows per write transaction
 * @param writers sessions that write edges at once
 */
public record LoadOptions(int storeTop, boolean replace, int batchSize, int writers) {

    /** Rows per transaction: large enough to amortise the round trip, small enough for a 1 GB heap. */
    public static final int DEFAULT_BATCH_SIZE = 20_000;

    /**
     * Edge writers. Commits take about 70% of the CPU time of a load, and the server applies them one
     * at a time, so a second writer measured no faster on Neo4j 2026.01 (docs/storage-bench.md).
     */
    public static final int DEFAULT_WRITERS = 1;

    public static final LoadOptions DEFAULTS = new LoadOptions(0, false, DEFAULT_BATCH_SIZE, DEFAULT_WRITERS);

    public LoadOptions {
        if (storeTop < 0) {
            throw new IllegalArgumentException("--store-top must be 0 or positive, got " + storeTop);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("Batch size must be positive, got " + batchSize);
        }
        if (writers < 1) {
            throw new IllegalArgumentException("Writer count must be positive, got " + writers);
        }
    }

    /** Returns these options with another storeTop. */
    public LoadOptions withStoreTop(int k) {
        return new LoadOptions(k, replace, batchSize, writers);
    }

    /** Returns these options with another batch size. */
    public LoadOptions withBatchSize(int rows) {
        return new LoadOptions(storeTop, replace, rows, writers);
    }

    /** Returns these options with another writer count. */
    public LoadOptions withWriters(int count) {
        return new LoadOptions(storeTop, replace, batchSize, count);
    }

    /** Returns these options with replace on or off. */
    public LoadOptions withReplace(boolean on) {
        return new LoadOptions(storeTop, on, batchSize, writers);
    }
}

package org.svrgraph.storage;

/**
 * How a model is written.
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
     * Edge writers: each commit spends most of its time in the storage engine on the server side,
     * so two sessions keep two cores busy; more contend for the same cores.
     */
    public static final int DEFAULT_WRITERS = 2;

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

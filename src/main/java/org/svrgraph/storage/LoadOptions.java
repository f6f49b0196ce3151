package org.svrgraph.storage;

/**
 * How a model is written.
 *
 * @param storeTop besides the significant edges, keep the storeTop strongest outgoing and incoming
 *     edges of every spectral neuron (0: significant edges only)
 * @param replace replace a model of the same name, in the same transaction that publishes the new one
 * @param batchSize rows per write transaction
 */
public record LoadOptions(int storeTop, boolean replace, int batchSize) {

    /** Rows per transaction: large enough to amortise the round trip, small enough for a 1 GB heap. */
    public static final int DEFAULT_BATCH_SIZE = 20_000;

    public static final LoadOptions DEFAULTS = new LoadOptions(0, false, DEFAULT_BATCH_SIZE);

    public LoadOptions {
        if (storeTop < 0) {
            throw new IllegalArgumentException("--store-top must be 0 or positive, got " + storeTop);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("Batch size must be positive, got " + batchSize);
        }
    }

    /** Returns these options with another storeTop. */
    public LoadOptions withStoreTop(int k) {
        return new LoadOptions(k, replace, batchSize);
    }

    /** Returns these options with replace on or off. */
    public LoadOptions withReplace(boolean on) {
        return new LoadOptions(storeTop, on, batchSize);
    }
}

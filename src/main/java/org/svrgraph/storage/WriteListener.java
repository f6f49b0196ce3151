package org.svrgraph.storage;

/** Receives progress of a model write after every committed edge batch. */
@FunctionalInterface
public interface WriteListener {

    /** Does nothing. */
    WriteListener NONE = (written, total) -> { };

    /**
     * Called after a batch of edges has been committed. An exception thrown here aborts the load,
     * which then removes what it had written.
     *
     * @param edgesWritten edges committed so far
     * @param edgesTotal edges the load writes in all
     */
    void edgesWritten(long edgesWritten, long edgesTotal);
}

package org.svrgraph.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.neo4j.driver.Session;
import org.svrgraph.spectral.LayerPair;

/**
 * Writes the edges of all layer pairs with several sessions at once. Creating a relationship locks
 * both end nodes, and pairs l and l+1 share the neurons of layer l+1, so the pairs run in two
 * phases: first the even pairs, then the odd ones. Within a phase no two pairs share a node, so
 * the writers do not wait for each other's node locks.
 */
final class ParallelEdgeWriter {

    private final GraphStore store;
    private final String stagingKey;
    private final int batchSize;
    private final int writers;

    ParallelEdgeWriter(GraphStore store, String stagingKey, int batchSize, int writers) {
        this.store = store;
        this.stagingKey = stagingKey;
        this.batchSize = batchSize;
        this.writers = writers;
    }

    void writeAll(List<LayerPair> pairs, List<boolean[]> selections, long[][] neuronIds, EdgeProgress progress) {
        ExecutorService pool = Executors.newFixedThreadPool(writers, runnable -> {
            Thread thread = new Thread(runnable, "svr-edge-writer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int parity = 0; parity < 2; parity++) {
                List<Future<?>> tasks = new ArrayList<>();
                for (LayerPair pair : pairs) {
                    if (pair.index() % 2 != parity) {
                        continue;
                    }
                    tasks.add(pool.submit(() -> {
                        try (Session session = store.session()) {
                            new EdgeBatchWriter(session, stagingKey, batchSize, progress).writePair(pair,
                                    selections.get(pair.index()), neuronIds[pair.index()],
                                    neuronIds[pair.index() + 1]);
                        }
                    }));
                }
                awaitAll(tasks);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits for every task; on the first failure cancels the rest and rethrows it. */
    private static void awaitAll(List<Future<?>> tasks) {
        try {
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (InterruptedException e) {
            tasks.forEach(task -> task.cancel(true));
            Thread.currentThread().interrupt();
            throw new StorageException("Load interrupted", e);
        } catch (ExecutionException e) {
            tasks.forEach(task -> task.cancel(true));
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new StorageException("Writing edges failed: " + e.getCause(), e.getCause());
        }
    }
}

package org.svrgraph.storage;

import java.util.List;
import java.util.Map;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svrgraph.spectral.LayerPair;

/**
 * Writes the selected SVR_EDGE relationships in transactions of a fixed number of rows, each row
 * naming its end nodes by internal id so that the server seeks them directly instead of through
 * an index lookup.
 */
final class EdgeBatchWriter {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeBatchWriter.class);
    /** Minimum time between two progress log lines. */
    private static final long PROGRESS_INTERVAL_NANOS = 5_000_000_000L;

    private final Session session;
    private final String stagingKey;
    private final int batchSize;
    private final WriteListener listener;
    private final long total;

    private final long[] from;
    private final long[] to;
    private final double[] coefficient;
    private final double[] ratio;
    private final double[] pValue;
    private final boolean[] significant;
    private int filled;
    private long written;
    private long lastProgressNanos = System.nanoTime();

    EdgeBatchWriter(Session session, String stagingKey, int batchSize, WriteListener listener, long total) {
        this.session = session;
        this.stagingKey = stagingKey;
        this.batchSize = batchSize;
        this.listener = listener;
        this.total = total;
        int capacity = (int) Math.min(batchSize, Math.max(1, total));
        from = new long[capacity];
        to = new long[capacity];
        coefficient = new double[capacity];
        ratio = new double[capacity];
        pValue = new double[capacity];
        significant = new boolean[capacity];
    }

    /** Writes the selected edges of every pair: neuron j of layer l to neuron i of layer l+1. */
    void writeAll(List<LayerPair> pairs, List<boolean[]> selections, long[][] neuronIds) {
        for (LayerPair pair : pairs) {
            boolean[] keep = selections.get(pair.index());
            long[] sourceIds = neuronIds[pair.index()];
            long[] targetIds = neuronIds[pair.index() + 1];
            int rows = pair.adjacency().rows();
            double threshold = pair.threshold();
            double[] a = pair.adjacency().data();
            for (int position = 0; position < keep.length; position++) {
                if (!keep[position]) {
                    continue;
                }
                int i = position % rows;
                int j = position / rows;
                add(sourceIds[j], targetIds[i], a[position], pair.n() * a[position], pair.pValue(i, j),
                        a[position] >= threshold);
            }
        }
        flush();
    }

    private void add(long source, long target, double a, double r, double p, boolean passes) {
        from[filled] = source;
        to[filled] = target;
        coefficient[filled] = a;
        ratio[filled] = r;
        pValue[filled] = p;
        significant[filled] = passes;
        filled++;
        if (filled == from.length) {
            flush();
        }
    }

    private void flush() {
        if (filled == 0) {
            return;
        }
        Map<String, Object> parameters = Map.of(
                "from", slice(from), "to", slice(to),
                "coefficient", slice(coefficient), "ratio", slice(ratio), "pValue", slice(pValue),
                "significant", slice(significant));
        session.executeWriteWithoutResult(tx -> {
            tx.run(CypherFile.load("storage/create-edges"), parameters).consume();
            tx.run(CypherFile.load("storage/touch-staged-model"), Map.of("key", stagingKey)).consume();
        });
        written += filled;
        filled = 0;
        listener.edgesWritten(written, total);
        long now = System.nanoTime();
        if (now - lastProgressNanos >= PROGRESS_INTERVAL_NANOS || written == total) {
            LOG.info("Edges written: {} of {} ({}%)", written, total, total == 0 ? 100 : 100 * written / total);
            lastProgressNanos = now;
        }
    }

    private Value slice(long[] values) {
        return Values.value(filled == values.length ? values : java.util.Arrays.copyOf(values, filled));
    }

    private Value slice(double[] values) {
        return Values.value(filled == values.length ? values : java.util.Arrays.copyOf(values, filled));
    }

    private Value slice(boolean[] values) {
        return Values.value(filled == values.length ? values : java.util.Arrays.copyOf(values, filled));
    }
}

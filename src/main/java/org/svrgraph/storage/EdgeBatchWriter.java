package org.svrgraph.storage;

import java.util.Arrays;
import java.util.Map;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.svrgraph.spectral.LayerPair;

/**
 * Writes the selected SVR_EDGE relationships of layer pairs over one session, in transactions of
 * a fixed number of rows. Each row names its end nodes by internal id, so the server seeks them
 * directly instead of going through an index.
 */
final class EdgeBatchWriter {

    private final Session session;
    private final String stagingKey;
    private final EdgeProgress progress;

    private final long[] from;
    private final long[] to;
    private final double[] coefficient;
    private final double[] ratio;
    private final double[] pValue;
    private final boolean[] significant;
    private int filled;

    EdgeBatchWriter(Session session, String stagingKey, int batchSize, EdgeProgress progress) {
        this.session = session;
        this.stagingKey = stagingKey;
        this.progress = progress;
        from = new long[batchSize];
        to = new long[batchSize];
        coefficient = new double[batchSize];
        ratio = new double[batchSize];
        pValue = new double[batchSize];
        significant = new boolean[batchSize];
    }

    /**
     * Writes the edges of one pair that {@code keep} selects (column-major over the adjacency):
     * neuron j of layer l to neuron i of layer l+1.
     */
    void writePair(LayerPair pair, boolean[] keep, long[] sourceIds, long[] targetIds) {
        int rows = pair.adjacency().rows();
        double threshold = pair.threshold();
        double[] a = pair.adjacency().data();
        for (int position = 0; position < keep.length; position++) {
            if (!keep[position]) {
                continue;
            }
            int i = position % rows;
            int j = position / rows;
            from[filled] = sourceIds[j];
            to[filled] = targetIds[i];
            coefficient[filled] = a[position];
            ratio[filled] = pair.n() * a[position];
            pValue[filled] = pair.pValue(i, j);
            significant[filled] = a[position] >= threshold;
            filled++;
            if (filled == from.length) {
                flush();
            }
        }
        flush();
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
        int written = filled;
        filled = 0;
        progress.add(written);
    }

    private Value slice(long[] values) {
        return Values.value(filled == values.length ? values : Arrays.copyOf(values, filled));
    }

    private Value slice(double[] values) {
        return Values.value(filled == values.length ? values : Arrays.copyOf(values, filled));
    }

    private Value slice(boolean[] values) {
        return Values.value(filled == values.length ? values : Arrays.copyOf(values, filled));
    }
}

package org.svrgraph.storage;

import java.util.Arrays;
import org.svrgraph.spectral.LayerPair;

/**
 * Chooses which coefficients of a layer pair become SVR_EDGE relationships: every significant
 * edge, plus, with storeTop K > 0, the K largest coefficients of every spectral neuron in both
 * directions (the K strongest edges out of each neuron of layer l and into each neuron of layer
 * l+1). Within a pair all coefficients share n, so the largest coefficients are the largest ratios.
 */
final class EdgeSelection {

    private EdgeSelection() {
    }

    /**
     * Returns a mask over the adjacency in its column-major order (position j * rows + i for
     * neuron j of layer l and neuron i of layer l+1): true where an edge is stored.
     */
    static boolean[] select(LayerPair pair, int storeTop) {
        int rows = pair.adjacency().rows();
        int cols = pair.adjacency().cols();
        double[] a = pair.adjacency().data();
        double threshold = pair.threshold();
        boolean[] keep = new boolean[a.length];
        for (int k = 0; k < a.length; k++) {
            keep[k] = a[k] >= threshold;
        }
        if (storeTop > 0) {
            double[] buffer = new double[Math.max(rows, cols)];
            for (int j = 0; j < cols; j++) {
                markLargest(a, j * rows, 1, rows, storeTop, keep, buffer);
            }
            for (int i = 0; i < rows; i++) {
                markLargest(a, i, rows, cols, storeTop, keep, buffer);
            }
        }
        return keep;
    }

    /** Returns the number of true entries. */
    static long count(boolean[] keep) {
        long count = 0;
        for (boolean b : keep) {
            if (b) {
                count++;
            }
        }
        return count;
    }

    /**
     * Marks the k largest of the {@code length} values a[start + t * stride]; ties at the k-th
     * value are broken by position, so exactly min(k, length) entries are marked.
     */
    private static void markLargest(double[] a, int start, int stride, int length, int k, boolean[] keep,
            double[] buffer) {
        if (k >= length) {
            for (int t = 0; t < length; t++) {
                keep[start + t * stride] = true;
            }
            return;
        }
        for (int t = 0; t < length; t++) {
            buffer[t] = a[start + t * stride];
        }
        Arrays.sort(buffer, 0, length);
        double kth = buffer[length - k];
        int above = 0;
        for (int t = 0; t < length; t++) {
            if (a[start + t * stride] > kth) {
                keep[start + t * stride] = true;
                above++;
            }
        }
        int tiesLeft = k - above;
        for (int t = 0; t < length && tiesLeft > 0; t++) {
            if (a[start + t * stride] == kth) {
                keep[start + t * stride] = true;
                tiesLeft--;
            }
        }
    }
}

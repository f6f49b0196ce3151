package org.svrgraph.spectral;

import java.util.List;

/**
 * Quantities derived from the adjacency matrices: node intensity, internal dimensions, entropy and
 * the path metric, as defined by Meller and Berkouk (AISTATS 2023) and their reference code.
 */
public final class SpectralStatistics {

    private SpectralStatistics() {
    }

    /**
     * Returns the node intensity of every neuron j of layer l: the largest excess over chance of its
     * cumulative ratio sum over next-layer neurons taken in decreasing-sigma order,
     * I_j = max(0, max over t of sum_{i <= t} (n a_ij - 1)), divided by the layer's largest I_j.
     * A layer whose neurons all have I_j = 0 gets intensity 0 everywhere.
     */
    public static double[] nodeIntensity(Matrix adjacency, int n) {
        int rows = adjacency.rows();
        int cols = adjacency.cols();
        double[] intensity = new double[cols];
        double max = 0;
        for (int j = 0; j < cols; j++) {
            double cumulative = 0;
            double best = 0;
            for (int i = 0; i < rows; i++) {
                cumulative += n * adjacency.get(i, j) - 1;
                best = Math.max(best, cumulative);
            }
            intensity[j] = best;
            max = Math.max(max, best);
        }
        if (max > 0) {
            for (int j = 0; j < cols; j++) {
                intensity[j] /= max;
            }
        }
        return intensity;
    }

    /**
     * Returns the internal dimensions {p, q}: the numbers of leading neurons of layer l+1 (p) and of
     * layer l (q) that maximise n * (sum of a_ij over i < p, j < q) - p q. The first maximum in
     * row-major order wins ties.
     */
    public static int[] internalDimensions(Matrix adjacency, int n) {
        int rows = adjacency.rows();
        int cols = adjacency.cols();
        double[] columnSums = new double[cols];
        double best = Double.NEGATIVE_INFINITY;
        int[] dimensions = {0, 0};
        for (int i = 0; i < rows; i++) {
            double blockSum = 0;
            for (int j = 0; j < cols; j++) {
                columnSums[j] += adjacency.get(i, j);
                blockSum += columnSums[j];
                double score = n * blockSum - (double) (i + 1) * (j + 1);
                if (score > best) {
                    best = score;
                    dimensions[0] = i + 1;
                    dimensions[1] = j + 1;
                }
            }
        }
        return dimensions;
    }

    /** Returns the entropy -sum a_ij log a_ij of an adjacency matrix, with 0 log 0 = 0. */
    public static double entropy(Matrix adjacency) {
        double sum = 0;
        for (double a : adjacency.data()) {
            if (a > 0) {
                sum -= a * Math.log(a);
            }
        }
        return sum;
    }

    /**
     * Returns the path metric: x = 1 over layer 0's neurons, then x = A_l (x o s_l) for each pair,
     * and finally sum(x o s_last), which weighs every input-to-output path by its adjacency
     * coefficients and singular values.
     *
     * @param useSingularValues false to set every s to 1 (adjacency alone)
     * @param sigmaThreshold neurons with sigma at or below this are dropped (0 drops only zeros)
     */
    public static double pathMetric(List<SpectralLayer> layers, List<Matrix> adjacencies,
            boolean useSingularValues, double sigmaThreshold) {
        double[] x = new double[layers.get(0).rank()];
        java.util.Arrays.fill(x, 1);
        for (int l = 0; l < layers.size(); l++) {
            double[] sigma = layers.get(l).sigma();
            for (int j = 0; j < x.length; j++) {
                if (sigma[j] <= sigmaThreshold) {
                    x[j] = 0;
                } else if (useSingularValues) {
                    x[j] *= sigma[j];
                }
            }
            if (l == layers.size() - 1) {
                break;
            }
            Matrix a = adjacencies.get(l);
            double[] next = new double[a.rows()];
            for (int j = 0; j < a.cols(); j++) {
                for (int i = 0; i < a.rows(); i++) {
                    next[i] += a.get(i, j) * x[j];
                }
            }
            x = next;
        }
        double total = 0;
        for (double value : x) {
            total += value;
        }
        return total;
    }
}

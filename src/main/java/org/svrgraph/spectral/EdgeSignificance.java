package org.svrgraph.spectral;

import java.util.Arrays;

/**
 * Decides which adjacency coefficients of a layer pair are significant edges, under the reference
 * chi-square criterion, the exact Beta null, and a Benjamini-Hochberg cut on exact p-values.
 */
final class EdgeSignificance {

    private EdgeSignificance() {
    }

    /** Returns thresholds and counts of one pair at the options' sigma level and FDR level. */
    static PairSignificance evaluate(Matrix adjacency, NullDistribution nullDistribution, double tailProbability,
            double fdrLevel) {
        double chiSquareThreshold = nullDistribution.chiSquareThreshold(tailProbability);
        double exactThreshold = nullDistribution.exactThreshold(tailProbability);
        double fdrThreshold = benjaminiHochbergThreshold(adjacency.data(), nullDistribution, fdrLevel);
        return new PairSignificance(tailProbability, chiSquareThreshold, exactThreshold, fdrThreshold,
                countAtLeast(adjacency.data(), chiSquareThreshold), countAtLeast(adjacency.data(), exactThreshold),
                countAtLeast(adjacency.data(), fdrThreshold));
    }

    static long countAtLeast(double[] values, double threshold) {
        long count = 0;
        for (double value : values) {
            if (value >= threshold) {
                count++;
            }
        }
        return count;
    }

    /**
     * Returns the smallest coefficient that the Benjamini-Hochberg procedure keeps at level q among
     * all m coefficients of the pair: with p-values sorted ascending, the largest k with
     * p_(k) <= k q / m, and every edge with p <= p_(k). Infinite when none passes.
     *
     * <p>Only coefficients whose p-value is at most q can pass, so p-values are computed for those
     * alone: on a 4096 x 4096 pair that is a few thousand evaluations instead of sixteen million.
     */
    static double benjaminiHochbergThreshold(double[] coefficients, NullDistribution nullDistribution, double q) {
        double candidateCut = nullDistribution.exactThreshold(q);
        if (Double.isInfinite(candidateCut)) {
            return Double.POSITIVE_INFINITY;
        }
        int candidateCount = (int) countAtLeast(coefficients, candidateCut);
        double[] candidates = new double[candidateCount];
        int next = 0;
        for (double value : coefficients) {
            if (value >= candidateCut) {
                candidates[next++] = value;
            }
        }
        // Ascending p-value is descending coefficient.
        Arrays.sort(candidates);
        long tests = coefficients.length;
        double threshold = Double.POSITIVE_INFINITY;
        for (int rank = 1; rank <= candidateCount; rank++) {
            double coefficient = candidates[candidateCount - rank];
            if (nullDistribution.pValue(coefficient) <= rank * q / tests) {
                threshold = coefficient;
            }
        }
        return threshold;
    }
}

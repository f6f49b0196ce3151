package org.svrgraph.spectral;

/**
 * Thresholds on the adjacency coefficient and edge counts of one layer pair under each criterion.
 * An edge is significant under a criterion when its coefficient is at least that threshold.
 *
 * @param tailProbability the sigma level's tail probability p = 1 - Phi(s)
 * @param chiSquareThreshold the reference chi-square threshold at p
 * @param exactThreshold the exact Beta threshold at p
 * @param fdrThreshold smallest coefficient kept by Benjamini-Hochberg at the FDR level; infinite when
 *     no edge passes
 * @param chiSquareCount edges at or above the chi-square threshold
 * @param exactCount edges at or above the exact threshold
 * @param fdrCount edges kept by Benjamini-Hochberg
 */
public record PairSignificance(double tailProbability, double chiSquareThreshold, double exactThreshold,
        double fdrThreshold, long chiSquareCount, long exactCount, long fdrCount) {

    /** Threshold of the given criterion. */
    public double threshold(SignificanceCriterion criterion) {
        return switch (criterion) {
            case CHI_SQUARE -> chiSquareThreshold;
            case EXACT_BETA -> exactThreshold;
            case BENJAMINI_HOCHBERG -> fdrThreshold;
        };
    }

    /** Edge count under the given criterion. */
    public long count(SignificanceCriterion criterion) {
        return switch (criterion) {
            case CHI_SQUARE -> chiSquareCount;
            case EXACT_BETA -> exactCount;
            case BENJAMINI_HOCHBERG -> fdrCount;
        };
    }
}

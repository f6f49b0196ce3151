package org.svrgraph.spectral;

/**
 * Settings of one SVR computation.
 *
 * @param method svr or cosvr
 * @param sigmaLevel significance level in standard deviations; the tail probability is 1 - Phi(level)
 * @param criterion the test whose edges count as significant
 * @param fdrLevel false-discovery rate q for the Benjamini-Hochberg criterion
 * @param topK number of singular triplets per layer, 0 for all (full rank)
 * @param precision float64 or float32 SVDs
 * @param foldBatchNorm whether BatchNorm is folded into the preceding map first
 * @param nearKernelThreshold a spectral neuron is near-kernel when sigma / sigma_max is below this
 */
public record SvrOptions(SvrMethod method, double sigmaLevel, SignificanceCriterion criterion, double fdrLevel,
        int topK, Precision precision, boolean foldBatchNorm, double nearKernelThreshold) {

    /** Reference defaults: svr method, 3 sigma, chi-square criterion, full rank, float64, no folding. */
    public static final SvrOptions DEFAULTS = new SvrOptions(SvrMethod.SVR, 3.0, SignificanceCriterion.CHI_SQUARE,
            0.05, 0, Precision.FLOAT64, false, 0.1);

    public SvrOptions {
        if (!(sigmaLevel > 0) || Double.isInfinite(sigmaLevel)) {
            throw new IllegalArgumentException("Sigma level must be a positive number, got " + sigmaLevel);
        }
        if (!(fdrLevel > 0 && fdrLevel < 1)) {
            throw new IllegalArgumentException("False-discovery rate must be between 0 and 1, got " + fdrLevel);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("Top-k must be 0 (full rank) or positive, got " + topK);
        }
        if (!(nearKernelThreshold >= 0 && nearKernelThreshold <= 1)) {
            throw new IllegalArgumentException("Near-kernel threshold is a fraction of sigma_max between 0 and 1, got "
                    + nearKernelThreshold);
        }
    }

    /** Tail probability 1 - Phi(sigmaLevel) of the sigma level. */
    public double tailProbability() {
        return NullDistribution.normalUpperTail(sigmaLevel);
    }
}

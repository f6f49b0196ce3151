package org.svrgraph.chain;

/**
 * BatchNorm parameters that follow a linear map, one entry per output channel of that map.
 * At inference BatchNorm computes gamma * (x - mean) / sqrt(var + eps) + beta. Folding it into the
 * map scales output channel c of the weights by gamma[c] / sqrt(var[c] + eps). The shift only moves
 * the bias, which the SVR does not use.
 */
public record BatchNorm(String name, double[] gamma, double[] beta, double[] runningMean,
        double[] runningVar, double eps) {

    public BatchNorm {
        int channels = gamma.length;
        if (beta.length != channels || runningMean.length != channels || runningVar.length != channels) {
            throw new ChainException("BatchNorm '" + name + "': gamma, beta, running mean and running var"
                    + " must have the same length, got " + channels + ", " + beta.length + ", "
                    + runningMean.length + ", " + runningVar.length);
        }
        if (!(eps >= 0) || Double.isInfinite(eps)) {
            throw new ChainException("BatchNorm '" + name + "': eps must be finite and >= 0, got " + eps);
        }
        for (int c = 0; c < channels; c++) {
            if (!Double.isFinite(gamma[c]) || !(runningVar[c] + eps > 0) || Double.isInfinite(runningVar[c])) {
                throw new ChainException("BatchNorm '" + name + "': channel " + c + " has gamma " + gamma[c]
                        + " and running var " + runningVar[c] + " (eps " + eps
                        + "); gamma must be finite and var + eps positive");
            }
        }
    }

    /** Number of channels this BatchNorm normalizes. */
    public int channels() {
        return gamma.length;
    }

    /** Returns the factor that folding multiplies output channel {@code c} of the weights by. */
    public double scale(int c) {
        return gamma[c] / Math.sqrt(runningVar[c] + eps);
    }
}

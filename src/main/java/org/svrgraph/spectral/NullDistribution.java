package org.svrgraph.spectral;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * The distribution of an adjacency coefficient a_ij when the two spectral neurons are independent
 * and uniform on their spheres, as i.i.d. Gaussian weights give them: a ~ Beta(z/2, z(n-1)/2)
 * exactly, with mean 1/n, and n z a approximately chi-square with z degrees of freedom.
 *
 * <p>Source: D. Meller and N. Berkouk, "Singular Value Representation: A New Graph Perspective On
 * Neural Networks", AISTATS 2023. The chi-square threshold is the one of the authors' reference
 * implementation. The exact Beta law holds because a is the squared norm of the projection of a
 * uniform unit vector in n z dimensions onto a fixed z-dimensional subspace.
 *
 * @param n width of the link between the two layers (channels or features)
 * @param z positions per channel (kernel positions or flattened spatial positions; 1 between FC maps)
 */
public record NullDistribution(int n, int z) {

    /** Bisection steps for quantiles: enough to reach double precision on [0, 1] and on [0, 2^64]. */
    private static final int BISECTION_STEPS = 200;

    public NullDistribution {
        if (n < 1 || z < 1) {
            throw new IllegalArgumentException("Null distribution needs n >= 1 and z >= 1, got n = " + n + ", z = " + z);
        }
    }

    /** Returns 1 - Phi(s), the standard normal upper tail at s, without cancellation for large s. */
    public static double normalUpperTail(double s) {
        return 0.5 * Erf.erfc(s / Math.sqrt(2));
    }

    /** Expected coefficient 1/n: the chance level, ratio 1. */
    public double mean() {
        return 1.0 / n;
    }

    /**
     * Returns the exact p-value P(a' >= a) under the null. A link of width 1 carries no information
     * (every coefficient is 1 there), so its p-value is 1.
     */
    public double pValue(double a) {
        if (n == 1) {
            return 1;
        }
        double clamped = Math.min(1, Math.max(0, a));
        return IncompleteBeta.upperTail(clamped, z / 2.0, z * (n - 1) / 2.0);
    }

    /** Returns the approximate p-value P(chi2_z >= n z a) of the reference criterion. */
    public double chiSquarePValue(double a) {
        return Gamma.regularizedGammaQ(z / 2.0, n * z * a / 2.0);
    }

    /**
     * Returns the reference threshold: the smallest coefficient that is significant at tail
     * probability p, Q_z(1 - p) / (n z) with Q_z the chi-square(z) quantile.
     */
    public double chiSquareThreshold(double p) {
        double quantile = upperQuantile(x -> Gamma.regularizedGammaQ(z / 2.0, x / 2.0), p, 0, 1e19);
        return quantile / ((double) n * z);
    }

    /** Returns the exact threshold: the coefficient whose exact p-value is p. */
    public double exactThreshold(double p) {
        if (n == 1) {
            return Double.POSITIVE_INFINITY;
        }
        return upperQuantile(this::pValue, p, 0, 1);
    }

    /** Solves tail(x) = p for a decreasing tail function by bisection on [low, high]. */
    private static double upperQuantile(java.util.function.DoubleUnaryOperator tail, double p, double low,
            double high) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("Tail probability must be between 0 and 1, got " + p);
        }
        for (int step = 0; step < BISECTION_STEPS && high - low > Math.ulp(high); step++) {
            double mid = 0.5 * (low + high);
            if (tail.applyAsDouble(mid) > p) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return high;
    }
}

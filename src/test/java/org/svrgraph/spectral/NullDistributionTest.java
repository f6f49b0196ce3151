package org.svrgraph.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NullDistributionTest {

    /** {n, z, sigma level, chi-square threshold, exact threshold} from SciPy (scripts/reference_special_functions.py). */
    private static final double[][] SCIPY_THRESHOLDS = {
        {16, 1, 3.0, 0.6420636290649724, 0.506702525946275},
        {64, 9, 3.0, 0.04703702629283673, 0.04638200838659486},
        {512, 49, 3.0, 0.0033511223591861355, 0.003348913231557951},
        {4096, 1, 4.0, 0.0042272433636146465, 0.0042198630304021425},
    };

    @Test
    void thresholdsMatchScipy() {
        for (double[] row : SCIPY_THRESHOLDS) {
            NullDistribution law = new NullDistribution((int) row[0], (int) row[1]);
            double p = NullDistribution.normalUpperTail(row[2]);
            assertEquals(row[3], law.chiSquareThreshold(p), 1e-10 * row[3], () -> "chi-square n=" + row[0]);
            assertEquals(row[4], law.exactThreshold(p), 1e-10 * row[4], () -> "exact n=" + row[0]);
        }
    }

    @Test
    void chiSquareCutoffsAsMultiplesOfChance() {
        // Cut-offs in units of 1/n stated for the reference criterion: 10.27, 3.01, 1.72 at 3 sigma.
        double p3 = NullDistribution.normalUpperTail(3);
        double p4 = NullDistribution.normalUpperTail(4);
        assertEquals(0.00135, p3, 1e-5);
        assertEquals(10.27, 100 * new NullDistribution(100, 1).chiSquareThreshold(p3), 0.01);
        assertEquals(3.01, 100 * new NullDistribution(100, 9).chiSquareThreshold(p3), 0.01);
        assertEquals(1.72, 100 * new NullDistribution(100, 49).chiSquareThreshold(p3), 0.01);
        assertEquals(17.3, 100 * new NullDistribution(100, 1).chiSquareThreshold(p4), 0.05);
        assertEquals(4.06, 100 * new NullDistribution(100, 9).chiSquareThreshold(p4), 0.01);
        assertEquals(2.02, 100 * new NullDistribution(100, 49).chiSquareThreshold(p4), 0.01);
    }

    @Test
    void pValueAtExactThresholdIsTailProbability() {
        NullDistribution law = new NullDistribution(300, 9);
        double p = NullDistribution.normalUpperTail(3);
        assertEquals(p, law.pValue(law.exactThreshold(p)), 1e-9 * p);
    }

    @Test
    void chiSquareIsConservativeForSmallWidths() {
        double p = NullDistribution.normalUpperTail(3);
        for (int n : new int[] {4, 16, 64}) {
            NullDistribution law = new NullDistribution(n, 1);
            assertTrue(law.chiSquareThreshold(p) > law.exactThreshold(p), "n=" + n);
            assertTrue(law.pValue(law.chiSquareThreshold(p)) < p, "n=" + n);
        }
        NullDistribution wide = new NullDistribution(1 << 20, 1);
        assertEquals(wide.chiSquareThreshold(p), wide.exactThreshold(p), 1e-3 * wide.exactThreshold(p));
    }

    @Test
    void meanOfBetaIsChanceLevel() {
        // Integrate the upper tail: E[a] = integral of P(a > x) over [0, 1].
        NullDistribution law = new NullDistribution(20, 9);
        int steps = 20000;
        double sum = 0;
        for (int k = 0; k < steps; k++) {
            sum += law.pValue((k + 0.5) / steps) / steps;
        }
        assertEquals(1.0 / 20, sum, 1e-6);
    }

    @Test
    void widthOneLinkHasNoEvidence() {
        NullDistribution law = new NullDistribution(1, 9);
        assertEquals(1, law.pValue(1));
        assertEquals(Double.POSITIVE_INFINITY, law.exactThreshold(0.001));
    }
}

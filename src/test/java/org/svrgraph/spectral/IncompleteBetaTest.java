package org.svrgraph.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IncompleteBetaTest {

    /** {x, a, b, 1 - I_x(a, b)} from SciPy's stats.beta.sf; scripts/reference_special_functions.py prints them. */
    private static final double[][] SCIPY_UPPER_TAILS = {
        {0.3, 2.0, 3.0, 0.6517000000000001},
        {0.9, 0.5, 0.5, 0.20483276469913342},
        {0.01, 0.5, 7.5, 0.7025618881551345},
        {0.5, 0.5, 7.5, 0.001501773538698432},
        {0.9, 0.5, 7.5, 6.710289652105757e-09},
        {0.002, 0.5, 2047.5, 0.004195508456595284},
        {0.01, 0.5, 2047.5, 1.409036023823958e-10},
        {0.02, 0.5, 2047.5, 9.453969547180564e-20},
        {0.05, 4.5, 2299.5, 8.630091819504412e-46},
        {0.004, 24.5, 12519.5, 2.0903641771409503e-05},
        {0.6, 10.0, 20.0, 0.0015222221730871112},
        {1e-06, 0.5, 0.5, 0.9993633801215482},
    };

    @Test
    void upperTailMatchesScipy() {
        for (double[] row : SCIPY_UPPER_TAILS) {
            double actual = IncompleteBeta.upperTail(row[0], row[1], row[2]);
            assertEquals(row[3], actual, 1e-11 * row[3], () -> "x=" + row[0] + " a=" + row[1] + " b=" + row[2]);
        }
    }

    @Test
    void closedFormWithAEqualOne() {
        // I_x(1, b) = 1 - (1 - x)^b.
        for (double b : new double[] {0.5, 1, 3, 40}) {
            for (double x : new double[] {1e-9, 0.01, 0.3, 0.7, 0.999}) {
                assertEquals(1 - Math.pow(1 - x, b), IncompleteBeta.regularized(x, 1, b), 1e-14);
                assertEquals(Math.pow(1 - x, b), IncompleteBeta.upperTail(x, 1, b),
                        1e-12 * Math.pow(1 - x, b));
            }
        }
    }

    @Test
    void closedFormWithBEqualOne() {
        // I_x(a, 1) = x^a.
        for (double a : new double[] {0.5, 2, 7}) {
            for (double x : new double[] {1e-6, 0.2, 0.9}) {
                assertEquals(Math.pow(x, a), IncompleteBeta.regularized(x, a, 1), 1e-12 * Math.pow(x, a));
            }
        }
    }

    @Test
    void arcsineLawForHalfHalf() {
        // I_x(1/2, 1/2) = (2 / pi) asin(sqrt(x)).
        // Near x = 1 the slope is about 1 / (pi sqrt(1 - x)), so rounding of x alone costs 1e-12 there.
        for (double x : new double[] {1e-8, 0.1, 0.5, 0.77, 1 - 1e-8}) {
            assertEquals(2 / Math.PI * Math.asin(Math.sqrt(x)), IncompleteBeta.regularized(x, 0.5, 0.5), 1e-12);
        }
    }

    @Test
    void symmetryAndBounds() {
        double x = 0.37;
        assertEquals(IncompleteBeta.regularized(x, 3.5, 9), IncompleteBeta.upperTail(1 - x, 9, 3.5), 1e-15);
        assertEquals(0, IncompleteBeta.regularized(0, 2, 3));
        assertEquals(1, IncompleteBeta.regularized(1, 2, 3));
        assertEquals(1, IncompleteBeta.upperTail(0, 2, 3));
        assertEquals(0, IncompleteBeta.upperTail(1, 2, 3));
    }

    @Test
    void farTailIsPositiveNotZero() {
        // Leading term by hand: 0.8^2047.5 * 0.2^0.5 / (2047.5 * B(2047.5, 0.5)) is about 2e-201, and the
        // continued fraction multiplies it by about 1 / (1 - 0.8) = 5.
        double tail = IncompleteBeta.upperTail(0.2, 0.5, 2047.5);
        assertTrue(tail > 1e-202, "tail " + tail);
        assertTrue(tail < 1e-198, "tail " + tail);
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> IncompleteBeta.regularized(1.5, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> IncompleteBeta.regularized(0.5, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> IncompleteBeta.upperTail(Double.NaN, 1, 1));
    }
}

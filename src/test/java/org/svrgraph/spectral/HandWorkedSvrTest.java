package org.svrgraph.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.svrgraph.chain.LinearMap;
import org.svrgraph.chain.WeightChain;

/** Small chains whose SVR was worked out on paper; the expected values are derived in the comments. */
class HandWorkedSvrTest {

    private static final double TOLERANCE = 1e-12;

    private static SvrResult compute(WeightChain chain) {
        return new SvrEngine(new EjmlLinearAlgebra()).compute(chain, SvrOptions.DEFAULTS);
    }

    /**
     * W1 = diag(3, 1), so u_0 = e1, u_1 = e2. W2 = diag(2, 1) R with R the rotation by 30 degrees, so
     * W2's right singular vectors are the rows of R: v_0 = (c, -s), v_1 = (s, c), c = cos 30, s = sin 30.
     * a_ij = <v_i, u_j>^2 gives [[3/4, 1/4], [1/4, 3/4]].
     */
    @Test
    void twoByTwoFullyConnected() {
        double c = Math.cos(Math.PI / 6);
        double s = Math.sin(Math.PI / 6);
        WeightChain chain = new WeightChain(List.of(
                LinearMap.fullyConnected("fc1", 2, 2, new double[] {3, 0, 0, 1}),
                LinearMap.fullyConnected("fc2", 2, 2, new double[] {2 * c, -2 * s, s, c})));
        SvrResult result = compute(chain);

        assertArrayEquals(new double[] {3, 1}, result.layers().get(0).sigma(), TOLERANCE);
        assertArrayEquals(new double[] {2, 1}, result.layers().get(1).sigma(), TOLERANCE);
        LayerPair pair = result.pairs().get(0);
        assertEquals(2, pair.n());
        assertEquals(1, pair.z());
        assertEquals(0.75, pair.coefficient(0, 0), TOLERANCE);
        assertEquals(0.25, pair.coefficient(0, 1), TOLERANCE);
        assertEquals(0.25, pair.coefficient(1, 0), TOLERANCE);
        assertEquals(0.75, pair.coefficient(1, 1), TOLERANCE);
        assertEquals(1.5, pair.ratio(0, 0), TOLERANCE);

        // Intensity: column 0 has cumulative (2a - 1) sums 0.5 then 0, column 1 has -0.5 then 0.
        assertArrayEquals(new double[] {1, 0}, result.intensities().get(0), TOLERANCE);
        assertArrayEquals(new double[] {1, 1}, result.intensities().get(1), TOLERANCE);
        // Internal dimensions: 2 S(p, q) - p q is 0.5 at (1, 1) and 0 elsewhere.
        assertEquals(1, pair.nextLayerDimension());
        assertEquals(1, pair.layerDimension());
        // Path metric: x = (3, 1); A x = (2.5, 1.5); times (2, 1) sums to 6.5.
        assertEquals(6.5, result.pathMetric(), TOLERANCE);
        double entropy = -2 * (0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
        assertEquals(entropy, pair.entropy(), TOLERANCE);
    }

    /**
     * Conv 3x2x1x1 W1 = [[1, 0], [0, 2], [0, 0]]: sigma (2, 1), u_0 = channel 1, u_1 = channel 0.
     * Conv 2x3x1x2 W2 with rows [1,0, 0,1, 1,1] (norm 2) and [0,3, 0,0, 0,0] (norm 3), orthogonal:
     * sigma (3, 2), v_0 = channel 0 at position 1, v_1 = row 0 / 2. Viewing v_i as 3 channels x 2
     * positions, a_ij = sum over positions of v_i[channel of u_j, p]^2: A = [[0, 1], [1/4, 1/4]].
     */
    @Test
    void convolutionThreeByTwo() {
        WeightChain chain = new WeightChain(List.of(
                LinearMap.convolution("conv1", 3, 2, 1, 1, new double[] {1, 0, 0, 2, 0, 0}),
                LinearMap.convolution("conv2", 2, 3, 1, 2, new double[] {1, 0, 0, 1, 1, 1, 0, 3, 0, 0, 0, 0})));
        SvrResult result = compute(chain);

        assertArrayEquals(new double[] {2, 1}, result.layers().get(0).sigma(), TOLERANCE);
        assertArrayEquals(new double[] {3, 2}, result.layers().get(1).sigma(), TOLERANCE);
        LayerPair pair = result.pairs().get(0);
        assertEquals(3, pair.n());
        assertEquals(2, pair.z());
        assertEquals(0, pair.coefficient(0, 0), TOLERANCE);
        assertEquals(1, pair.coefficient(0, 1), TOLERANCE);
        assertEquals(0.25, pair.coefficient(1, 0), TOLERANCE);
        assertEquals(0.25, pair.coefficient(1, 1), TOLERANCE);
        // Frobenius norm and stable rank of W1: sqrt(1 + 4) and 5 / 4.
        assertEquals(Math.sqrt(5), result.layers().get(0).frobeniusNorm(), TOLERANCE);
        assertEquals(1.25, result.layers().get(0).stableRank(), TOLERANCE);
    }
}

package org.svrgraph.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.svrgraph.spectral.SvrResult;

/**
 * Hand-worked chains over four layers of three neurons. With n = 100 and z = 1 the 3-sigma threshold
 * is about 0.103, so 0.5 is a significant coefficient and 0.01 is not.
 */
class DominantChainTest {

    private static final double STRONG = 0.5;
    private static final double WEAK = 0.01;

    @Test
    void chainOfIndexZeroStopsAtWeakEdge() {
        SvrResult result = fourLayers(pair(0, 0), pair(0, 0), pair(1, 0));

        HighlightGroup chain = DominantChain.find(result, 1).orElseThrow();

        assertEquals(List.of(new NeuronRef(0, 0), new NeuronRef(1, 0), new NeuronRef(2, 0)), chain.neurons());
        assertEquals(2, chain.edges().size());
        assertEquals(1, chain.edges().get(1).pair());
        assertEquals(STRONG, chain.edges().get(0).coefficient());
    }

    @Test
    void topKChainUsesLowerIndices() {
        SvrResult result = fourLayers(pair(0, 0), pair(0, 0), pair(1, 0));

        HighlightGroup chain = DominantChain.find(result, 2).orElseThrow();

        assertEquals(List.of(new NeuronRef(0, 0), new NeuronRef(1, 0), new NeuronRef(2, 0), new NeuronRef(3, 1)),
                chain.neurons());
        assertEquals(1, chain.edges().get(2).next());
    }

    @Test
    void chainIgnoresNeuronsBeyondTopK() {
        // Only neurons with index 2 are joined: no chain through index 0 or 1.
        SvrResult result = fourLayers(pair(2, 2), pair(2, 2), pair(2, 2));

        assertTrue(DominantChain.find(result, 2).isEmpty());
        assertEquals(3, DominantChain.find(result, 3).orElseThrow().edges().size());
    }

    @Test
    void longerRunWinsOverStrongerEdge() {
        // A run of two edges at ratio 20 beats a single edge at ratio 95.
        double[][] first = pair(1, 1);
        first[1][1] = 0.95;
        double[][] second = pair(0, 0);
        second[0][0] = 0.2;
        double[][] third = pair(0, 0);
        third[0][0] = 0.2;

        HighlightGroup chain = DominantChain.find(fourLayers(first, second, third), 2).orElseThrow();

        assertEquals(List.of(new NeuronRef(1, 0), new NeuronRef(2, 0), new NeuronRef(3, 0)), chain.neurons());
    }

    @Test
    void equalRunsPreferHigherRatio() {
        double[][] last = pair(0, 0);
        last[0][0] = 0.9;

        HighlightGroup chain = DominantChain.find(fourLayers(pair(0, 0), pair(-1, -1), last), 1).orElseThrow();

        assertEquals(List.of(new NeuronRef(2, 0), new NeuronRef(3, 0)), chain.neurons());
    }

    /** Returns a 3 x 3 adjacency with one significant coefficient at (i, j), or none when i is negative. */
    private static double[][] pair(int i, int j) {
        double[][] rows = new double[3][3];
        for (double[] row : rows) {
            java.util.Arrays.fill(row, WEAK);
        }
        if (i >= 0) {
            rows[i][j] = STRONG;
        }
        return rows;
    }

    private static SvrResult fourLayers(double[][] first, double[][] second, double[][] third) {
        double[] sigma = {3, 2, 1};
        return SvrFixtures.result(List.of(sigma, sigma, sigma, sigma), List.of(first, second, third),
                SvrFixtures.kinds(4, 0));
    }
}

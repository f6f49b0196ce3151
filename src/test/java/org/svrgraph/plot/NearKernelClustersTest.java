package org.svrgraph.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svrgraph.spectral.SvrResult;

/**
 * Three layers with singular values 10, 5, 0.5, 0.4: at the default threshold 0.1 the neurons with
 * index 2 and 3 are near-kernel. Coefficient 0.5 is significant (threshold about 0.103 at n = 100).
 */
class NearKernelClustersTest {

    private static final double STRONG = 0.5;
    private static final double WEAK = 0.01;

    @Test
    void clustersAreConnectedComponents() {
        double[][] first = weak();
        first[2][2] = STRONG;
        first[3][3] = STRONG;
        first[0][0] = STRONG;
        double[][] second = weak();
        second[2][2] = STRONG;
        SvrResult result = threeLayers(first, second);

        List<HighlightGroup> clusters = NearKernelClusters.find(result, 0);

        assertEquals(2, clusters.size());
        assertEquals(List.of(new NeuronRef(0, 2), new NeuronRef(1, 2), new NeuronRef(2, 2)), clusters.get(0).neurons());
        assertEquals(2, clusters.get(0).edges().size());
        assertEquals(List.of(new NeuronRef(0, 3), new NeuronRef(1, 3)), clusters.get(1).neurons());
    }

    @Test
    void edgeToTopNeuronJoinsNoCluster() {
        double[][] first = weak();
        first[0][2] = STRONG;
        first[2][0] = STRONG;
        SvrResult result = threeLayers(first, weak());

        assertEquals(0, NearKernelClusters.find(result, 0).size());
    }

    @Test
    void clusterEdgesAreCappedPerPair() {
        double[][] first = weak();
        first[2][2] = STRONG;
        first[2][3] = 0.6;
        first[3][3] = 0.7;
        SvrResult result = threeLayers(first, weak());

        HighlightGroup cluster = NearKernelClusters.find(result, 2).get(0);

        assertEquals(4, cluster.neurons().size());
        assertEquals(3, cluster.edgeCount());
        assertEquals(2, cluster.edges().size());
        assertEquals(0.7, cluster.edges().get(0).coefficient());
    }

    private static double[][] weak() {
        double[][] rows = new double[4][4];
        for (double[] row : rows) {
            Arrays.fill(row, WEAK);
        }
        return rows;
    }

    private static SvrResult threeLayers(double[][] first, double[][] second) {
        double[] sigma = {10, 5, 0.5, 0.4};
        return SvrFixtures.result(List.of(sigma, sigma, sigma), List.of(first, second), SvrFixtures.kinds(2, 1));
    }
}

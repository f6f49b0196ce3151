package org.svrgraph.spectral;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.svrgraph.chain.LinearMap;
import org.svrgraph.chain.WeightChain;

/**
 * With i.i.d. Gaussian weights every edge is null, so the share of significant edges must match the
 * tail probability of the criterion: p = 1 - Phi(3) = 0.00135 for the exact Beta law.
 */
class SignificanceCalibrationTest {

    private static final double P = NullDistribution.normalUpperTail(3);

    private record Counts(long edges, long exact, long chiSquare, double chiSquareRate) {
    }

    private static Counts count(WeightChain chain) {
        SvrResult result = new SvrEngine(new EjmlLinearAlgebra()).compute(chain, SvrOptions.DEFAULTS);
        long edges = 0;
        long exact = 0;
        long chiSquare = 0;
        LayerPair any = result.pairs().get(0);
        for (LayerPair pair : result.pairs()) {
            edges += pair.adjacency().data().length;
            exact += pair.significance().exactCount();
            chiSquare += pair.significance().chiSquareCount();
        }
        double chiSquareRate = any.nullDistribution().pValue(any.significance().chiSquareThreshold());
        return new Counts(edges, exact, chiSquare, chiSquareRate);
    }

    /** Returns whether count lies within 4 binomial standard deviations of edges * rate. */
    private static boolean withinBinomialInterval(long count, long edges, double rate) {
        double mean = edges * rate;
        double sd = Math.sqrt(edges * rate * (1 - rate));
        return Math.abs(count - mean) <= 4 * sd;
    }

    @Test
    void fullyConnectedNullMatchesExactTail() {
        Random random = new Random(11);
        List<LinearMap> maps = new ArrayList<>();
        for (int l = 0; l < 200; l++) {
            maps.add(RandomChains.fc(random, "fc" + l, 16, 16));
        }
        Counts counts = count(new WeightChain(maps));
        assertTrue(withinBinomialInterval(counts.exact(), counts.edges(), P),
                "exact criterion: " + counts.exact() + " of " + counts.edges() + ", expected about " + counts.edges() * P);
        // For n = 16 the chi-square cut sits far in the exact tail: it is the conservative criterion.
        assertTrue(counts.chiSquareRate() < P / 5, "chi-square false-positive rate " + counts.chiSquareRate());
        assertTrue(withinBinomialInterval(counts.chiSquare(), counts.edges(), counts.chiSquareRate()),
                "chi-square criterion: " + counts.chiSquare() + " of " + counts.edges());
        assertTrue(counts.chiSquare() < counts.exact());
    }

    @Test
    void convolutionNullMatchesExactTail() {
        Random random = new Random(12);
        List<LinearMap> maps = new ArrayList<>();
        for (int l = 0; l < 60; l++) {
            maps.add(RandomChains.conv(random, "conv" + l, 24, 24, 3, 3));
        }
        Counts counts = count(new WeightChain(maps));
        assertTrue(withinBinomialInterval(counts.exact(), counts.edges(), P),
                "exact criterion: " + counts.exact() + " of " + counts.edges() + ", expected about " + counts.edges() * P);
        assertTrue(counts.chiSquareRate() < P, "chi-square false-positive rate " + counts.chiSquareRate());
        assertTrue(withinBinomialInterval(counts.chiSquare(), counts.edges(), counts.chiSquareRate()),
                "chi-square criterion: " + counts.chiSquare() + " of " + counts.edges());
    }
}

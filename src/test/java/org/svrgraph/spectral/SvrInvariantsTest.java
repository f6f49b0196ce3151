package org.svrgraph.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.svrgraph.chain.BatchNorm;
import org.svrgraph.chain.FlattenOrder;
import org.svrgraph.chain.LinearMap;
import org.svrgraph.chain.WeightChain;

class SvrInvariantsTest {

    private final LinearAlgebra algebra = new EjmlLinearAlgebra();
    private final SvrEngine engine = new SvrEngine(algebra);

    private static SvrOptions withMethod(SvrMethod method) {
        SvrOptions d = SvrOptions.DEFAULTS;
        return new SvrOptions(method, d.sigmaLevel(), d.criterion(), d.fdrLevel(), d.topK(), d.precision(),
                d.foldBatchNorm(), d.nearKernelThreshold());
    }

    private static SvrOptions withTopK(int topK) {
        SvrOptions d = SvrOptions.DEFAULTS;
        return new SvrOptions(d.method(), d.sigmaLevel(), d.criterion(), d.fdrLevel(), topK, d.precision(),
                d.foldBatchNorm(), d.nearKernelThreshold());
    }

    private WeightChain mixedChain(Random random) {
        return new WeightChain(List.of(
                RandomChains.conv(random, "c1", 6, 3, 3, 3),
                RandomChains.conv(random, "c2", 8, 6, 3, 1),
                RandomChains.conv(random, "c3", 5, 8, 5, 5),
                RandomChains.fc(random, "f1", 12, 5 * 4),
                RandomChains.fc(random, "f2", 7, 12)));
    }

    @Test
    void coefficientsAreNonNegative() {
        SvrResult result = engine.compute(mixedChain(new Random(1)), SvrOptions.DEFAULTS);
        for (LayerPair pair : result.pairs()) {
            for (double a : pair.adjacency().data()) {
                assertTrue(a >= 0, "pair " + pair.index() + " has " + a);
            }
        }
    }

    @Test
    void fullyConnectedColumnsSumToOne() {
        // r_{l+1} = min(9, 5) = 5 = n: the next layer's right singular vectors span R^n.
        Random random = new Random(2);
        WeightChain chain = new WeightChain(List.of(RandomChains.fc(random, "f1", 5, 7),
                RandomChains.fc(random, "f2", 9, 5)));
        Matrix a = engine.compute(chain, SvrOptions.DEFAULTS).pairs().get(0).adjacency();
        for (int j = 0; j < a.cols(); j++) {
            double sum = 0;
            for (int i = 0; i < a.rows(); i++) {
                sum += a.get(i, j);
            }
            assertEquals(1, sum, 1e-12, "column " + j);
        }
    }

    @Test
    void signOfSingularVectorsDoesNotMatter() {
        Random random = new Random(3);
        Matrix u = Matrix.fromRowMajor(4, 3, RandomChains.gaussian(random, 12));
        Matrix v = Matrix.fromRowMajor(4 * 3, 5, RandomChains.gaussian(random, 60));
        Adjacency.Side current = new Adjacency.Side(u, 1, FlattenOrder.CHANNELS_FIRST);
        Adjacency.Side next = new Adjacency.Side(v, 3, FlattenOrder.CHANNELS_FIRST);
        Matrix before = Adjacency.compute(next, current, 4, algebra);

        double[] flippedU = u.data().clone();
        for (int c = 0; c < 4; c++) {
            flippedU[4 + c] = -flippedU[4 + c];
        }
        double[] flippedV = v.data().clone();
        for (int r = 0; r < 12; r++) {
            flippedV[3 * 12 + r] = -flippedV[3 * 12 + r];
        }
        Matrix after = Adjacency.compute(new Adjacency.Side(new Matrix(12, 5, flippedV), 3, FlattenOrder.CHANNELS_FIRST),
                new Adjacency.Side(new Matrix(4, 3, flippedU), 1, FlattenOrder.CHANNELS_FIRST), 4, algebra);
        assertArrayEquals(before.data(), after.data(), 1e-12);
    }

    /** Swaps the input and output channels of a conv weight o x i x kh x kw, keeping the kernel as it is. */
    private static LinearMap swapChannels(LinearMap map) {
        int o = map.outputs();
        int i = map.inputs();
        int kh = map.shape()[2];
        int kw = map.shape()[3];
        int positions = kh * kw;
        double[] swapped = new double[map.weights().length];
        for (int a = 0; a < o; a++) {
            for (int b = 0; b < i; b++) {
                System.arraycopy(map.weights(), (a * i + b) * positions, swapped, (b * o + a) * positions, positions);
            }
        }
        return LinearMap.convolution(map.name(), i, o, kh, kw, swapped);
    }

    @Test
    void cosvrIsSvrOfReversedSwappedChain() {
        Random random = new Random(4);
        WeightChain chain = new WeightChain(List.of(
                RandomChains.conv(random, "c1", 4, 3, 3, 3),
                RandomChains.conv(random, "c2", 5, 4, 3, 1),
                RandomChains.conv(random, "c3", 6, 5, 1, 3)));
        List<LinearMap> reversed = new ArrayList<>();
        for (int l = chain.size() - 1; l >= 0; l--) {
            reversed.add(swapChannels(chain.get(l)));
        }
        SvrResult cosvr = engine.compute(chain, withMethod(SvrMethod.COSVR));
        SvrResult svrReversed = engine.compute(new WeightChain(reversed), SvrOptions.DEFAULTS);

        int last = chain.size() - 1;
        for (int l = 0; l < chain.size(); l++) {
            assertArrayEquals(cosvr.layers().get(l).sigma(), svrReversed.layers().get(last - l).sigma(), 1e-10);
        }
        for (int l = 0; l < last; l++) {
            LayerPair pair = cosvr.pairs().get(l);
            LayerPair mirror = svrReversed.pairs().get(last - 1 - l);
            assertEquals(mirror.z(), pair.z(), "z of pair " + l);
            assertEquals(mirror.n(), pair.n(), "n of pair " + l);
            assertArrayEquals(mirror.adjacency().transpose().data(), pair.adjacency().data(), 1e-10, "pair " + l);
        }
    }

    @Test
    void topKIsTheLeadingBlockOfFullRank() {
        Random random = new Random(5);
        WeightChain chain = mixedChain(random);
        SvrResult full = engine.compute(chain, SvrOptions.DEFAULTS);
        SvrResult top = engine.compute(chain, withTopK(3));
        for (int l = 0; l < chain.size(); l++) {
            assertEquals(3, top.layers().get(l).rank());
            assertArrayEquals(Arrays.copyOf(full.layers().get(l).sigma(), 3), top.layers().get(l).sigma(), 1e-10);
            assertEquals(full.layers().get(l).frobeniusNorm(), top.layers().get(l).frobeniusNorm(), 1e-12);
        }
        for (int l = 0; l + 1 < chain.size(); l++) {
            Matrix fullA = full.pairs().get(l).adjacency();
            Matrix topA = top.pairs().get(l).adjacency();
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    assertEquals(fullA.get(i, j), topA.get(i, j), 1e-9, "pair " + l + " (" + i + ", " + j + ")");
                }
            }
        }
    }

    @Test
    void channelsLastEqualsChannelsFirstWithPermutedColumns() {
        Random random = new Random(6);
        int channels = 4;
        int positions = 6;
        LinearMap conv = RandomChains.conv(random, "c", channels, 3, 3, 3);
        LinearMap firstOrder = RandomChains.fc(random, "f", 5, channels * positions);
        // Column (channel, position) of the channels-first map goes to column position * channels + channel.
        double[] lastWeights = new double[firstOrder.weights().length];
        int in = channels * positions;
        for (int row = 0; row < 5; row++) {
            for (int c = 0; c < channels; c++) {
                for (int p = 0; p < positions; p++) {
                    lastWeights[row * in + p * channels + c] = firstOrder.weights()[row * in + c * positions + p];
                }
            }
        }
        LinearMap lastOrder = LinearMap.fullyConnected("f", 5, in, lastWeights).withFlattenOrder(FlattenOrder.CHANNELS_LAST);
        SvrResult first = engine.compute(new WeightChain(List.of(conv, firstOrder)), SvrOptions.DEFAULTS);
        SvrResult last = engine.compute(new WeightChain(List.of(conv, lastOrder)), SvrOptions.DEFAULTS);
        assertEquals(positions, last.pairs().get(0).z());
        assertArrayEquals(first.layers().get(1).sigma(), last.layers().get(1).sigma(), 1e-10);
        assertArrayEquals(first.pairs().get(0).adjacency().data(), last.pairs().get(0).adjacency().data(), 1e-10);
    }

    @Test
    void foldingBatchNormEqualsPrescaledWeights() {
        Random random = new Random(7);
        LinearMap conv = RandomChains.conv(random, "c", 3, 2, 3, 3);
        BatchNorm norm = new BatchNorm("bn", new double[] {0.5, 2, -1}, new double[3], new double[3],
                new double[] {1, 3, 0.25}, 0);
        LinearMap fc = RandomChains.fc(random, "f", 4, 3 * 2);
        SvrOptions d = SvrOptions.DEFAULTS;
        SvrOptions fold = new SvrOptions(d.method(), d.sigmaLevel(), d.criterion(), d.fdrLevel(), d.topK(),
                d.precision(), true, d.nearKernelThreshold());

        SvrResult folded = engine.compute(new WeightChain(List.of(conv.withBatchNorm(norm), fc)), fold);
        SvrResult unfolded = engine.compute(new WeightChain(List.of(conv.withBatchNorm(norm), fc)), SvrOptions.DEFAULTS);
        double[] scaled = conv.weights().clone();
        double[] factors = {0.5, 2 / Math.sqrt(3), -1 / 0.5};
        for (int k = 0; k < scaled.length; k++) {
            scaled[k] *= factors[k / 18];
        }
        SvrResult manual = engine.compute(new WeightChain(List.of(
                LinearMap.convolution("c", 3, 2, 3, 3, scaled), fc)), SvrOptions.DEFAULTS);
        assertArrayEquals(manual.layers().get(0).sigma(), folded.layers().get(0).sigma(), 1e-12);
        assertArrayEquals(manual.pairs().get(0).adjacency().data(), folded.pairs().get(0).adjacency().data(), 1e-10);
        assertTrue(Math.abs(unfolded.layers().get(0).sigma()[0] - folded.layers().get(0).sigma()[0]) > 1e-3,
                "folding must change the singular values by default off");
    }

    @Test
    void countsFollowTheirThresholds() {
        SvrResult result = engine.compute(mixedChain(new Random(8)), SvrOptions.DEFAULTS);
        for (LayerPair pair : result.pairs()) {
            long chi = 0;
            long exact = 0;
            for (double a : pair.adjacency().data()) {
                chi += a >= pair.significance().chiSquareThreshold() ? 1 : 0;
                exact += a >= pair.significance().exactThreshold() ? 1 : 0;
            }
            assertEquals(chi, pair.significance().chiSquareCount());
            assertEquals(exact, pair.significance().exactCount());
            assertEquals(chi, pair.significantCount(), "chi-square is the default criterion");
        }
    }

    @Test
    void benjaminiHochbergMatchesDirectProcedure() {
        // A pair with a planted strong block so that some edges pass the FDR cut.
        Random random = new Random(9);
        double[] values = RandomChains.gaussian(random, 40 * 30);
        for (int k = 0; k < values.length; k++) {
            values[k] = Math.abs(values[k]) / 40;
        }
        for (int k = 0; k < 12; k++) {
            values[k * 41 % values.length] = 0.15 + 0.05 * k;
        }
        NullDistribution law = new NullDistribution(40, 1);
        double q = 0.1;
        double threshold = EdgeSignificance.benjaminiHochbergThreshold(values, law, q);

        double[] pValues = Arrays.stream(values).map(law::pValue).sorted().toArray();
        int kept = 0;
        for (int rank = 1; rank <= pValues.length; rank++) {
            if (pValues[rank - 1] <= rank * q / pValues.length) {
                kept = rank;
            }
        }
        assertTrue(kept > 0, "the planted block must pass");
        assertEquals(kept, EdgeSignificance.countAtLeast(values, threshold));
    }
}

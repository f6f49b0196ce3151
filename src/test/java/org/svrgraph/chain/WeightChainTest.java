package org.svrgraph.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WeightChainTest {

    private static LinearMap fc(String name, int out, int in) {
        return LinearMap.fullyConnected(name, out, in, new double[out * in]);
    }

    private static LinearMap conv(String name, int out, int in, int kh, int kw) {
        return LinearMap.convolution(name, out, in, kh, kw, new double[out * in * kh * kw]);
    }

    @Test
    void widthsThatDoNotMatchNameBothMaps() {
        ChainException error = assertThrows(ChainException.class,
                () -> new WeightChain(List.of(fc("fc1", 10, 4), fc("fc2", 3, 12))));
        assertTrue(error.getMessage().contains("fc1"), error.getMessage());
        assertTrue(error.getMessage().contains("fc2"), error.getMessage());
        assertTrue(error.getMessage().contains("10x4"), error.getMessage());
        assertTrue(error.getMessage().contains("3x12"), error.getMessage());
    }

    @Test
    void flattenNeedsWholeMultipleOfChannels() {
        ChainException error = assertThrows(ChainException.class,
                () -> new WeightChain(List.of(conv("conv", 8, 3, 3, 3), fc("fc", 10, 100))));
        assertTrue(error.getMessage().contains("not a multiple"), error.getMessage());
        assertTrue(error.getMessage().contains("8x3x3x3"), error.getMessage());
    }

    @Test
    void convolutionAfterFullyConnectedIsRejected() {
        assertThrows(ChainException.class, () -> new WeightChain(List.of(fc("fc", 8, 4), conv("conv", 4, 8, 1, 1))));
    }

    @Test
    void nonFiniteWeightIsRejectedNamingTheTensor() {
        double[] weights = {1, 2, Double.NaN, 4};
        ChainException nan = assertThrows(ChainException.class, () -> LinearMap.fullyConnected("w.nan", 2, 2, weights));
        assertTrue(nan.getMessage().contains("w.nan"), nan.getMessage());
        double[] infinite = {1, Double.NEGATIVE_INFINITY, 3, 4};
        ChainException inf = assertThrows(ChainException.class, () -> LinearMap.fullyConnected("w.inf", 2, 2, infinite));
        assertTrue(inf.getMessage().contains("w.inf"), inf.getMessage());
    }

    @Test
    void zeroSizedTensorIsRejected() {
        ChainException error = assertThrows(ChainException.class,
                () -> LinearMap.fullyConnected("empty", 0, 5, new double[0]));
        assertTrue(error.getMessage().contains("empty"), error.getMessage());
    }

    @Test
    void oneDimensionalTensorIsNotAMap() {
        ChainException error = assertThrows(ChainException.class, () -> new LinearMap("bias",
                MapKind.FULLY_CONNECTED, new int[] {5}, new double[5], FlattenOrder.CHANNELS_FIRST, null));
        assertTrue(error.getMessage().contains("bias"), error.getMessage());
    }

    @Test
    void valueCountMustMatchShape() {
        assertThrows(ChainException.class, () -> LinearMap.fullyConnected("short", 3, 3, new double[8]));
    }

    @Test
    void emptyChainIsRejected() {
        assertThrows(ChainException.class, () -> new WeightChain(List.of()));
    }

    @Test
    void positionsPerInputChannel() {
        WeightChain chain = new WeightChain(List.of(conv("c1", 4, 3, 3, 3), conv("c2", 6, 4, 3, 1),
                fc("fc1", 10, 6 * 25), fc("fc2", 2, 10)));
        assertEquals(3, chain.inputPositions(0));
        assertEquals(25, chain.inputPositions(1));
        assertEquals(1, chain.inputPositions(2));
        assertEquals(6, chain.linkWidth(1));
    }

    @Test
    void foldingBatchNormScalesOutputChannels() {
        double[] weights = {1, 2, 3, 4, 5, 6};
        BatchNorm norm = new BatchNorm("bn", new double[] {2, -1}, new double[] {0, 0}, new double[] {5, 5},
                new double[] {3, 0}, 1);
        LinearMap folded = LinearMap.fullyConnected("fc", 2, 3, weights).withBatchNorm(norm).foldBatchNorm();
        // Row 0 scaled by 2 / sqrt(3 + 1) = 1, row 1 by -1 / sqrt(0 + 1) = -1.
        assertEquals(List.of(1.0, 2.0, 3.0, -4.0, -5.0, -6.0),
                java.util.Arrays.stream(folded.weights()).boxed().toList());
    }

    @Test
    void batchNormWithWrongChannelCountIsRejected() {
        BatchNorm norm = new BatchNorm("bn", new double[3], new double[3], new double[3], new double[] {1, 1, 1}, 1e-5);
        assertThrows(ChainException.class, () -> fc("fc", 2, 3).withBatchNorm(norm));
    }
}

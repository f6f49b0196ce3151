package org.svrgraph.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.svrgraph.chain.LinearMap;
import org.svrgraph.chain.WeightChain;
import org.svrgraph.spectral.EjmlLinearAlgebra;
import org.svrgraph.spectral.SvrEngine;
import org.svrgraph.spectral.SvrOptions;
import org.svrgraph.spectral.SvrResult;

/**
 * Runs the real SVR engine on fully connected maps W_l = s a_l b_l^T + G_l / sqrt(d) with Gaussian
 * noise G_l. When b_{l+1} = a_l, the top right singular vector of map l+1 is close to the top left
 * singular vector of map l, so a_00 is close to 1 and its ratio d a_00 far above the 3-sigma
 * cut-off of about 10.3. An independent b_{l+1} breaks the chain there.
 */
class PlantedChainTest {

    private static final int WIDTH = 48;
    private static final double PLANTED_SIGMA = 6;

    @Test
    void plantedChainIsFoundEndToEnd() {
        // Maps 0 to 3 pass one direction along and map 4 starts a new one, so the chain has 3 edges.
        WeightChain maps = chain(new boolean[] {true, true, true, false});
        SvrResult result = new SvrEngine(new EjmlLinearAlgebra()).compute(maps, SvrOptions.DEFAULTS);

        FigureModel figure = FigureModels.fromResult(result, "planted", 50, EnumSet.of(HighlightKind.CHAIN), 1);
        HighlightGroup chain = figure.highlights().chain().orElseThrow();

        assertEquals(List.of(new NeuronRef(0, 0), new NeuronRef(1, 0), new NeuronRef(2, 0), new NeuronRef(3, 0)),
                chain.neurons());
    }

    @Test
    void plantedEdgesAreDrawnFirst() {
        WeightChain maps = chain(new boolean[] {true, true, true, true});
        SvrResult result = new SvrEngine(new EjmlLinearAlgebra()).compute(maps, SvrOptions.DEFAULTS);

        FigureModel figure = FigureModels.fromResult(result, "planted", 5, EnumSet.noneOf(HighlightKind.class), 1);

        for (FigureEdges edges : figure.pairs()) {
            assertEquals(0, edges.next()[0], "strongest edge of pair " + edges.pair() + " ends at neuron 0");
            assertEquals(0, edges.previous()[0], "strongest edge of pair " + edges.pair() + " starts at neuron 0");
        }
    }

    /** Returns five maps, where map l+1 reads the direction that map l writes when {@code shared[l]} is true. */
    private static WeightChain chain(boolean[] shared) {
        Random random = new Random(5);
        double[] input = unit(random);
        List<LinearMap> maps = new ArrayList<>();
        for (int l = 0; l <= shared.length; l++) {
            double[] output = unit(random);
            double[] weights = new double[WIDTH * WIDTH];
            for (int i = 0; i < WIDTH; i++) {
                for (int j = 0; j < WIDTH; j++) {
                    weights[i * WIDTH + j] = PLANTED_SIGMA * output[i] * input[j]
                            + random.nextGaussian() / Math.sqrt(WIDTH);
                }
            }
            maps.add(LinearMap.fullyConnected("fc" + l + ".weight", WIDTH, WIDTH, weights));
            input = l < shared.length && shared[l] ? output : unit(random);
        }
        return new WeightChain(maps);
    }

    private static double[] unit(Random random) {
        double[] vector = new double[WIDTH];
        double norm = 0;
        for (int k = 0; k < WIDTH; k++) {
            vector[k] = random.nextGaussian();
            norm += vector[k] * vector[k];
        }
        for (int k = 0; k < WIDTH; k++) {
            vector[k] /= Math.sqrt(norm);
        }
        return vector;
    }
}

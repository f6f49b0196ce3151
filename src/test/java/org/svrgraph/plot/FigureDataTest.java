package org.svrgraph.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.svrgraph.chain.MapKind;
import org.svrgraph.spectral.LayerPair;
import org.svrgraph.spectral.SvrResult;

/**
 * Checks that a figure built from an SVR's significant edges alone, in any order, as a model stored
 * in Neo4j is read back, equals the figure built from the full SVR result.
 */
class FigureDataTest {

    private static final Set<HighlightKind> BOTH = EnumSet.allOf(HighlightKind.class);

    @Test
    void edgeListDrawsLikeResult() {
        SvrResult result = SvrFixtures.random(11, new int[] {30, 40, 25, 12}, SvrFixtures.kinds(2, 2), 60);
        FigureData data = dataOf(result, new Random(3));

        for (int cap : new int[] {0, 1, 7, 50}) {
            FigureModel expected = FigureModels.fromResult(result, "m", cap, BOTH, 2);
            FigureModel actual = FigureModels.fromData(data, cap, BOTH, 2);

            assertEquals(expected.highlights(), actual.highlights(), "highlights at cap " + cap);
            for (int l = 0; l < expected.pairs().size(); l++) {
                assertSameEdges(expected.pairs().get(l), actual.pairs().get(l), "pair " + l + " at cap " + cap);
            }
            assertEquals(SvgFigure.render(List.of(expected), PlotOptions.DEFAULTS),
                    SvgFigure.render(List.of(actual), PlotOptions.DEFAULTS), "SVG at cap " + cap);
        }
        FigureModel figure = FigureModels.fromData(data, 7, BOTH, 2);
        assertTrue(figure.highlights().chain().isPresent(), "the fixture has a chain of index-0 neurons");
        assertFalse(figure.highlights().clusters().isEmpty(), "the fixture has near-kernel clusters");
    }

    @Test
    void tiedCoefficientsKeepAdjacencyOrder() {
        // Rows i of layer 1 by columns j of layer 0: five edges of equal coefficient 0.5, where the
        // result's column-major scan meets (i, j) = (2, 0), (0, 1), (1, 1), (0, 2), (2, 2) in this order.
        double[][] rows = {
            {0.01, 0.5, 0.5},
            {0.01, 0.5, 0.01},
            {0.5, 0.01, 0.5},
        };
        SvrResult result = SvrFixtures.result(List.of(new double[] {3, 2, 1}, new double[] {3, 2, 1}),
                List.<double[][]>of(rows), SvrFixtures.kinds(0, 2));
        FigureData data = dataOf(result, new Random(8));

        FigureEdges edges = FigureModels.fromData(data, 3, Set.of(), 1).pairs().get(0);

        assertEquals(5, edges.significantCount());
        assertTrue(Arrays.equals(new int[] {2, 0, 1}, edges.next()), Arrays.toString(edges.next()));
        assertTrue(Arrays.equals(new int[] {0, 1, 1}, edges.previous()), Arrays.toString(edges.previous()));
        assertSameEdges(FigureModels.fromResult(result, "m", 3, Set.of(), 1).pairs().get(0), edges, "pair 0");
    }

    /**
     * Returns the SVR as a stored model contains it: the layers, and the significant edges of each pair
     * found by scanning its adjacency against its threshold, shuffled.
     */
    private static FigureData dataOf(SvrResult result, Random random) {
        List<FigureLayer> layers = new ArrayList<>();
        for (int l = 0; l < result.layers().size(); l++) {
            double[] sigma = result.layers().get(l).sigma();
            boolean[] nearKernel = new boolean[sigma.length];
            for (int j = 0; j < sigma.length; j++) {
                nearKernel[j] = result.nearKernel(l, j);
            }
            MapKind kind = result.layers().get(l).kind();
            layers.add(new FigureLayer(result.layers().get(l).name(), kind.shortName(), sigma.clone(),
                    result.intensities().get(l).clone(), nearKernel));
        }
        List<FigureEdges> edges = new ArrayList<>();
        for (LayerPair pair : result.pairs()) {
            List<int[]> significant = new ArrayList<>();
            for (int i = 0; i < pair.adjacency().rows(); i++) {
                for (int j = 0; j < pair.adjacency().cols(); j++) {
                    if (pair.adjacency().get(i, j) >= pair.significance().chiSquareThreshold()) {
                        significant.add(new int[] {i, j});
                    }
                }
            }
            Collections.shuffle(significant, random);
            int size = significant.size();
            int[] next = new int[size];
            int[] previous = new int[size];
            double[] coefficient = new double[size];
            double[] ratio = new double[size];
            double[] pValue = new double[size];
            for (int e = 0; e < size; e++) {
                next[e] = significant.get(e)[0];
                previous[e] = significant.get(e)[1];
                coefficient[e] = pair.coefficient(next[e], previous[e]);
                ratio[e] = pair.ratio(next[e], previous[e]);
                pValue[e] = pair.pValue(next[e], previous[e]);
            }
            edges.add(new FigureEdges(pair.index(), next, previous, coefficient, ratio, pValue, size));
        }
        return new FigureData("m", result.options(), layers, edges);
    }

    private static void assertSameEdges(FigureEdges expected, FigureEdges actual, String what) {
        assertEquals(expected.significantCount(), actual.significantCount(), what + ": significant count");
        assertTrue(Arrays.equals(expected.next(), actual.next()), what + ": i");
        assertTrue(Arrays.equals(expected.previous(), actual.previous()), what + ": j");
        assertTrue(Arrays.equals(expected.coefficient(), actual.coefficient()), what + ": coefficients");
        assertTrue(Arrays.equals(expected.ratio(), actual.ratio()), what + ": ratios");
        assertTrue(Arrays.equals(expected.pValue(), actual.pValue()), what + ": p-values");
    }
}

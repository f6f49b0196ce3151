package org.svrgraph.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class YAxisTest {

    @Test
    void logTicksArePowersOfTen() {
        YAxis axis = axisOver(YScale.LOG, new double[] {2000, 3, 0.004});

        List<Tick> ticks = axis.ticks();

        assertTrue(ticks.size() >= 3, "ticks: " + ticks);
        for (Tick tick : ticks) {
            double exponent = Math.log10(tick.value());
            assertEquals(Math.rint(exponent), exponent, 1e-12, "tick " + tick);
            assertTrue(tick.value() >= axis.low(), "tick above the bottom: " + tick);
            assertTrue(tick.value() <= axis.high(), "tick below the top: " + tick);
        }
        assertTrue(ticks.stream().anyMatch(t -> t.label().equals("1")), "label of 10^0");
        assertTrue(ticks.stream().anyMatch(t -> t.label().equals("0.01")), "label of 10^-2");
    }

    @Test
    void narrowLogAxisAddsTwoAndFive() {
        YAxis axis = axisOver(YScale.LOG, new double[] {9, 1.5});

        List<Double> values = axis.ticks().stream().map(Tick::value).toList();

        assertTrue(values.contains(2.0), "ticks: " + values);
        assertTrue(values.contains(5.0), "ticks: " + values);
    }

    @Test
    void linearTicksAreNiceSteps() {
        YAxis axis = axisOver(YScale.LINEAR, new double[] {37.2, 1});
        YAxis small = axisOver(YScale.LINEAR, new double[] {0.83, 0.1});

        List<Tick> ticks = axis.ticks();

        assertEquals(0, axis.low());
        assertEquals(40, axis.high(), 1e-12);
        // 37.2 / 6 ticks = 6.2 rounds up to a step of 10.
        assertEquals(List.of("0", "10", "20", "30", "40"), ticks.stream().map(Tick::label).toList());
        // 0.83 / 6 = 0.138 rounds up to 0.2, and the axis ends at 1.0.
        List<String> smallLabels = small.ticks().stream().map(Tick::label).toList();
        assertEquals(List.of("0.0", "0.2", "0.4", "0.6", "0.8", "1.0"), smallLabels);
    }

    @Test
    void relativeAxisUsesLayerMaximum() {
        YAxis axis = axisOver(YScale.RELATIVE, new double[] {50, 5});

        assertEquals(1, axis.fraction(50, 50), 1e-12);
        assertEquals(0.1, axis.fraction(5, 50), 1e-12);
        assertEquals(1, axis.fraction(0.3, 0.3), 1e-12);
    }

    @Test
    void fractionGrowsWithSigma() {
        double[] sigma = {120, 40, 7, 0.9, 0.02, 0};
        for (YScale scale : YScale.values()) {
            YAxis axis = axisOver(scale, sigma);
            for (int j = 1; j < sigma.length; j++) {
                assertTrue(axis.fraction(sigma[j - 1], sigma[0]) >= axis.fraction(sigma[j], sigma[0]),
                        scale + " at " + j);
            }
            assertTrue(axis.fraction(sigma[0], sigma[0]) > axis.fraction(sigma[4], sigma[0]), scale.label());
        }
    }

    @Test
    void niceStepRoundsUp() {
        assertEquals(0.5, YAxis.niceStep(0.31), 1e-15);
        assertEquals(2, YAxis.niceStep(1.2), 1e-15);
        assertEquals(10, YAxis.niceStep(6), 1e-15);
    }

    private static YAxis axisOver(YScale scale, double[] sigma) {
        FigureLayer layer = new FigureLayer("l", "fc", sigma, new double[sigma.length], new boolean[sigma.length]);
        FigureLayer next = new FigureLayer("m", "fc", new double[] {1}, new double[1], new boolean[1]);
        FigureEdges none = new FigureEdges(0, new int[0], new int[0], new double[0], new double[0], new double[0], 0);
        FigureModel figure = new FigureModel("m", "svr", "chi2", 3, 0.1, List.of(layer, next), List.of(none), 0,
                Highlights.NONE);
        return YAxis.covering(List.of(figure), scale);
    }
}

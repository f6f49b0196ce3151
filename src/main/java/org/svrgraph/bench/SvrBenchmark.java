package org.svrgraph.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.svrgraph.chain.LinearMap;
import org.svrgraph.chain.WeightChain;
import org.svrgraph.spectral.LinearAlgebra;
import org.svrgraph.spectral.Precision;
import org.svrgraph.spectral.SvrEngine;
import org.svrgraph.spectral.SvrOptions;
import org.svrgraph.spectral.SvrResult;

/**
 * Runs the SVR engine on a chain and turns its stage timings into result lines. Each line is
 * {@code key=value} pairs: mode (full or topK), precision, stage (svd, adjacency, significance,
 * all, result), step (a layer, a pair, or total), shape where it applies, wall-clock seconds and
 * the process's CPU seconds.
 */
public final class SvrBenchmark {

    private final LinearAlgebra algebra;
    private final WeightChain chain;
    private final int parallelism;

    public SvrBenchmark(LinearAlgebra algebra, WeightChain chain) {
        this(algebra, chain, 1);
    }

    /**
     * Creates a benchmark that decomposes {@code parallelism} layers at a time. Step times are the
     * time between two completed steps, so they are per-layer times only with parallelism 1.
     */
    public SvrBenchmark(LinearAlgebra algebra, WeightChain chain, int parallelism) {
        this.algebra = algebra;
        this.chain = chain;
        this.parallelism = parallelism;
    }

    /** Computes the SVR once with reference settings at the given rank and precision; returns the lines. */
    public List<String> run(int topK, Precision precision) {
        SvrOptions defaults = SvrOptions.DEFAULTS;
        SvrOptions options = new SvrOptions(defaults.method(), defaults.sigmaLevel(), defaults.criterion(),
                defaults.fdrLevel(), topK, precision, false, defaults.nearKernelThreshold());
        String prefix = "mode=" + (topK == 0 ? "full" : "top" + topK) + " precision="
                + precision.name().toLowerCase(Locale.ROOT);

        StageClock clock = new StageClock();
        long start = System.nanoTime();
        long cpuStart = StageClock.processCpuNanos();
        SvrResult result = new SvrEngine(algebra, parallelism).compute(chain, options, clock);
        double total = (System.nanoTime() - start) / 1e9;
        double cpuTotal = (StageClock.processCpuNanos() - cpuStart) / 1e9;

        List<String> lines = new ArrayList<>();
        Map<String, Double> stageCpuSeconds = new LinkedHashMap<>();
        for (StageClock.StepTime step : clock.steps()) {
            lines.add(prefix + " stage=" + step.stage() + " step=" + stepName(step) + " shape=" + stepShape(step)
                    + " seconds=" + seconds(step.seconds()) + " cpu_seconds=" + seconds(step.cpuSeconds()));
            stageCpuSeconds.merge(step.stage(), step.cpuSeconds(), Double::sum);
        }
        // Stage CPU totals are sums over the steps, so they leave out the little work between steps.
        result.stageSeconds().forEach((stage, seconds) -> lines.add(prefix + " stage=" + stage + " step=total seconds="
                + seconds(seconds) + " cpu_seconds=" + seconds(stageCpuSeconds.getOrDefault(stage, 0.0))));
        lines.add(prefix + " stage=all step=total seconds=" + seconds(total) + " cpu_seconds=" + seconds(cpuTotal));
        lines.add(prefix + " stage=result neurons=" + result.neuronCount() + " significant_edges="
                + result.significantEdgeCount());
        return lines;
    }

    private String stepName(StageClock.StepTime step) {
        if (step.stage().equals("svd")) {
            return chain.get(step.step()).name();
        }
        return chain.get(step.step()).name() + ">" + chain.get(step.step() + 1).name();
    }

    /** Returns the layer matrix shape (rows x columns) of an SVD step, or link width n and positions z of a pair. */
    private String stepShape(StageClock.StepTime step) {
        if (step.stage().equals("svd")) {
            LinearMap map = chain.get(step.step());
            return map.outputs() + "x" + map.columns();
        }
        int l = step.step();
        return "n" + chain.linkWidth(l) + "z" + chain.inputPositions(l);
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}

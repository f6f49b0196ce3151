package org.svrgraph.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.svrgraph.Progress;

/**
 * Progress receiver that times every step of every stage: the engine reports a stage's start
 * (done = 0) and the end of each step, so the time between two reports is one layer's SVD or one
 * pair's adjacency. Each step also records the CPU time of the whole process, which depends less
 * than wall-clock time on other programs that share the cores.
 */
final class StageClock implements Progress {

    /**
     * Wall-clock time of one step.
     *
     * @param stage the engine's stage name (svd, adjacency, significance)
     * @param step index of the layer or pair, from 0
     * @param seconds elapsed wall-clock seconds
     * @param cpuSeconds CPU seconds of the process (all threads) during the step
     */
    record StepTime(String stage, int step, double seconds, double cpuSeconds) {
    }

    private final List<StepTime> steps = new ArrayList<>();
    private long lastNanos;
    private long lastCpuNanos;

    @Override
    public void update(String stage, long done, long total) {
        long now = System.nanoTime();
        long cpuNow = processCpuNanos();
        if (done > 0) {
            steps.add(new StepTime(stage, (int) done - 1, (now - lastNanos) / 1e9, (cpuNow - lastCpuNanos) / 1e9));
        }
        lastNanos = now;
        lastCpuNanos = cpuNow;
    }

    /** CPU time of this process over all its threads, in nanoseconds; -1 where the JVM cannot tell. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Steps recorded so far, in order. */
    List<StepTime> steps() {
        return List.copyOf(steps);
    }
}

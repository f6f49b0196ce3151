package org.svrgraph.bench;

import java.util.ArrayList;
import java.util.List;
import org.svrgraph.Progress;

/**
 * Progress receiver that times every step of every stage: the engine reports a stage's start
 * (done = 0) and the end of each step, so the time between two reports is one layer's SVD or one
 * pair's adjacency.
 */
final class StageClock implements Progress {

    /**
     * Wall-clock time of one step.
     *
     * @param stage the engine's stage name (svd, adjacency, significance)
     * @param step index of the layer or pair, from 0
     * @param seconds elapsed seconds
     */
    record StepTime(String stage, int step, double seconds) {
    }

    private final List<StepTime> steps = new ArrayList<>();
    private long lastNanos;

    @Override
    public void update(String stage, long done, long total) {
        long now = System.nanoTime();
        if (done > 0) {
            steps.add(new StepTime(stage, (int) done - 1, (now - lastNanos) / 1e9));
        }
        lastNanos = now;
    }

    /** Steps recorded so far, in order. */
    List<StepTime> steps() {
        return List.copyOf(steps);
    }
}

package org.svrgraph.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts and stage times of one load.
 *
 * @param name the model's name
 * @param layers Layer nodes
 * @param neurons SpectralNeuron nodes
 * @param edges SVR_EDGE relationships stored
 * @param significantEdges of those, the significant ones
 * @param replaced whether an older model of that name was replaced
 * @param stageSeconds wall-clock seconds per write stage, in order
 */
public record LoadSummary(String name, int layers, long neurons, long edges, long significantEdges,
        boolean replaced, Map<String, Double> stageSeconds) {

    public LoadSummary {
        stageSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(stageSeconds));
    }

    /** Edges written per second over the edge stage, or 0 when it took no measurable time. */
    public double edgesPerSecond() {
        Double seconds = stageSeconds.get("edges");
        return seconds != null && seconds > 0 ? edges / seconds : 0;
    }
}

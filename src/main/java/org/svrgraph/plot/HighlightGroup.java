package org.svrgraph.plot;

import java.util.List;

/**
 * A set of spectral neurons and the significant edges that join them, drawn in one highlight colour:
 * the dominant chain or one near-kernel cluster.
 *
 * @param neurons the spectral neurons of the group
 * @param edges the edges of the group that are drawn (clusters cap them per layer pair)
 * @param edgeCount edges of the group before any cap
 */
public record HighlightGroup(List<NeuronRef> neurons, List<HighlightEdge> edges, long edgeCount) {

    public HighlightGroup {
        neurons = List.copyOf(neurons);
        edges = List.copyOf(edges);
    }
}

package org.svrgraph.plot;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The structures that the figure marks on top of the ordinary edges.
 *
 * @param requested the highlights that were asked for
 * @param chain the dominant chain, empty when it was not requested or no significant edge joins top
 *     neurons of consecutive layers
 * @param chainTopK the chain runs through neurons with index below this
 * @param clusters near-kernel clusters, largest first; empty when not requested or none exists
 */
public record Highlights(Set<HighlightKind> requested, Optional<HighlightGroup> chain, int chainTopK,
        List<HighlightGroup> clusters) {

    /** No highlight. */
    public static final Highlights NONE = new Highlights(Set.of(), Optional.empty(), 1, List.of());

    public Highlights {
        requested = Set.copyOf(requested);
        clusters = List.copyOf(clusters);
    }
}

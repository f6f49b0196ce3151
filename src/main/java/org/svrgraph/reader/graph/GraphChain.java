package org.svrgraph.reader.graph;

import java.util.List;
import org.svrgraph.chain.LinearMap;

/**
 * The linear maps a graph computes along its main path, with what was left out.
 *
 * @param maps the maps in the order the graph computes them, PyTorch layout, BatchNorm attached
 * @param skipped one sentence per operation that was left out and why
 */
public record GraphChain(List<LinearMap> maps, List<String> skipped) {

    public GraphChain {
        maps = List.copyOf(maps);
        skipped = List.copyOf(skipped);
    }
}

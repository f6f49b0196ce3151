package org.svrgraph.reader.graph;

import java.util.List;
import org.svrgraph.chain.LinearMap;
import org.svrgraph.reader.SkippedTensor;

/**
 * The linear maps a graph computes along its main path, with what was left out.
 *
 * @param maps the maps in the order the graph computes them, PyTorch layout, BatchNorm attached
 * @param skipped the operations that were left out, each with the reason
 */
public record GraphChain(List<LinearMap> maps, List<SkippedTensor> skipped) {

    public GraphChain {
        maps = List.copyOf(maps);
        skipped = List.copyOf(skipped);
    }
}

package org.svrgraph.reader;

import java.util.List;
import org.svrgraph.chain.LinearMap;
import org.svrgraph.chain.WeightChain;

/**
 * The weight chain built from a model file, with what the file contained and what was left out.
 *
 * @param contents every tensor of the file
 * @param chain the linear maps in the order the model computes them
 * @param skipped weight tensors not in the chain, each with the reason
 */
public record ModelChain(ModelContents contents, WeightChain chain, List<SkippedTensor> skipped) {

    public ModelChain {
        skipped = List.copyOf(skipped);
    }

    /** Names of the maps taken into the chain, in chain order. */
    public List<String> takenNames() {
        return chain.maps().stream().map(LinearMap::name).toList();
    }
}

package org.svrgraph.chain;

import java.util.List;

/**
 * The ordered linear maps of a network, each map feeding the next. Construction checks that the
 * outputs of map l equal the input channels of map l+1. For the first fully connected map after a
 * convolution, its inputs must instead be a whole multiple of the conv's output channels, and the
 * multiple is the number of spatial positions of the flattened feature map.
 */
public record WeightChain(List<LinearMap> maps) {

    public WeightChain {
        maps = List.copyOf(maps);
        if (maps.isEmpty()) {
            throw new ChainException("A weight chain needs at least one linear map; none was given");
        }
        for (int l = 0; l + 1 < maps.size(); l++) {
            checkLink(maps.get(l), maps.get(l + 1));
        }
    }

    private static void checkLink(LinearMap before, LinearMap after) {
        int channels = before.outputs();
        boolean flattening = before.kind() == MapKind.CONVOLUTION && after.kind() == MapKind.FULLY_CONNECTED;
        if (flattening) {
            if (after.inputs() % channels != 0) {
                throw new ChainException("Maps do not chain: '" + after.name() + "' (" + after.shapeText()
                        + ") has " + after.inputs() + " inputs, not a multiple of the " + channels
                        + " output channels of '" + before.name() + "' (" + before.shapeText() + ")");
            }
            return;
        }
        if (before.kind() == MapKind.FULLY_CONNECTED && after.kind() == MapKind.CONVOLUTION) {
            throw new ChainException("Maps do not chain: convolution '" + after.name() + "' (" + after.shapeText()
                    + ") follows fully connected map '" + before.name() + "' (" + before.shapeText()
                    + "); a convolution after a fully connected map is not supported");
        }
        if (after.inputs() != channels) {
            throw new ChainException("Maps do not chain: '" + before.name() + "' (" + before.shapeText() + ") has "
                    + channels + " outputs but '" + after.name() + "' (" + after.shapeText() + ") has "
                    + after.inputs() + " inputs");
        }
    }

    /** Number of maps. */
    public int size() {
        return maps.size();
    }

    /** Map at index {@code l}. */
    public LinearMap get(int l) {
        return maps.get(l);
    }

    /** Width n of the link between map l and map l+1: the output channels of map l. */
    public int linkWidth(int l) {
        return maps.get(l).outputs();
    }

    /**
     * Positions per input channel of map l+1: its kernel positions for a convolution, the flattened
     * spatial positions for the first fully connected map after a convolution, 1 otherwise.
     */
    public int inputPositions(int l) {
        LinearMap after = maps.get(l + 1);
        if (after.kind() == MapKind.CONVOLUTION) {
            return after.kernelPositions();
        }
        return after.inputs() / linkWidth(l);
    }

    /** Returns the chain with every map's BatchNorm folded into its weights. */
    public WeightChain foldBatchNorm() {
        return new WeightChain(maps.stream().map(LinearMap::foldBatchNorm).toList());
    }

    /** Total number of weights over all maps. */
    public long parameterCount() {
        long count = 0;
        for (LinearMap map : maps) {
            count += map.weights().length;
        }
        return count;
    }
}

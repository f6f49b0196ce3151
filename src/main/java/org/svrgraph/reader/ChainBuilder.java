package org.svrgraph.reader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svrgraph.chain.BatchNorm;
import org.svrgraph.chain.ChainException;
import org.svrgraph.chain.LinearMap;
import org.svrgraph.chain.MapKind;
import org.svrgraph.chain.WeightChain;

/**
 * Turns what a reader found into the chain of linear maps the SVR analyses.
 *
 * <p>For a format with a graph, its {@code graphMaps} are taken in graph order. For a state-dict
 * format the maps are inferred: rank-2 tensors are fully connected maps (out x in) and rank-4
 * tensors convolutions (o x i x kh x kw), both in PyTorch layout and channels-first flatten order;
 * convolutions come before fully connected maps, each group in {@link ModuleOrder}, and a BatchNorm
 * in the next module is attached to its map. Without {@code --layers}, a map that does not chain to
 * the previous one taken (an extra head, a grouped or depthwise convolution) or whose name contains
 * {@code embed} is skipped with one warning.
 */
public final class ChainBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(ChainBuilder.class);

    /**
     * Builds the chain.
     *
     * @throws ModelFormatException when the file has no map that can start a chain
     * @throws ChainException when the {@code --layers} choice names unknown tensors or does not chain
     */
    public ModelChain build(ModelContents contents, ChainSelection selection) throws ModelFormatException {
        List<SkippedTensor> skipped = new ArrayList<>(contents.graphSkipped());
        boolean graph = !contents.graphMaps().isEmpty();
        List<LinearMap> candidates = graph ? contents.graphMaps() : stateDictCandidates(contents, skipped);
        if (candidates.isEmpty()) {
            throw new ModelFormatException(contents.file(), "no weight tensor of rank 2 (fully connected)"
                    + " or rank 4 (convolution) was found among its " + contents.tensors().size() + " tensors");
        }
        List<LinearMap> maps = selection.isManual()
                ? chooseListed(candidates, selection, skipped)
                : chooseChaining(candidates, skipped);
        if (!graph) {
            maps = attachBatchNorms(contents, maps);
        }
        WeightChain chain;
        try {
            chain = new WeightChain(maps);
        } catch (ChainException e) {
            if (!selection.isManual()) {
                throw e;
            }
            throw new ChainException("--layers '" + selection.layers() + "' does not give a chain: " + e.getMessage());
        }
        LOG.info("Chain of {} maps from {}: {}; {} weight tensors skipped", chain.size(), contents.file(),
                maps.stream().map(LinearMap::name).toList(), skipped.size());
        return new ModelChain(contents, chain, skipped);
    }

    /** Returns the rank-2 and rank-4 float tensors as maps, convolutions first, each in module order. */
    private static List<LinearMap> stateDictCandidates(ModelContents contents, List<SkippedTensor> skipped)
            throws ModelFormatException {
        ModuleOrder order = new ModuleOrder(contents.tensors().stream().map(Tensor::name).toList());
        List<Tensor> weights = new ArrayList<>();
        for (Tensor tensor : contents.tensors()) {
            int rank = tensor.shape().length;
            if (rank < 2) {
                continue;
            }
            String reason = rank != 2 && rank != 4
                    ? "rank-" + rank + " tensor is neither a fully connected (rank 2) nor a 2-D convolution (rank 4) weight"
                    : isInteger(tensor) ? "integer tensor (" + tensor.dtype() + "), not a weight"
                    : tensor.elementCount() == 0 ? "empty tensor" : null;
            if (reason != null) {
                skip(skipped, tensor.name(), tensor.shapeText(), reason);
            } else {
                weights.add(tensor);
            }
        }
        weights.sort(Comparator.<Tensor>comparingInt(t -> t.shape().length == 4 ? 0 : 1)
                .thenComparing(Tensor::name, order));
        List<LinearMap> maps = new ArrayList<>();
        for (Tensor tensor : weights) {
            maps.add(toMap(contents, tensor));
        }
        return maps;
    }

    private static LinearMap toMap(ModelContents contents, Tensor tensor) throws ModelFormatException {
        int[] s = tensor.shape();
        try {
            return s.length == 2
                    ? LinearMap.fullyConnected(tensor.name(), s[0], s[1], tensor.values())
                    : LinearMap.convolution(tensor.name(), s[0], s[1], s[2], s[3], tensor.values());
        } catch (ChainException e) {
            throw new ModelFormatException(contents.file(), e.getMessage());
        }
    }

    private static List<LinearMap> chooseChaining(List<LinearMap> candidates, List<SkippedTensor> skipped) {
        List<LinearMap> taken = new ArrayList<>();
        for (LinearMap map : candidates) {
            String reason = rejection(map, taken.isEmpty() ? null : taken.get(taken.size() - 1));
            if (reason == null) {
                taken.add(map);
            } else {
                skip(skipped, map.name(), shapeText(map), reason);
            }
        }
        return taken;
    }

    /** Returns why {@code map} cannot follow {@code previous} in the chain, or null when it can. */
    private static String rejection(LinearMap map, LinearMap previous) {
        if (map.name().toLowerCase(Locale.ROOT).contains("embed")) {
            return "embedding table (name contains 'embed'), not a map of the chain";
        }
        if (previous == null) {
            return null;
        }
        int width = previous.outputs();
        String after = "'" + previous.name() + "' (" + previous.shapeText() + ")";
        if (map.kind() == MapKind.CONVOLUTION) {
            if (previous.kind() == MapKind.FULLY_CONNECTED) {
                return "convolution after fully connected map " + after + "; the chain supports convolutions"
                        + " only before fully connected maps";
            }
            if (map.inputs() == width) {
                return null;
            }
            if (map.inputs() == 1) {
                return "depthwise convolution (1 input channel per group, " + width + " groups over the outputs of "
                        + after + "); the SVR chain needs full convolutions";
            }
            if (width % map.inputs() == 0) {
                // The shapes cannot tell a grouped convolution from a parallel branch such as a
                // ResNet downsample shortcut, whose inputs are an earlier, narrower feature map.
                return "grouped convolution or parallel branch (" + map.inputs() + " input channels, a divisor of the "
                        + width + " outputs of " + after + "); the SVR chain needs full convolutions in sequence";
            }
            return "does not chain: " + map.inputs() + " input channels, but " + after + " has " + width + " outputs";
        }
        if (previous.kind() == MapKind.CONVOLUTION) {
            return map.inputs() % width == 0 ? null : "does not chain: " + map.inputs()
                    + " inputs are not a multiple of the " + width + " output channels of " + after;
        }
        return map.inputs() == width ? null
                : "does not chain: " + map.inputs() + " inputs, but " + after + " has " + width + " outputs";
    }

    private static List<LinearMap> chooseListed(List<LinearMap> candidates, ChainSelection selection,
            List<SkippedTensor> skipped) {
        Map<String, LinearMap> byName = new LinkedHashMap<>();
        for (LinearMap map : candidates) {
            byName.put(map.name(), map);
        }
        List<String> chosen = selection.choose(List.copyOf(byName.keySet()));
        List<LinearMap> maps = new ArrayList<>();
        for (String name : chosen) {
            maps.add(byName.get(name));
        }
        warnAboutGaps(List.copyOf(byName.keySet()), chosen);
        for (LinearMap map : candidates) {
            if (!chosen.contains(map.name())) {
                skipped.add(new SkippedTensor(map.name(), shapeText(map), "not selected by --layers"));
            }
        }
        return maps;
    }

    /**
     * Warns when the chosen maps are not neighbours in module order. The SVR then treats maps that
     * the network separates by others as consecutive. For a conv followed by a fully connected map,
     * the positions z then come from the widths alone, whatever the real feature map was.
     */
    private static void warnAboutGaps(List<String> moduleOrder, List<String> chosen) {
        for (int k = 0; k + 1 < chosen.size(); k++) {
            int from = moduleOrder.indexOf(chosen.get(k));
            int to = moduleOrder.indexOf(chosen.get(k + 1));
            if (to != from + 1) {
                LOG.warn("--layers joins '{}' and '{}', which are not neighbours in module order; the SVR treats"
                        + " them as consecutive maps", chosen.get(k), chosen.get(k + 1));
            }
        }
    }

    private static List<LinearMap> attachBatchNorms(ModelContents contents, List<LinearMap> maps) {
        Map<String, Tensor> byName = new LinkedHashMap<>();
        for (Tensor tensor : contents.tensors()) {
            byName.put(tensor.name(), tensor);
        }
        BatchNormFinder finder = new BatchNormFinder(byName,
                new ModuleOrder(contents.tensors().stream().map(Tensor::name).toList()));
        List<LinearMap> attached = new ArrayList<>();
        for (LinearMap map : maps) {
            BatchNorm norm = finder.find(map);
            attached.add(norm == null ? map : map.withBatchNorm(norm));
        }
        return attached;
    }

    private static void skip(List<SkippedTensor> skipped, String name, String shape, String reason) {
        LOG.warn("Skipping tensor '{}' {}: {}", name, shape, reason);
        skipped.add(new SkippedTensor(name, shape, reason));
    }

    private static boolean isInteger(Tensor tensor) {
        String dtype = tensor.dtype().toLowerCase(Locale.ROOT);
        return !(dtype.contains("f") || dtype.contains("half") || dtype.contains("double"));
    }

    private static String shapeText(LinearMap map) {
        return java.util.Arrays.toString(map.shape());
    }
}

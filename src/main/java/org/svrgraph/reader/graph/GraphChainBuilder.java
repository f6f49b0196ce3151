package org.svrgraph.reader.graph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.svrgraph.chain.BatchNorm;
import org.svrgraph.chain.FlattenOrder;
import org.svrgraph.chain.LinearMap;
import org.svrgraph.chain.MapKind;
import org.svrgraph.reader.ModelFormatException;
import org.svrgraph.reader.SkippedTensor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the operations of a computation graph into the chain of linear maps along its main path.
 *
 * <p>The main path is the longest run of maps from a graph input to an output, counted in maps.
 * On a tie, the path whose last map comes first in topological order wins. So a network with several
 * heads (such as age, gender and race outputs after a shared trunk) gives the trunk and its first
 * head, and the maps of the other heads are reported as skipped.
 */
public final class GraphChainBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(GraphChainBuilder.class);

    private final Path file;
    private final FlattenOrder flattenOrder;

    /**
     * @param file the model file, for messages
     * @param flattenOrder how the format flattens a conv feature map before a fully connected map
     */
    public GraphChainBuilder(Path file, FlattenOrder flattenOrder) {
        this.file = file;
        this.flattenOrder = flattenOrder;
    }

    /**
     * Orders the operations, attaches each BatchNorm to the map it follows, and returns the maps of
     * the main path.
     *
     * @throws ModelFormatException when two operations write the same tensor or the graph has a cycle
     */
    public GraphChain build(List<GraphOp> ops) throws ModelFormatException {
        List<GraphOp> ordered = topologicalOrder(ops);
        int count = ordered.size();
        Map<String, Integer> producer = producers(ordered);
        List<SkippedTensor> skipped = new ArrayList<>();

        int[] lastMap = new int[count];
        int[] depth = new int[count];
        int[] directMap = new int[count];
        int[] previousMap = new int[count];
        LinearMap[] maps = new LinearMap[count];
        Arrays.fill(previousMap, -1);

        for (int k = 0; k < count; k++) {
            GraphOp op = ordered.get(k);
            int deepestInput = deepestUpstreamMap(op, producer, lastMap, depth);
            int firstInput = firstProducedInput(op, producer);
            lastMap[k] = deepestInput;
            depth[k] = deepestInput < 0 ? 0 : depth[deepestInput];
            directMap[k] = -1;
            switch (op.role()) {
                case MAP -> {
                    maps[k] = op.map();
                    previousMap[k] = deepestInput;
                    lastMap[k] = k;
                    depth[k] = depth[k] + 1;
                    directMap[k] = k;
                }
                case ELEMENTWISE -> directMap[k] = firstInput < 0 ? -1 : directMap[firstInput];
                case BATCH_NORM -> attachBatchNorm(op, firstInput < 0 ? -1 : directMap[firstInput], ordered, maps,
                        skipped);
                case OTHER -> {
                    if (op.skipReason() != null) {
                        skipped.add(new SkippedTensor(op.name(), "", op.skipReason()));
                    }
                }
            }
        }

        List<LinearMap> path = mainPath(ordered, maps, lastMap, depth, previousMap, skipped);
        for (SkippedTensor skip : skipped) {
            LOG.warn("{}: skipped '{}' {}: {}", file, skip.name(), skip.shapeText(), skip.reason());
        }
        return new GraphChain(path, skipped);
    }

    /**
     * Attaches the BatchNorm to the map its input comes from. NOTE: when an activation sits between
     * them, folding the BatchNorm into the map is exact only where the activation commutes with the
     * scale, as ReLU does with a positive one.
     */
    private void attachBatchNorm(GraphOp op, int target, List<GraphOp> ordered, LinearMap[] maps,
            List<SkippedTensor> skipped) {
        BatchNorm norm = op.batchNorm();
        if (target < 0) {
            skipped.add(new SkippedTensor(op.name(), "", "BatchNorm that does not follow a linear map directly"));
            return;
        }
        LinearMap map = maps[target];
        if (map.batchNorm() != null) {
            skipped.add(new SkippedTensor(op.name(), "", "BatchNorm after map '" + map.name()
                    + "', which already has BatchNorm '" + map.batchNorm().name() + "'"));
        } else if (norm.channels() != map.outputs()) {
            skipped.add(new SkippedTensor(op.name(), "", "BatchNorm of " + norm.channels() + " channels after map '"
                    + map.name() + "', which has " + map.outputs() + " outputs"));
        } else {
            maps[target] = map.withBatchNorm(norm);
        }
    }

    /** Walks back from the deepest map and returns the path in compute order. */
    private List<LinearMap> mainPath(List<GraphOp> ordered, LinearMap[] maps, int[] lastMap, int[] depth,
            int[] previousMap, List<SkippedTensor> skipped) {
        int end = -1;
        for (int k = 0; k < ordered.size(); k++) {
            if (maps[k] != null && (end < 0 || depth[k] > depth[end])) {
                end = k;
            }
        }
        boolean[] onPath = new boolean[ordered.size()];
        List<Integer> reversed = new ArrayList<>();
        for (int k = end; k >= 0; k = previousMap[k]) {
            reversed.add(k);
            onPath[k] = true;
        }
        List<LinearMap> path = new ArrayList<>();
        for (int i = reversed.size() - 1; i >= 0; i--) {
            int k = reversed.get(i);
            LinearMap map = maps[k];
            int before = previousMap[k];
            boolean flattens = map.kind() == MapKind.FULLY_CONNECTED && before >= 0
                    && maps[before].kind() == MapKind.CONVOLUTION;
            path.add(flattens ? map.withFlattenOrder(flattenOrder) : map);
        }
        for (int k = 0; k < ordered.size(); k++) {
            if (maps[k] != null && !onPath[k]) {
                skipped.add(new SkippedTensor(maps[k].name(), Arrays.toString(maps[k].shape()),
                        "on a branch off the main path of the graph"));
            }
        }
        return path;
    }

    private static int deepestUpstreamMap(GraphOp op, Map<String, Integer> producer, int[] lastMap, int[] depth) {
        int best = -1;
        for (String input : op.inputs()) {
            Integer source = producer.get(input);
            if (source == null) {
                continue;
            }
            int candidate = lastMap[source];
            if (candidate >= 0 && (best < 0 || depth[candidate] > depth[best])) {
                best = candidate;
            }
        }
        return best;
    }

    private static int firstProducedInput(GraphOp op, Map<String, Integer> producer) {
        for (String input : op.inputs()) {
            Integer source = producer.get(input);
            if (source != null) {
                return source;
            }
        }
        return -1;
    }

    private Map<String, Integer> producers(List<GraphOp> ops) throws ModelFormatException {
        Map<String, Integer> producer = new HashMap<>();
        for (int k = 0; k < ops.size(); k++) {
            for (String output : ops.get(k).outputs()) {
                Integer earlier = producer.put(output, k);
                if (earlier != null) {
                    throw new ModelFormatException(file, "tensor '" + output + "' is written by both operation '"
                            + ops.get(earlier).name() + "' and operation '" + ops.get(k).name() + "'");
                }
            }
        }
        return producer;
    }

    /** Kahn's algorithm; among ready operations the one listed first in the file goes first. */
    private List<GraphOp> topologicalOrder(List<GraphOp> ops) throws ModelFormatException {
        Map<String, Integer> producer = producers(ops);
        int[] waiting = new int[ops.size()];
        List<List<Integer>> consumers = new ArrayList<>();
        for (int k = 0; k < ops.size(); k++) {
            consumers.add(new ArrayList<>());
        }
        for (int k = 0; k < ops.size(); k++) {
            for (String input : ops.get(k).inputs()) {
                Integer source = producer.get(input);
                if (source != null) {
                    waiting[k]++;
                    consumers.get(source).add(k);
                }
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int k = 0; k < ops.size(); k++) {
            if (waiting[k] == 0) {
                ready.add(k);
            }
        }
        List<GraphOp> ordered = new ArrayList<>(ops.size());
        while (!ready.isEmpty()) {
            int k = ready.poll();
            ordered.add(ops.get(k));
            for (int consumer : consumers.get(k)) {
                if (--waiting[consumer] == 0) {
                    ready.add(consumer);
                }
            }
        }
        if (ordered.size() < ops.size()) {
            for (int k = 0; k < ops.size(); k++) {
                if (waiting[k] > 0) {
                    throw new ModelFormatException(file, "the graph has a cycle through operation '"
                            + ops.get(k).name() + "'");
                }
            }
        }
        return ordered;
    }
}

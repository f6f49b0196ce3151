package org.svrgraph.plot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.svrgraph.spectral.SvrResult;

/**
 * Finds the dominant chain of an SVR: the longest run of significant edges through top spectral
 * neurons (index below k) of consecutive layers. With k = 1 this is the chain of index-0 neurons that
 * VGG networks show across their deep conv layers (Meller and Berkouk, AISTATS 2023).
 */
public final class DominantChain {

    private DominantChain() {
    }

    /**
     * Returns the longest path of significant edges whose neurons all have index below {@code topK};
     * ties go to the path with the larger sum of ratios. Empty when no such edge exists.
     */
    public static Optional<HighlightGroup> find(SvrResult result, int topK) {
        return find(new ResultGraph(result), topK);
    }

    /** Returns the dominant chain of {@code graph}, as {@link #find(SvrResult, int)} defines it. */
    public static Optional<HighlightGroup> find(SignificantGraph graph, int topK) {
        if (topK < 1) {
            throw new IllegalArgumentException("The chain's top-k must be at least 1, got " + topK);
        }
        int layerCount = graph.layerCount();
        int[][] length = new int[layerCount][];
        double[][] score = new double[layerCount][];
        int[][] predecessor = new int[layerCount][];
        length[0] = new int[top(graph, 0, topK)];
        score[0] = new double[length[0].length];
        predecessor[0] = new int[length[0].length];
        for (int l = 0; l + 1 < layerCount; l++) {
            extend(graph, topK, length, score, predecessor, l, top(graph, l + 1, topK));
        }
        NeuronRef end = longestEnd(length, score);
        if (end == null) {
            return Optional.empty();
        }
        return Optional.of(trace(graph, end, length, predecessor));
    }

    private static int top(SignificantGraph graph, int l, int topK) {
        return Math.min(topK, graph.rank(l));
    }

    /** Fills the path lengths ending at each top neuron of layer l + 1. */
    private static void extend(SignificantGraph graph, int topK, int[][] length, double[][] score, int[][] predecessor,
            int l, int nextTop) {
        length[l + 1] = new int[nextTop];
        score[l + 1] = new double[nextTop];
        predecessor[l + 1] = new int[nextTop];
        java.util.Arrays.fill(predecessor[l + 1], -1);
        for (int i = 0; i < nextTop; i++) {
            for (int j = 0; j < length[l].length; j++) {
                if (!graph.significant(l, i, j)) {
                    continue;
                }
                int candidateLength = length[l][j] + 1;
                double candidateScore = score[l][j] + graph.edge(l, i, j).ratio();
                if (candidateLength > length[l + 1][i]
                        || (candidateLength == length[l + 1][i] && candidateScore > score[l + 1][i])) {
                    length[l + 1][i] = candidateLength;
                    score[l + 1][i] = candidateScore;
                    predecessor[l + 1][i] = j;
                }
            }
        }
    }

    private static NeuronRef longestEnd(int[][] length, double[][] score) {
        NeuronRef best = null;
        int bestLength = 0;
        double bestScore = 0;
        for (int l = 0; l < length.length; l++) {
            for (int i = 0; i < length[l].length; i++) {
                if (length[l][i] > bestLength || (length[l][i] == bestLength && bestLength > 0
                        && score[l][i] > bestScore)) {
                    best = new NeuronRef(l, i);
                    bestLength = length[l][i];
                    bestScore = score[l][i];
                }
            }
        }
        return best;
    }

    private static HighlightGroup trace(SignificantGraph graph, NeuronRef end, int[][] length, int[][] predecessor) {
        List<NeuronRef> neurons = new ArrayList<>();
        List<HighlightEdge> edges = new ArrayList<>();
        int l = end.layer();
        int i = end.index();
        neurons.add(end);
        while (length[l][i] > 0) {
            int j = predecessor[l][i];
            edges.add(graph.edge(l - 1, i, j));
            l--;
            i = j;
            neurons.add(new NeuronRef(l, i));
        }
        Collections.reverse(neurons);
        Collections.reverse(edges);
        return new HighlightGroup(neurons, edges, edges.size());
    }
}

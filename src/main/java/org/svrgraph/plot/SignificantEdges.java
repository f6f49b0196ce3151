package org.svrgraph.plot;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.svrgraph.spectral.LayerPair;

/** Selects the strongest significant edges of a layer pair, the ones the figure draws. */
final class SignificantEdges {

    private SignificantEdges() {
    }

    /**
     * Returns the significant edges of the pair, strongest first by ratio, at most {@code maxEdges}
     * of them (0 for all), with the pair's significant count before the cap.
     */
    static FigureEdges strongest(LayerPair pair, int maxEdges) {
        return strongest(pair, maxEdges, 0, pair.adjacency().rows(), 0, pair.adjacency().cols());
    }

    /**
     * Returns the strongest significant edges between neurons {@code previousFrom..previousTo - 1}
     * of the earlier layer and {@code nextFrom..nextTo - 1} of the later layer.
     */
    static FigureEdges strongest(LayerPair pair, int maxEdges, int nextFrom, int nextTo, int previousFrom,
            int previousTo) {
        double threshold = pair.threshold();
        int rows = pair.adjacency().rows();
        double[] adjacency = pair.adjacency().data();

        int count = 0;
        for (int j = previousFrom; j < previousTo; j++) {
            for (int i = nextFrom; i < nextTo; i++) {
                if (adjacency[j * rows + i] >= threshold) {
                    count++;
                }
            }
        }
        int[] positions = new int[count];
        int k = 0;
        for (int j = previousFrom; j < previousTo; j++) {
            for (int i = nextFrom; i < nextTo; i++) {
                if (adjacency[j * rows + i] >= threshold) {
                    positions[k++] = j * rows + i;
                }
            }
        }
        int[] kept = keepStrongest(positions, adjacency, maxEdges);
        return toEdges(pair, kept, count);
    }

    /**
     * Returns the strongest of {@code all}, the complete significant edges of one pair in any order,
     * as {@link #strongest(LayerPair, int)} picks and orders them: by decreasing coefficient, ties by
     * the earlier-layer neuron j, then by i (the adjacency's column-major position).
     */
    static FigureEdges strongest(FigureEdges all, int maxEdges) {
        Comparator<Integer> strongestFirst = Comparator.<Integer>comparingDouble(e -> -all.coefficient()[e])
                .thenComparingInt(e -> all.previous()[e]).thenComparingInt(e -> all.next()[e]);
        int limit = maxEdges > 0 ? Math.min(maxEdges, all.size()) : all.size();
        int[] kept = IntStream.range(0, all.size()).boxed().sorted(strongestFirst).limit(limit)
                .mapToInt(Integer::intValue).toArray();
        int[] next = new int[limit];
        int[] previous = new int[limit];
        double[] coefficient = new double[limit];
        double[] ratio = new double[limit];
        double[] pValue = new double[limit];
        for (int k = 0; k < limit; k++) {
            int e = kept[k];
            next[k] = all.next()[e];
            previous[k] = all.previous()[e];
            coefficient[k] = all.coefficient()[e];
            ratio[k] = all.ratio()[e];
            pValue[k] = all.pValue()[e];
        }
        return new FigureEdges(all.pair(), next, previous, coefficient, ratio, pValue, all.size());
    }

    /**
     * Keeps the positions with the largest coefficients, sorted by decreasing coefficient (the ratio
     * n a_ij orders edges of one pair the same way), ties by position.
     */
    private static int[] keepStrongest(int[] positions, double[] adjacency, int maxEdges) {
        int[] candidates = positions;
        if (maxEdges > 0 && positions.length > maxEdges) {
            // A primitive sort of the coefficients finds the cut-off without boxing every position.
            double[] values = new double[positions.length];
            for (int k = 0; k < positions.length; k++) {
                values[k] = adjacency[positions[k]];
            }
            Arrays.sort(values);
            double cutoff = values[values.length - maxEdges];
            candidates = Arrays.stream(positions).filter(p -> adjacency[p] >= cutoff).toArray();
        }
        Comparator<Integer> strongestFirst = Comparator.<Integer>comparingDouble(p -> -adjacency[p])
                .thenComparingInt(p -> p);
        int limit = maxEdges > 0 ? maxEdges : candidates.length;
        return IntStream.of(candidates).boxed().sorted(strongestFirst).limit(limit).mapToInt(Integer::intValue)
                .toArray();
    }

    private static FigureEdges toEdges(LayerPair pair, int[] kept, long significantCount) {
        int rows = pair.adjacency().rows();
        int size = kept.length;
        int[] next = new int[size];
        int[] previous = new int[size];
        double[] coefficient = new double[size];
        double[] ratio = new double[size];
        double[] pValue = new double[size];
        for (int e = 0; e < size; e++) {
            next[e] = kept[e] % rows;
            previous[e] = kept[e] / rows;
            coefficient[e] = pair.coefficient(next[e], previous[e]);
            ratio[e] = pair.ratio(next[e], previous[e]);
            pValue[e] = pair.pValue(next[e], previous[e]);
        }
        return new FigureEdges(pair.index(), next, previous, coefficient, ratio, pValue, significantCount);
    }
}

package org.svrgraph.plot;

/**
 * The significant edges drawn between layer {@code pair} and layer {@code pair + 1}, after the cap,
 * as parallel arrays sorted by decreasing ratio. Edge e joins neuron {@code previous[e]} of the
 * earlier layer to neuron {@code next[e]} of the later one.
 *
 * @param pair index of the earlier layer
 * @param next neuron index i in layer pair + 1
 * @param previous neuron index j in layer pair
 * @param coefficient adjacency coefficient a_ij
 * @param ratio n a_ij, 1 at chance level
 * @param pValue exact p-value of a_ij under the null
 * @param significantCount significant edges of the pair before the cap
 */
public record FigureEdges(int pair, int[] next, int[] previous, double[] coefficient, double[] ratio,
        double[] pValue, long significantCount) {

    public FigureEdges {
        int count = next.length;
        if (previous.length != count || coefficient.length != count || ratio.length != count
                || pValue.length != count) {
            throw new IllegalArgumentException("Edge arrays of layer pair " + pair + " differ in length");
        }
        if (significantCount < count) {
            throw new IllegalArgumentException("Layer pair " + pair + " draws " + count + " edges but has only "
                    + significantCount + " significant ones");
        }
    }

    /** Number of edges drawn. */
    public int size() {
        return next.length;
    }

    /** Returns whether the cap left out some significant edges of this pair. */
    public boolean capped() {
        return significantCount > next.length;
    }
}

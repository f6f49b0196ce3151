package org.svrgraph.spectral;

/**
 * The edges between the spectral neurons of layer l and layer l+1.
 *
 * @param index l, the index of the earlier layer
 * @param nullDistribution the null law of a coefficient (link width n, positions z)
 * @param adjacency A_l, r_{l+1} x r_l: element (i, j) is a_ij between neuron j of layer l and neuron
 *     i of layer l+1
 * @param significance thresholds and counts under every criterion
 * @param criterion the criterion in force
 * @param layerDimension internal dimension q on the side of layer l
 * @param nextLayerDimension internal dimension p on the side of layer l+1
 * @param entropy -sum a_ij log a_ij
 */
public record LayerPair(int index, NullDistribution nullDistribution, Matrix adjacency,
        PairSignificance significance, SignificanceCriterion criterion, int layerDimension,
        int nextLayerDimension, double entropy) {

    /** Link width n: channels or features between the two layers. */
    public int n() {
        return nullDistribution.n();
    }

    /** Positions z per channel. */
    public int z() {
        return nullDistribution.z();
    }

    /** Adjacency coefficient a_ij (i in layer l+1, j in layer l). */
    public double coefficient(int i, int j) {
        return adjacency.get(i, j);
    }

    /** Ratio n a_ij to the chance level: 1 is what independent neurons give on average. */
    public double ratio(int i, int j) {
        return n() * adjacency.get(i, j);
    }

    /** Exact p-value of a_ij under the null. */
    public double pValue(int i, int j) {
        return nullDistribution.pValue(adjacency.get(i, j));
    }

    /** Threshold of the criterion in force. */
    public double threshold() {
        return significance.threshold(criterion);
    }

    /** Returns whether edge (i, j) is significant under the criterion in force. */
    public boolean significant(int i, int j) {
        return adjacency.get(i, j) >= threshold();
    }

    /** Number of significant edges under the criterion in force. */
    public long significantCount() {
        return significance.count(criterion);
    }
}

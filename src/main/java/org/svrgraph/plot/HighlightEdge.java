package org.svrgraph.plot;

/**
 * A significant edge that belongs to a highlighted structure.
 *
 * @param pair index of the earlier layer
 * @param next neuron index i in layer pair + 1
 * @param previous neuron index j in layer pair
 * @param coefficient adjacency coefficient a_ij
 * @param ratio n a_ij
 * @param pValue exact p-value of a_ij
 */
public record HighlightEdge(int pair, int next, int previous, double coefficient, double ratio, double pValue) {
}

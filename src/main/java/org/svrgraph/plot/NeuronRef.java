package org.svrgraph.plot;

/** Spectral neuron {@code index} of layer {@code layer}. */
public record NeuronRef(int layer, int index) {
}

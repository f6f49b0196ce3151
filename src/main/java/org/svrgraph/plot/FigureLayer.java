package org.svrgraph.plot;

import java.util.Objects;

/**
 * One column of the SVR figure: the spectral neurons of one layer, index 0 the largest singular value.
 *
 * @param name the layer's name (the weight tensor's name)
 * @param kind {@code conv} or {@code fc}, as {@link org.svrgraph.chain.MapKind#shortName()} spells it
 * @param sigma singular values in decreasing order
 * @param intensity node intensity of each spectral neuron, between 0 and 1
 * @param nearKernel whether each spectral neuron is near-kernel
 */
public record FigureLayer(String name, String kind, double[] sigma, double[] intensity, boolean[] nearKernel) {

    public FigureLayer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (intensity.length != sigma.length || nearKernel.length != sigma.length) {
            throw new IllegalArgumentException("Layer '" + name + "' has " + sigma.length + " singular values but "
                    + intensity.length + " intensities and " + nearKernel.length + " near-kernel flags");
        }
    }

    /** Number of spectral neurons. */
    public int rank() {
        return sigma.length;
    }

    /** Largest singular value, 0 for an empty or all-zero layer. */
    public double sigmaMax() {
        return sigma.length == 0 ? 0 : sigma[0];
    }

    /** Returns whether the layer is a convolution. */
    public boolean convolution() {
        return "conv".equals(kind);
    }
}

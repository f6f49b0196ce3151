package org.svrgraph.plot;

import java.util.Locale;

/** How a spectral neuron's singular value becomes its height in the figure. */
public enum YScale {
    /** Height proportional to sigma, from 0 to the largest sigma over all layers. */
    LINEAR("linear"),
    /** Height proportional to log10 sigma, between powers of 10. */
    LOG("log"),
    /** Height proportional to sigma / sigma_max of the neuron's own layer, from 0 to 1. */
    RELATIVE("relative");

    private final String label;

    YScale(String label) {
        this.label = label;
    }

    /** Name used on the command line and in the HTML page's data. */
    public String label() {
        return label;
    }

    /** Returns the scale with the given command-line name. */
    public static YScale fromLabel(String label) {
        for (YScale scale : values()) {
            if (scale.label.equals(label.toLowerCase(Locale.ROOT))) {
                return scale;
            }
        }
        throw new IllegalArgumentException("Unknown y scale '" + label + "'; expected linear, log or relative");
    }
}

package org.svrgraph.plot;

import java.util.Locale;

/** Which measure of an edge's strength sets its shade. */
public enum EdgeShade {
    /** The ratio n a_ij to the chance level, on a log scale. */
    RATIO("ratio"),
    /** The significance -log10 p of the coefficient. */
    P_VALUE("p");

    /** Smallest p-value that is told apart; exact p-values of very strong edges underflow to 0. */
    static final double MIN_P_VALUE = 1e-300;

    private final String label;

    EdgeShade(String label) {
        this.label = label;
    }

    /** Name used on the command line and in the HTML page's data. */
    public String label() {
        return label;
    }

    /** Legend caption of the measure. */
    public String caption() {
        return this == RATIO ? "ratio n·a (1 = chance)" : "−log10 p";
    }

    /** Returns the measure of an edge, the quantity that is shaded linearly. */
    public double measure(double ratio, double pValue) {
        if (this == RATIO) {
            return Math.log10(Math.max(ratio, Double.MIN_NORMAL));
        }
        return -Math.log10(Math.max(pValue, MIN_P_VALUE));
    }

    /** Returns the value shown in the legend for a measure: the ratio itself or -log10 p. */
    public double display(double measure) {
        return this == RATIO ? Math.pow(10, measure) : measure;
    }

    /** Returns the shade with the given command-line name. */
    public static EdgeShade fromLabel(String label) {
        for (EdgeShade shade : values()) {
            if (shade.label.equals(label.toLowerCase(Locale.ROOT))) {
                return shade;
            }
        }
        throw new IllegalArgumentException("Unknown edge shade '" + label + "'; expected ratio or p");
    }
}

package org.svrgraph.spectral;

/** Which test decides that an adjacency coefficient is a significant edge. */
public enum SignificanceCriterion {
    /**
     * The reference criterion: n z a is compared with the chi-square(z) quantile at the sigma level.
     * An approximation of the exact null, conservative for small n.
     */
    CHI_SQUARE("chi2"),
    /** The exact null a ~ Beta(z/2, z(n-1)/2), cut at the sigma level's tail probability. */
    EXACT_BETA("beta"),
    /** Exact p-values with a Benjamini-Hochberg false-discovery-rate cut per layer pair. */
    BENJAMINI_HOCHBERG("fdr");

    private final String label;

    SignificanceCriterion(String label) {
        this.label = label;
    }

    /** Short name used on the command line, in files and in the graph. */
    public String label() {
        return label;
    }

    /** Returns the criterion with the given short name. */
    public static SignificanceCriterion fromLabel(String label) {
        for (SignificanceCriterion criterion : values()) {
            if (criterion.label.equalsIgnoreCase(label)) {
                return criterion;
            }
        }
        throw new IllegalArgumentException("Unknown significance criterion '" + label
                + "'; expected chi2, beta or fdr");
    }
}

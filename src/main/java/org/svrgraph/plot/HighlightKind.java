package org.svrgraph.plot;

/** A structure the figure can mark on top of the ordinary edges. */
public enum HighlightKind {
    /** The dominant chain: the longest run of significant edges through top neurons. */
    CHAIN,
    /** Near-kernel neurons joined by significant edges, one colour per connected component. */
    NEAR_KERNEL;

    /** Returns the highlight with the given command-line name, {@code chain} or {@code near-kernel}. */
    public static HighlightKind fromLabel(String label) {
        return switch (label.toLowerCase(java.util.Locale.ROOT)) {
            case "chain" -> CHAIN;
            case "near-kernel" -> NEAR_KERNEL;
            default -> throw new IllegalArgumentException("Unknown highlight '" + label
                    + "'; expected chain or near-kernel");
        };
    }
}

package org.svrgraph.spectral;

import java.util.Locale;

/** Which linear-algebra implementation to run: the best that works, or one forced by the user. */
public enum Backend {
    /** Native OpenBLAS when it loads and passes its start-up check, else EJML. */
    AUTO,
    /** Native OpenBLAS only; fails when the library does not load. */
    OPENBLAS,
    /** Pure-Java EJML: slower, but needs no native library. */
    EJML;

    /** Parses {@code auto}, {@code openblas} or {@code ejml}, ignoring case. */
    public static Backend parse(String text) {
        for (Backend backend : values()) {
            if (backend.name().equalsIgnoreCase(text.trim())) {
                return backend;
            }
        }
        throw new IllegalArgumentException("Invalid linear-algebra backend '" + text
                + "'; expected auto, openblas or ejml");
    }

    /** Lower-case name as the command line spells it. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

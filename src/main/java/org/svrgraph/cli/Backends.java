package org.svrgraph.cli;

import org.svrgraph.spectral.EjmlLinearAlgebra;
import org.svrgraph.spectral.LinearAlgebra;

/** Picks the linear-algebra backend named by {@code --backend}. */
final class Backends {

    private Backends() {
    }

    static LinearAlgebra select(String name) {
        // TODO: native OpenBLAS selection lands with the native backend.
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "auto", "ejml" -> new EjmlLinearAlgebra();
            default -> throw new IllegalArgumentException("Unknown --backend '" + name + "'; expected auto, openblas or ejml");
        };
    }
}

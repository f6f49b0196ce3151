package org.svrgraph.cli;

import org.svrgraph.spectral.Backend;
import org.svrgraph.spectral.LinearAlgebra;
import org.svrgraph.spectral.LinearAlgebras;

/** Picks the linear-algebra backend named by {@code --backend}. */
final class Backends {

    private Backends() {
    }

    /**
     * Returns the backend for {@code auto}, {@code openblas} or {@code ejml} (any case); auto is native
     * OpenBLAS when it loads and passes its start-up check, else EJML.
     *
     * @throws IllegalArgumentException for another name, or for openblas where it cannot load
     */
    static LinearAlgebra select(String name) {
        return LinearAlgebras.select(Backend.parse(name));
    }
}

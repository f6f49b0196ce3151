package org.svrgraph.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Backend selection without the native library: the pure-Java path and the option parsing. */
class LinearAlgebrasTest {

    @Test
    void ejmlWhenRequested() {
        assertEquals("ejml", LinearAlgebras.select(Backend.EJML).name());
    }

    @Test
    void ejmlPassesStartUpCheck() {
        assertNull(LinearAlgebras.selfCheckFailure(new EjmlLinearAlgebra()));
    }

    @Test
    void startUpCheckCatchesWrongSingularValues() {
        LinearAlgebra ejml = new EjmlLinearAlgebra();
        LinearAlgebra wrong = new LinearAlgebra() {
            @Override
            public String name() {
                return "wrong";
            }

            @Override
            public ThinSvd svd(Matrix a, int topK, Precision precision) {
                ThinSvd right = ejml.svd(a, topK, precision);
                return new ThinSvd(right.u(), new double[] {4, 2}, right.v());
            }

            @Override
            public Matrix multiplyTransposed(Matrix a, Matrix b) {
                return ejml.multiplyTransposed(a, b);
            }
        };

        String failure = LinearAlgebras.selfCheckFailure(wrong);

        assertEquals("the start-up SVD returned singular values [4.0, 2.0] instead of [4.0, 3.0]", failure);
    }

    @Test
    void backendParsing() {
        assertEquals(Backend.AUTO, Backend.parse("auto"));
        assertEquals(Backend.OPENBLAS, Backend.parse("OpenBLAS"));
        assertEquals(Backend.EJML, Backend.parse(" ejml "));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Backend.parse("mkl"));
        assertEquals("Invalid linear-algebra backend 'mkl'; expected auto, openblas or ejml", unknown.getMessage());
    }

    @Test
    void systemPropertyForcesEjml() {
        String previous = System.getProperty(LinearAlgebras.BACKEND_PROPERTY);
        System.setProperty(LinearAlgebras.BACKEND_PROPERTY, "ejml");
        try {
            assertEquals("ejml", LinearAlgebras.best().name());
        } finally {
            if (previous == null) {
                System.clearProperty(LinearAlgebras.BACKEND_PROPERTY);
            } else {
                System.setProperty(LinearAlgebras.BACKEND_PROPERTY, previous);
            }
        }
    }
}

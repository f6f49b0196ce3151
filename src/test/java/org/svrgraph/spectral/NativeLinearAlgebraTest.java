package org.svrgraph.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.svrgraph.spectral.SvdChecks.assertColumnUpToSign;
import static org.svrgraph.spectral.SvdChecks.assertOrthonormalColumns;
import static org.svrgraph.spectral.SvdChecks.assertReconstructs;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Native OpenBLAS against pure-Java EJML and against naive computations; skipped where OpenBLAS cannot load. */
class NativeLinearAlgebraTest {

    private static NativeLinearAlgebra openblas;
    private static final EjmlLinearAlgebra EJML = new EjmlLinearAlgebra();

    @BeforeAll
    static void loadOpenBlas() {
        try {
            openblas = NativeLinearAlgebra.load();
        } catch (LinkageError | RuntimeException e) {
            openblas = null;
        }
        assumeTrue(openblas != null, "native OpenBLAS does not load on this platform");
    }

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"60, 25", "25, 60", "40, 40", "1, 17", "17, 1", "1, 1"})
    void fullSvdAgreesWithEjml(int m, int n) {
        Matrix a = SvdChecks.gaussian(m, n, 11L * m + n);
        double[] before = a.data().clone();

        ThinSvd expected = EJML.svd(a, 0, Precision.FLOAT64);
        ThinSvd actual = openblas.svd(a, 0, Precision.FLOAT64);

        assertArrayEquals(before, a.data(), "the input must not be modified");
        assertEquals(Math.min(m, n), actual.rank());
        double sigmaMax = expected.sigma()[0];
        for (int t = 0; t < actual.rank(); t++) {
            assertEquals(expected.sigma()[t], actual.sigma()[t], 1e-9 * expected.sigma()[t], "sigma " + t);
            assertColumnUpToSign(expected.u(), actual.u(), t, 1e-9, "U");
            assertColumnUpToSign(expected.v(), actual.v(), t, 1e-9, "V");
        }
        assertReconstructs(a, actual, 1e-13 * Math.max(m, n));
        assertOrthonormalColumns(actual.u(), 1e-12, "U");
        assertOrthonormalColumns(actual.v(), 1e-12, "V");
        assertTrue(sigmaMax > 0);
    }

    @Test
    void rankDeficientFullSvd() {
        Matrix a = SvdChecks.lowRank(30, 50, 7, 5);

        ThinSvd expected = EJML.svd(a, 0, Precision.FLOAT64);
        ThinSvd actual = openblas.svd(a, 0, Precision.FLOAT64);

        double sigmaMax = expected.sigma()[0];
        for (int t = 0; t < 30; t++) {
            assertEquals(expected.sigma()[t], actual.sigma()[t], 1e-9 * sigmaMax, "sigma " + t);
        }
        for (int t = 0; t < 7; t++) {
            assertColumnUpToSign(expected.u(), actual.u(), t, 1e-9, "U");
            assertColumnUpToSign(expected.v(), actual.v(), t, 1e-9, "V");
        }
        assertTrue(actual.sigma()[7] < 1e-13 * sigmaMax, "sigma 7 of a rank-7 matrix is " + actual.sigma()[7]);
        assertReconstructs(a, actual, 1e-12);
        assertOrthonormalColumns(actual.u(), 1e-12, "U");
        assertOrthonormalColumns(actual.v(), 1e-12, "V");
    }

    @Test
    void zeroMatrixFullSvd() {
        ThinSvd svd = openblas.svd(Matrix.zeros(5, 8), 0, Precision.FLOAT64);

        assertArrayEquals(new double[5], svd.sigma());
        assertOrthonormalColumns(svd.u(), 1e-12, "U");
        assertOrthonormalColumns(svd.v(), 1e-12, "V");
    }

    @Test
    void rowAndColumnVectors() {
        double[] values = {3, -4, 12};
        double norm = 13;

        ThinSvd row = openblas.svd(new Matrix(1, 3, values), 0, Precision.FLOAT64);
        ThinSvd column = openblas.svd(new Matrix(3, 1, values), 0, Precision.FLOAT64);

        assertEquals(norm, row.sigma()[0], 1e-13);
        assertEquals(norm, column.sigma()[0], 1e-13);
        double rowSign = Math.signum(row.u().get(0, 0));
        double columnSign = Math.signum(column.v().get(0, 0));
        for (int k = 0; k < 3; k++) {
            assertEquals(values[k] / norm, rowSign * row.v().get(k, 0), 1e-15, "v of the 1 x 3 matrix");
            assertEquals(values[k] / norm, columnSign * column.u().get(k, 0), 1e-15, "u of the 3 x 1 matrix");
        }
    }

    @ParameterizedTest(name = "{0} x {1}, top {2}")
    @CsvSource({"200, 80, 10", "80, 200, 10", "120, 120, 30", "50, 300, 49"})
    void topKEqualsLeadingTriplets(int m, int n, int k) {
        // Singular values 10, 9.5, 9, ... 10 - 0.5 (r - 1) > 0: well separated, condition number below 100.
        int r = Math.min(m, n);
        double[] prescribed = new double[r];
        for (int t = 0; t < r; t++) {
            prescribed[t] = 10 * Math.pow(0.96, t);
        }
        Matrix a = SvdChecks.withSingularValues(m, n, prescribed, 3L * m + n);
        double[] before = a.data().clone();

        ThinSvd full = openblas.svd(a, 0, Precision.FLOAT64);
        ThinSvd top = openblas.svd(a, k, Precision.FLOAT64);

        assertArrayEquals(before, a.data(), "the input must not be modified");
        assertEquals(k, top.rank());
        assertEquals(m, top.u().rows());
        assertEquals(n, top.v().rows());
        for (int t = 0; t < k; t++) {
            assertEquals(full.sigma()[t], top.sigma()[t], 1e-9 * full.sigma()[t], "sigma " + t);
            assertEquals(prescribed[t], top.sigma()[t], 1e-9 * prescribed[t], "prescribed sigma " + t);
            assertColumnUpToSign(full.u(), top.u(), t, 1e-9, "U");
            assertColumnUpToSign(full.v(), top.v(), t, 1e-9, "V");
        }
        assertOrthonormalColumns(top.u(), 1e-10, "U");
        assertOrthonormalColumns(top.v(), 1e-10, "V");
    }

    @ParameterizedTest(name = "{0} x {1}, rank 5, top 8")
    @CsvSource({"40, 90", "90, 40"})
    void topKOfRankDeficientCompletesVectors(int m, int n) {
        Matrix a = SvdChecks.lowRank(m, n, 5, 21);

        ThinSvd full = openblas.svd(a, 0, Precision.FLOAT64);
        ThinSvd top = openblas.svd(a, 8, Precision.FLOAT64);

        for (int t = 0; t < 5; t++) {
            assertEquals(full.sigma()[t], top.sigma()[t], 1e-9 * full.sigma()[t], "sigma " + t);
        }
        for (int t = 5; t < 8; t++) {
            assertEquals(0, top.sigma()[t], 0, "sigma " + t + " beyond the rank");
        }
        assertOrthonormalColumns(top.u(), 1e-10, "U");
        assertOrthonormalColumns(top.v(), 1e-10, "V");
        assertReconstructs(a, top, 1e-10);
        // Completed vectors lie in the null spaces: A v_t = 0 and A^T u_t = 0 for the zero triplets.
        Matrix av = SvdChecks.naiveProduct(a, top.v());
        Matrix atu = SvdChecks.naiveProduct(a.transpose(), top.u());
        for (int t = 5; t < 8; t++) {
            for (int i = 0; i < m; i++) {
                assertEquals(0, av.get(i, t), 1e-7, "A v_" + t);
            }
            for (int j = 0; j < n; j++) {
                assertEquals(0, atu.get(j, t), 1e-7, "A^T u_" + t);
            }
        }
    }

    @Test
    void topKOfZeroMatrix() {
        ThinSvd top = openblas.svd(Matrix.zeros(6, 9), 3, Precision.FLOAT64);

        assertArrayEquals(new double[3], top.sigma());
        assertOrthonormalColumns(top.u(), 1e-12, "U");
        assertOrthonormalColumns(top.v(), 1e-12, "V");
    }

    @ParameterizedTest(name = "{0} x {1}, top {2}")
    @CsvSource({"70, 30, 0", "30, 70, 0", "200, 90, 12", "90, 200, 12"})
    void float32AgreesWithFloat64(int m, int n, int k) {
        Matrix a = SvdChecks.gaussian(m, n, 7L * m + n);

        ThinSvd exact = openblas.svd(a, 0, Precision.FLOAT64);
        ThinSvd single = openblas.svd(a, k, Precision.FLOAT32);

        int kept = k == 0 ? Math.min(m, n) : k;
        assertEquals(kept, single.rank());
        double sigmaMax = exact.sigma()[0];
        for (int t = 0; t < kept; t++) {
            assertEquals(exact.sigma()[t], single.sigma()[t], 1e-4 * sigmaMax, "sigma " + t);
        }
        // Vectors of close singular values may rotate within their pair in float32: compare the product instead.
        Matrix truncated = k == 0 ? a : truncation(exact, k);
        assertReconstructs(truncated, single, 1e-4);
        assertOrthonormalColumns(single.u(), 1e-4, "U");
        assertOrthonormalColumns(single.v(), 1e-4, "V");
    }

    @Test
    void ejmlFloat32IsCloseToNativeFloat32() {
        Matrix a = SvdChecks.gaussian(50, 35, 99);

        double[] ejml = EJML.svd(a, 0, Precision.FLOAT32).sigma();
        double[] native32 = openblas.svd(a, 0, Precision.FLOAT32).sigma();

        for (int t = 0; t < ejml.length; t++) {
            assertEquals(native32[t], ejml[t], 1e-3 * native32[0], "sigma " + t);
        }
    }

    @ParameterizedTest(name = "a {0} x {1}, b {0} x {2}")
    @CsvSource({"30, 20, 25", "1, 4, 3", "64, 1, 7", "17, 33, 1"})
    void multiplyTransposedMatchesTripleLoop(int k, int m, int n) {
        Matrix a = SvdChecks.gaussian(k, m, k + 100L * m);
        Matrix b = SvdChecks.gaussian(k, n, k + 1000L * n);

        Matrix product = openblas.multiplyTransposed(a, b);

        assertEquals(m, product.rows());
        assertEquals(n, product.cols());
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double expected = 0;
                for (int t = 0; t < k; t++) {
                    expected += a.get(t, i) * b.get(t, j);
                }
                assertEquals(expected, product.get(i, j), 1e-12 * k, "(" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void multiplyTransposedAgreesWithEjml() {
        Matrix a = SvdChecks.gaussian(40, 31, 1);
        Matrix b = SvdChecks.gaussian(40, 23, 2);

        double[] expected = EJML.multiplyTransposed(a, b).data();
        double[] actual = openblas.multiplyTransposed(a, b).data();

        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], 1e-12, "element " + k);
        }
    }

    @Test
    void emptyMatrix() {
        ThinSvd svd = openblas.svd(Matrix.zeros(0, 4), 0, Precision.FLOAT64);

        assertEquals(0, svd.rank());
        assertEquals(4, svd.v().rows());
        Matrix product = openblas.multiplyTransposed(Matrix.zeros(0, 3), Matrix.zeros(0, 2));
        assertArrayEquals(new double[6], product.data(), "a^T b over an empty inner dimension is zero");
    }

    private static Matrix truncation(ThinSvd svd, int k) {
        int m = svd.u().rows();
        int n = svd.v().rows();
        double[] data = new double[m * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                double sum = 0;
                for (int t = 0; t < k; t++) {
                    sum += svd.u().get(i, t) * svd.sigma()[t] * svd.v().get(j, t);
                }
                data[j * m + i] = sum;
            }
        }
        return new Matrix(m, n, data);
    }

    @Test
    void startUpCheckPasses() {
        assertEquals(null, LinearAlgebras.selfCheckFailure(openblas));
        assertEquals("openblas", LinearAlgebras.select(Backend.OPENBLAS).name());
        assertEquals("openblas", LinearAlgebras.select(Backend.AUTO).name());
    }
}

package org.svrgraph.spectral;

import static org.bytedeco.openblas.global.openblas.CblasColMajor;
import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dgesdd;
import static org.bytedeco.openblas.global.openblas.LAPACKE_sgesdd;
import static org.bytedeco.openblas.global.openblas.cblas_dgemm;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * Linear algebra on native OpenBLAS with its LAPACK, as shipped in the {@code org.bytedeco:openblas}
 * jars (the platform jar carries the shared library, so nothing needs installing). Full SVDs use the
 * divide-and-conquer driver gesdd; top-k SVDs go through the Gram matrix ({@link GramTopKSvd}).
 *
 * <p>Operands are copied into native memory for each call, because gesdd overwrites its input and
 * because a Java array passed to JNI would be copied anyway. OpenBLAS runs on one thread unless
 * configured otherwise ({@link OpenBlasThreads} gives the measurements behind that).
 */
public final class NativeLinearAlgebra implements LinearAlgebra {

    private NativeLinearAlgebra() {
    }

    /**
     * Loads the OpenBLAS library and returns the backend.
     *
     * @throws LinkageError when the native library is missing for this platform or fails to load
     * @throws IllegalArgumentException when the thread-count property is invalid
     */
    public static NativeLinearAlgebra load() {
        Loader.load(openblas.class);
        OpenBlasThreads.initialise();
        return new NativeLinearAlgebra();
    }

    @Override
    public String name() {
        return "openblas";
    }

    @Override
    public ThinSvd svd(Matrix a, int topK, Precision precision) {
        int r = Math.min(a.rows(), a.cols());
        if (r == 0) {
            return new ThinSvd(Matrix.zeros(a.rows(), 0), new double[0], Matrix.zeros(a.cols(), 0));
        }
        if (topK > 0 && topK < r) {
            return GramTopKSvd.compute(a, topK, precision);
        }
        return precision == Precision.FLOAT32 ? fullSvdFloat(a) : fullSvdDouble(a);
    }

    private static ThinSvd fullSvdDouble(Matrix a) {
        int m = a.rows();
        int n = a.cols();
        int r = Math.min(m, n);
        try (DoublePointer work = new DoublePointer(a.data());
                DoublePointer s = new DoublePointer(r);
                DoublePointer u = new DoublePointer((long) m * r);
                DoublePointer vt = new DoublePointer((long) r * n)) {
            int info = LAPACKE_dgesdd(LAPACK_COL_MAJOR, (byte) 'S', m, n, work, m, s, u, m, vt, r);
            checkInfo(info, "dgesdd", a);
            double[] sigma = new double[r];
            s.get(sigma);
            double[] uData = new double[m * r];
            u.get(uData);
            return new ThinSvd(new Matrix(m, r, uData), sigma, transposeOf(vt.asBuffer(), r, n));
        }
    }

    private static ThinSvd fullSvdFloat(Matrix a) {
        int m = a.rows();
        int n = a.cols();
        int r = Math.min(m, n);
        try (FloatPointer work = toFloat(a.data());
                FloatPointer s = new FloatPointer(r);
                FloatPointer u = new FloatPointer((long) m * r);
                FloatPointer vt = new FloatPointer((long) r * n)) {
            int info = LAPACKE_sgesdd(LAPACK_COL_MAJOR, (byte) 'S', m, n, work, m, s, u, m, vt, r);
            checkInfo(info, "sgesdd", a);
            double[] sigma = toDouble(s.asBuffer(), r);
            double[] uData = toDouble(u.asBuffer(), m * r);
            return new ThinSvd(new Matrix(m, r, uData), sigma, transposeOf(vt.asBuffer(), r, n));
        }
    }

    @Override
    public Matrix multiplyTransposed(Matrix a, Matrix b) {
        if (a.rows() != b.rows()) {
            throw new IllegalArgumentException("a^T b needs equal row counts, got " + a.rows() + " and " + b.rows());
        }
        int k = a.rows();
        int m = a.cols();
        int n = b.cols();
        if (m == 0 || n == 0 || k == 0) {
            return Matrix.zeros(m, n);
        }
        try (DoublePointer ap = new DoublePointer(a.data());
                DoublePointer bp = new DoublePointer(b.data());
                DoublePointer cp = new DoublePointer((long) m * n)) {
            cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, m, n, k, 1.0, ap, k, bp, k, 0.0, cp, m);
            double[] product = new double[m * n];
            cp.get(product);
            return new Matrix(m, n, product);
        }
    }

    /** Turns a LAPACKE status into an exception: negative is a rejected argument, positive no convergence. */
    static void checkInfo(int info, String routine, Matrix a) {
        String shape = a.rows() + " x " + a.cols();
        if (info == -1010 || info == -1011) {
            // LAPACK_WORK_MEMORY_ERROR and LAPACK_TRANSPOSE_MEMORY_ERROR of lapacke.h.
            throw new OutOfMemoryError("LAPACKE_" + routine + " could not allocate its workspace for a " + shape
                    + " matrix");
        }
        if (info < 0) {
            throw new IllegalArgumentException("LAPACKE_" + routine + " rejected argument " + (-info) + " for a "
                    + shape + " matrix (a NaN in the input also causes this)");
        }
        if (info > 0) {
            throw new ArithmeticException("LAPACKE_" + routine + " did not converge on a " + shape + " matrix (info "
                    + info + ")");
        }
    }

    /** Copies values into new native single-precision memory, rounding each to float. */
    static FloatPointer toFloat(double[] values) {
        FloatPointer pointer = new FloatPointer(values.length);
        FloatBuffer buffer = pointer.asBuffer();
        for (int k = 0; k < values.length; k++) {
            buffer.put(k, (float) values[k]);
        }
        return pointer;
    }

    /** Widens the first {@code count} native floats to a new double array. */
    static double[] toDouble(FloatBuffer buffer, int count) {
        double[] out = new double[count];
        for (int k = 0; k < count; k++) {
            out[k] = buffer.get(k);
        }
        return out;
    }

    /** Side of the square tiles of the transposes: 64 x 64 doubles stay in the L1 and L2 caches. */
    private static final int TILE = 64;

    /** Returns the transpose (cols x rows) of a column-major rows x cols matrix held in native memory. */
    static Matrix transposeOf(DoubleBuffer source, int rows, int cols) {
        double[] out = new double[rows * cols];
        for (int i0 = 0; i0 < rows; i0 += TILE) {
            int i1 = Math.min(rows, i0 + TILE);
            for (int j0 = 0; j0 < cols; j0 += TILE) {
                int j1 = Math.min(cols, j0 + TILE);
                for (int j = j0; j < j1; j++) {
                    for (int i = i0; i < i1; i++) {
                        out[i * cols + j] = source.get(j * rows + i);
                    }
                }
            }
        }
        return new Matrix(cols, rows, out);
    }

    /** Single-precision variant of {@link #transposeOf(DoubleBuffer, int, int)}, widening to double. */
    static Matrix transposeOf(FloatBuffer source, int rows, int cols) {
        double[] out = new double[rows * cols];
        for (int i0 = 0; i0 < rows; i0 += TILE) {
            int i1 = Math.min(rows, i0 + TILE);
            for (int j0 = 0; j0 < cols; j0 += TILE) {
                int j1 = Math.min(cols, j0 + TILE);
                for (int j = j0; j < j1; j++) {
                    for (int i = i0; i < i1; i++) {
                        out[i * cols + j] = source.get(j * rows + i);
                    }
                }
            }
        }
        return new Matrix(cols, rows, out);
    }
}

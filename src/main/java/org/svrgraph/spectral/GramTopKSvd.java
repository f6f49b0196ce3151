package org.svrgraph.spectral;

import static org.bytedeco.openblas.global.openblas.CblasColMajor;
import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.CblasUpper;
import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dsyevr;
import static org.bytedeco.openblas.global.openblas.LAPACKE_ssyevr;
import static org.bytedeco.openblas.global.openblas.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas.cblas_dsyrk;
import static org.bytedeco.openblas.global.openblas.cblas_sgemm;
import static org.bytedeco.openblas.global.openblas.cblas_ssyrk;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;

/**
 * The k largest singular triplets of an m x n matrix A through the Gram matrix of its smaller side:
 * G = A A^T when m <= n (else A^T A) by syrk, the top k eigenpairs of G only by syevr (MRRR), and
 * the other side's vectors by one GEMM, w_j = A^T u_j (or A v_j), with sigma_j = ||w_j||.
 *
 * <p>Forming G squares the condition number: a singular value sigma carries an error of about
 * eps sigma_max^2 / sigma, so the large singular values are exact to rounding and the small ones are
 * not. That suits top-k requests; near-kernel analysis needs the full SVD. Taking sigma_j as the norm
 * of w_j rather than the square root of the eigenvalue keeps it accurate down to about eps sigma_max.
 *
 * <p>Zero singular values: a triplet whose ||w_j|| is at or below max(m, n) eps sigma_max, with eps
 * the unit roundoff of the precision, is reported with sigma_j = 0, and its other-side vector is
 * completed to an orthonormal set (a unit vector orthogonal to the others; it lies in the null space
 * of A or A^T because the other vectors span the range). So U and V always have orthonormal columns.
 */
final class GramTopKSvd {

    private GramTopKSvd() {
    }

    /** Eigenvectors of G (s x k, eigenvalues ascending) and the products with A (other x k), column-major. */
    private record GramFactors(double[] eigenvectors, double[] products) {
    }

    /** Computes the top {@code k} triplets, {@code 0 < k < min(rows, cols)}. */
    static ThinSvd compute(Matrix a, int k, Precision precision) {
        boolean gramOfRows = a.rows() <= a.cols();
        GramFactors factors = precision == Precision.FLOAT32
                ? factorFloat(a, k, gramOfRows)
                : factorDouble(a, k, gramOfRows);
        double unitRoundoff = precision == Precision.FLOAT32 ? 0x1p-24 : 0x1p-53;
        return assemble(a, k, gramOfRows, factors, unitRoundoff);
    }

    private static GramFactors factorDouble(Matrix a, int k, boolean gramOfRows) {
        int m = a.rows();
        int n = a.cols();
        int side = Math.min(m, n);
        int other = Math.max(m, n);
        try (DoublePointer ap = new DoublePointer(a.data());
                DoublePointer gram = new DoublePointer((long) side * side);
                DoublePointer eigenvalues = new DoublePointer(side);
                DoublePointer eigenvectors = new DoublePointer((long) side * k);
                IntPointer found = new IntPointer(1);
                IntPointer support = new IntPointer(2L * k);
                DoublePointer products = new DoublePointer((long) other * k)) {
            int trans = gramOfRows ? CblasNoTrans : CblasTrans;
            cblas_dsyrk(CblasColMajor, CblasUpper, trans, side, gramOfRows ? n : m, 1.0, ap, m, 0.0, gram, side);
            int info = LAPACKE_dsyevr(LAPACK_COL_MAJOR, (byte) 'V', (byte) 'I', (byte) 'U', side, gram, side, 0, 0,
                    side - k + 1, side, 0, found, eigenvalues, eigenvectors, side, support);
            NativeLinearAlgebra.checkInfo(info, "dsyevr", a);
            checkFound(found.get(), k, a);
            cblas_dgemm(CblasColMajor, gramOfRows ? CblasTrans : CblasNoTrans, CblasNoTrans, other, k, side, 1.0,
                    ap, m, eigenvectors, side, 0.0, products, other);
            double[] z = new double[side * k];
            eigenvectors.get(z);
            double[] w = new double[other * k];
            products.get(w);
            return new GramFactors(z, w);
        }
    }

    private static GramFactors factorFloat(Matrix a, int k, boolean gramOfRows) {
        int m = a.rows();
        int n = a.cols();
        int side = Math.min(m, n);
        int other = Math.max(m, n);
        try (FloatPointer ap = NativeLinearAlgebra.toFloat(a.data());
                FloatPointer gram = new FloatPointer((long) side * side);
                FloatPointer eigenvalues = new FloatPointer(side);
                FloatPointer eigenvectors = new FloatPointer((long) side * k);
                IntPointer found = new IntPointer(1);
                IntPointer support = new IntPointer(2L * k);
                FloatPointer products = new FloatPointer((long) other * k)) {
            int trans = gramOfRows ? CblasNoTrans : CblasTrans;
            cblas_ssyrk(CblasColMajor, CblasUpper, trans, side, gramOfRows ? n : m, 1.0f, ap, m, 0.0f, gram, side);
            int info = LAPACKE_ssyevr(LAPACK_COL_MAJOR, (byte) 'V', (byte) 'I', (byte) 'U', side, gram, side, 0, 0,
                    side - k + 1, side, 0, found, eigenvalues, eigenvectors, side, support);
            NativeLinearAlgebra.checkInfo(info, "ssyevr", a);
            checkFound(found.get(), k, a);
            cblas_sgemm(CblasColMajor, gramOfRows ? CblasTrans : CblasNoTrans, CblasNoTrans, other, k, side, 1.0f,
                    ap, m, eigenvectors, side, 0.0f, products, other);
            return new GramFactors(NativeLinearAlgebra.toDouble(eigenvectors.asBuffer(), side * k),
                    NativeLinearAlgebra.toDouble(products.asBuffer(), other * k));
        }
    }

    private static void checkFound(int found, int k, Matrix a) {
        if (found != k) {
            throw new ArithmeticException("syevr returned " + found + " eigenpairs instead of " + k
                    + " for the Gram matrix of a " + a.rows() + " x " + a.cols() + " matrix");
        }
    }

    /** Orders the triplets by decreasing sigma, normalises the other side, completes zero triplets. */
    private static ThinSvd assemble(Matrix a, int k, boolean gramOfRows, GramFactors factors, double unitRoundoff) {
        int side = Math.min(a.rows(), a.cols());
        int other = Math.max(a.rows(), a.cols());
        double[] z = factors.eigenvectors();
        double[] w = factors.products();

        double[] norms = new double[k];
        for (int t = 0; t < k; t++) {
            norms[t] = norm(w, t * other, other);
        }
        // syevr returns ascending eigenvalues; the norms follow them up to rounding, so sort by the norms.
        Integer[] order = new Integer[k];
        for (int t = 0; t < k; t++) {
            order[t] = t;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(norms[y], norms[x]));

        double sigmaMax = norms[order[0]];
        double floor = other * unitRoundoff * sigmaMax;
        double[] sigma = new double[k];
        double[] gramSide = new double[side * k];
        double[] otherSide = new double[other * k];
        boolean[] zero = new boolean[k];
        for (int t = 0; t < k; t++) {
            int source = order[t];
            System.arraycopy(z, source * side, gramSide, t * side, side);
            double value = norms[source];
            if (value > floor) {
                sigma[t] = value;
                for (int i = 0; i < other; i++) {
                    otherSide[t * other + i] = w[source * other + i] / value;
                }
            } else {
                zero[t] = true;
            }
        }
        completeOrthonormal(otherSide, other, k, zero);

        Matrix gramVectors = new Matrix(side, k, gramSide);
        Matrix otherVectors = new Matrix(other, k, otherSide);
        return gramOfRows ? new ThinSvd(gramVectors, sigma, otherVectors) : new ThinSvd(otherVectors, sigma, gramVectors);
    }

    /**
     * Fills the flagged columns with unit vectors orthogonal to every other column, by Gram-Schmidt
     * (twice, for orthogonality to rounding) on the coordinate vectors e_0, e_1, ... in turn. The
     * first residual longer than 1/2 is taken; failing that, the longest, which is never zero because
     * fewer than {@code length} columns are set.
     */
    private static void completeOrthonormal(double[] columns, int length, int count, boolean[] missing) {
        for (int t = 0; t < count; t++) {
            if (!missing[t]) {
                continue;
            }
            double[] best = null;
            double bestSize = 0;
            for (int candidate = 0; candidate < length && bestSize <= 0.5; candidate++) {
                double[] x = new double[length];
                x[candidate] = 1;
                for (int pass = 0; pass < 2; pass++) {
                    for (int q = 0; q < count; q++) {
                        boolean isSet = !missing[q] || q < t;
                        if (q != t && isSet) {
                            subtractProjection(x, columns, q * length, length);
                        }
                    }
                }
                double size = norm(x, 0, length);
                if (size > bestSize) {
                    best = x;
                    bestSize = size;
                }
            }
            for (int i = 0; i < length; i++) {
                columns[t * length + i] = best[i] / bestSize;
            }
        }
    }

    private static void subtractProjection(double[] x, double[] columns, int offset, int length) {
        double dot = 0;
        for (int i = 0; i < length; i++) {
            dot += x[i] * columns[offset + i];
        }
        for (int i = 0; i < length; i++) {
            x[i] -= dot * columns[offset + i];
        }
    }

    private static double norm(double[] values, int offset, int length) {
        double sum = 0;
        for (int i = 0; i < length; i++) {
            double v = values[offset + i];
            sum += v * v;
        }
        return Math.sqrt(sum);
    }
}

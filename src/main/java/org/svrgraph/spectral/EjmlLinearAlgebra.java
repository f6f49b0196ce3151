package org.svrgraph.spectral;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.SingularOps_FDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_FDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F32;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Pure-Java linear algebra on EJML, used where no native LAPACK loads. About ten times slower than
 * LAPACK on large SVDs; top-k requests compute the full SVD and keep the leading triplets.
 *
 * <p>EJML stores matrices row-major, so the column-major data of an m x n {@link Matrix} is read as
 * the row-major n x m transpose; the SVD of A^T swaps the roles of U and V.
 */
public final class EjmlLinearAlgebra implements LinearAlgebra {

    @Override
    public String name() {
        return "ejml";
    }

    @Override
    public ThinSvd svd(Matrix a, int topK, Precision precision) {
        ThinSvd full = precision == Precision.FLOAT32 ? svdFloat(a) : svdDouble(a);
        int rank = full.rank();
        if (topK <= 0 || topK >= rank) {
            return full;
        }
        double[] sigma = java.util.Arrays.copyOf(full.sigma(), topK);
        return new ThinSvd(full.u().leadingColumns(topK), sigma, full.v().leadingColumns(topK));
    }

    private static ThinSvd svdDouble(Matrix a) {
        DMatrixRMaj transposed = new DMatrixRMaj(a.cols(), a.rows());
        System.arraycopy(a.data(), 0, transposed.data, 0, a.data().length);
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(a.cols(), a.rows(), true, true, true);
        if (!svd.decompose(transposed)) {
            throw new ArithmeticException("EJML SVD did not converge on a " + a.rows() + " x " + a.cols() + " matrix");
        }
        // Of A^T = P S Q^T: P (cols x r) is V of A and Q (rows x r) is U of A.
        DMatrixRMaj p = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj q = svd.getV(null, false);
        SingularOps_DDRM.descendingOrder(p, false, w, q, false);
        int r = Math.min(a.rows(), a.cols());
        double[] sigma = new double[r];
        for (int k = 0; k < r; k++) {
            sigma[k] = w.get(k, k);
        }
        return new ThinSvd(columnMajor(q, r), sigma, columnMajor(p, r));
    }

    private static ThinSvd svdFloat(Matrix a) {
        FMatrixRMaj transposed = new FMatrixRMaj(a.cols(), a.rows());
        for (int k = 0; k < a.data().length; k++) {
            transposed.data[k] = (float) a.data()[k];
        }
        SingularValueDecomposition_F32<FMatrixRMaj> svd =
                DecompositionFactory_FDRM.svd(a.cols(), a.rows(), true, true, true);
        if (!svd.decompose(transposed)) {
            throw new ArithmeticException("EJML SVD did not converge on a " + a.rows() + " x " + a.cols() + " matrix");
        }
        FMatrixRMaj p = svd.getU(null, false);
        FMatrixRMaj w = svd.getW(null);
        FMatrixRMaj q = svd.getV(null, false);
        SingularOps_FDRM.descendingOrder(p, false, w, q, false);
        int r = Math.min(a.rows(), a.cols());
        double[] sigma = new double[r];
        for (int k = 0; k < r; k++) {
            sigma[k] = w.get(k, k);
        }
        return new ThinSvd(columnMajor(q, r), sigma, columnMajor(p, r));
    }

    /** Copies the first r columns of a row-major EJML matrix into a column-major matrix. */
    private static Matrix columnMajor(DMatrixRMaj m, int r) {
        double[] data = new double[m.numRows * r];
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < r; j++) {
                data[j * m.numRows + i] = m.get(i, j);
            }
        }
        return new Matrix(m.numRows, r, data);
    }

    private static Matrix columnMajor(FMatrixRMaj m, int r) {
        double[] data = new double[m.numRows * r];
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < r; j++) {
                data[j * m.numRows + i] = m.get(i, j);
            }
        }
        return new Matrix(m.numRows, r, data);
    }

    @Override
    public Matrix multiplyTransposed(Matrix a, Matrix b) {
        if (a.rows() != b.rows()) {
            throw new IllegalArgumentException("a^T b needs equal row counts, got " + a.rows() + " and " + b.rows());
        }
        // Row-major views: a.data is a^T (a.cols x a.rows), b.data is b^T (b.cols x b.rows).
        // b^T (a^T)^T = b^T a, whose row-major data is the column-major data of a^T b.
        DMatrixRMaj aTransposed = DMatrixRMaj.wrap(a.cols(), a.rows(), a.data());
        DMatrixRMaj bTransposed = DMatrixRMaj.wrap(b.cols(), b.rows(), b.data());
        DMatrixRMaj product = new DMatrixRMaj(b.cols(), a.cols());
        CommonOps_MT_DDRM.multTransB(bTransposed, aTransposed, product);
        return new Matrix(a.cols(), b.cols(), product.data);
    }
}

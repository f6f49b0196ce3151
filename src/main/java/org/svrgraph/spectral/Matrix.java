package org.svrgraph.spectral;

/**
 * A dense real matrix stored column-major, as LAPACK and BLAS expect: element (i, j) is at
 * {@code data[j * rows + i]}, so column j (a singular vector) is contiguous.
 */
public record Matrix(int rows, int cols, double[] data) {

    public Matrix {
        if (rows < 0 || cols < 0 || (long) rows * cols != data.length) {
            throw new IllegalArgumentException("Matrix " + rows + " x " + cols + " needs " + ((long) rows * cols)
                    + " values, got " + data.length);
        }
    }

    /** Creates a zero matrix. */
    public static Matrix zeros(int rows, int cols) {
        return new Matrix(rows, cols, new double[Math.multiplyExact(rows, cols)]);
    }

    /** Creates a column-major matrix from row-major values, such as a PyTorch weight reshaped to 2-D. */
    public static Matrix fromRowMajor(int rows, int cols, double[] rowMajor) {
        double[] data = new double[rowMajor.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                data[j * rows + i] = rowMajor[i * cols + j];
            }
        }
        return new Matrix(rows, cols, data);
    }

    /** Element (i, j). */
    public double get(int i, int j) {
        return data[j * rows + i];
    }

    /** Returns the values in row-major order, as NumPy's default C order stores them. */
    public double[] toRowMajor() {
        double[] out = new double[data.length];
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                out[i * cols + j] = data[j * rows + i];
            }
        }
        return out;
    }

    /** Returns the transpose as a new matrix. */
    public Matrix transpose() {
        return new Matrix(cols, rows, toRowMajor());
    }

    /** Returns a copy of column j. */
    public double[] column(int j) {
        double[] out = new double[rows];
        System.arraycopy(data, j * rows, out, 0, rows);
        return out;
    }

    /** Returns the first {@code k} columns as a new matrix. */
    public Matrix leadingColumns(int k) {
        double[] out = new double[rows * k];
        System.arraycopy(data, 0, out, 0, out.length);
        return new Matrix(rows, k, out);
    }
}

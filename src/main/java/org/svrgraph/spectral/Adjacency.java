package org.svrgraph.spectral;

import org.svrgraph.chain.FlattenOrder;

/**
 * Computes the adjacency matrix A_l between the spectral neurons of two consecutive layers:
 *
 * <pre>a_ij = sum over p, q of ( sum over c of V_i[c, p] U_j[c, q] )^2</pre>
 *
 * where c runs over the n channels of the link, V_i is next-layer vector i viewed as n x zV and U_j
 * is vector j of this layer viewed as n x zU. The svr method has zU = 1; cosvr between convolutions
 * has zV = 1. In matrix form A = sum over p, q of (V_p^T U_q)^2 elementwise, with V_p the n x r'
 * slice at position p: zV * zU dense products.
 */
final class Adjacency {

    private Adjacency() {
    }

    /**
     * One side of a link: singular vectors as columns, rows indexed by (channel, position).
     *
     * @param vectors the singular vectors, rows = channels * positions
     * @param positions positions per channel (1 when rows are just channels)
     * @param order how (channel, position) maps to a row
     */
    record Side(Matrix vectors, int positions, FlattenOrder order) {
    }

    /** Returns A (r_next x r_this), element (i, j) between neuron j of this layer and i of the next. */
    static Matrix compute(Side next, Side current, int channels, LinearAlgebra algebra) {
        Matrix result = Matrix.zeros(next.vectors().cols(), current.vectors().cols());
        double[] sum = result.data();
        for (int p = 0; p < next.positions(); p++) {
            Matrix nextSlice = slice(next, p, channels);
            for (int q = 0; q < current.positions(); q++) {
                Matrix currentSlice = slice(current, q, channels);
                double[] product = algebra.multiplyTransposed(nextSlice, currentSlice).data();
                for (int k = 0; k < sum.length; k++) {
                    sum[k] += product[k] * product[k];
                }
            }
        }
        return result;
    }

    /** Returns the n x r slice of a side at one position (the side itself when it has one position). */
    static Matrix slice(Side side, int position, int channels) {
        Matrix vectors = side.vectors();
        if (side.positions() == 1) {
            return vectors;
        }
        int rows = vectors.rows();
        int cols = vectors.cols();
        double[] data = new double[channels * cols];
        for (int j = 0; j < cols; j++) {
            int base = j * rows;
            for (int c = 0; c < channels; c++) {
                data[j * channels + c] = vectors.data()[base
                        + side.order().inputIndex(c, position, channels, side.positions())];
            }
        }
        return new Matrix(channels, cols, data);
    }
}

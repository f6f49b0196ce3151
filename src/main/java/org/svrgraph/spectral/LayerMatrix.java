package org.svrgraph.spectral;

import org.svrgraph.chain.LinearMap;
import org.svrgraph.chain.MapKind;

/**
 * Turns a weight tensor (PyTorch layout, row-major) into the matrix M whose SVD gives the spectral
 * neurons, and undoes the orientation trick used to build it cheaply.
 *
 * <p>The matrix is built as M^T in column-major order, which for the svr method is the weight array
 * itself: row-major M and column-major M^T are the same bytes. The SVD of M^T = V S U^T then yields
 * U and V of M with their roles swapped.
 */
final class LayerMatrix {

    private LayerMatrix() {
    }

    /** Returns M^T, column-major, for the given map and method. */
    static Matrix transposed(LinearMap map, SvrMethod method) {
        if (map.kind() == MapKind.FULLY_CONNECTED || method == SvrMethod.SVR) {
            // svr: M = W reshaped to o x (i kh kw); its row-major data is W's.
            return new Matrix(map.columns(), map.outputs(), map.weights().clone());
        }
        return cosvrTransposed(map);
    }

    /**
     * cosvr: M = W permuted to (o, kh, kw, i) and reshaped to (o kh kw) x i. Column (o, p) of M^T
     * contains the i input-channel weights of output channel o at kernel position p.
     */
    private static Matrix cosvrTransposed(LinearMap map) {
        int outputs = map.outputs();
        int inputs = map.inputs();
        int positions = map.kernelPositions();
        double[] weights = map.weights();
        double[] data = new double[weights.length];
        for (int o = 0; o < outputs; o++) {
            for (int c = 0; c < inputs; c++) {
                int source = (o * inputs + c) * positions;
                for (int p = 0; p < positions; p++) {
                    data[(o * positions + p) * inputs + c] = weights[source + p];
                }
            }
        }
        return new Matrix(inputs, outputs * positions, data);
    }

    /** Returns the SVD of M from the SVD of M^T by swapping U and V. */
    static ThinSvd fromTransposed(ThinSvd ofTransposed) {
        return new ThinSvd(ofTransposed.v(), ofTransposed.sigma(), ofTransposed.u());
    }

    /** Frobenius norm of the map's weights, the same for both methods. */
    static double frobeniusNorm(LinearMap map) {
        double sum = 0;
        for (double w : map.weights()) {
            sum += w * w;
        }
        return Math.sqrt(sum);
    }
}

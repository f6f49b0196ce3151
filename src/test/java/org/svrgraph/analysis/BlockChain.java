package org.svrgraph.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.svrgraph.chain.LinearMap;
import org.svrgraph.chain.WeightChain;
import org.svrgraph.spectral.EjmlLinearAlgebra;
import org.svrgraph.spectral.SvrEngine;
import org.svrgraph.spectral.SvrOptions;
import org.svrgraph.spectral.SvrResult;
import org.svrgraph.storage.ModelDescription;

/**
 * A chain of fully connected maps whose SVR is known by construction. Map l is
 * W_l = P_{l+1} diag(s) Q_l^T with orthonormal bases, so its left singular vectors are the columns
 * of P_{l+1} and its right ones the columns of Q_l. The input basis of map l+1 is
 * Q_{l+1} = P_{l+1} M with a block-diagonal orthogonal M, so the adjacency coefficient between
 * neuron j of layer l and neuron i of layer l+1 is a_ij = (u_{l,j} . v_{l+1,i})^2 = M_ji^2.
 *
 * <p>The 22 directions, in decreasing singular value (= spectral neuron index):
 * <ul>
 *   <li>0: the chain direction, s = 1, passed on unchanged (M = 1): a = 1, ratio 22;</li>
 *   <li>1..16: middle directions, s from 0.9 to 0.3, mixed by a 16 x 16 Hadamard matrix / 4 with
 *       shuffled columns: every a = 1/16, ratio 1.375, far below the 3-sigma cut-off 10.27;</li>
 *   <li>17, 18: near-kernel block 2, s = 0.05 and 0.045 (relativeSigma 0.05, 0.045), rotated by
 *       45 degrees: all four a = 0.5, ratio 11, significant;</li>
 *   <li>19, 20, 21: near-kernel block 3, s = 0.03, 0.025, 0.02, mixed by the orthogonal B3 below,
 *       whose squares are [[.5,.5,0],[.25,.25,.5],[.25,.25,.5]]: the edges 19->19, 19->20,
 *       20->21 and 21->21 have a = 0.5 (significant), the others 0.25 or 0.</li>
 * </ul>
 * With {@code mixPairBlock} false, block 2 is passed on unchanged instead (edges 17->17 and
 * 18->18 with a = 1).
 */
public final class BlockChain {

    public static final int WIDTH = 22;
    public static final int MAPS = 5;
    static final double[] SIGMA = sigma();
    /** The 3-sigma cut-off on the ratio n*a for z = 1: the chi-square(1) quantile at upper tail 0.00135. */
    static final double RATIO_CUT_OFF = 10.27;

    private BlockChain() {
    }

    private static double[] sigma() {
        double[] s = new double[WIDTH];
        s[0] = 1;
        for (int k = 0; k < 16; k++) {
            s[1 + k] = 0.9 - 0.04 * k;
        }
        double[] small = {0.05, 0.045, 0.03, 0.025, 0.02};
        System.arraycopy(small, 0, s, 17, 5);
        return s;
    }

    /** Builds the mixing M between the output basis of one map and the input basis of the next. */
    static double[][] mixing(boolean mixPairBlock, long seed) {
        double[][] m = new double[WIDTH][WIDTH];
        m[0][0] = 1;
        double[][] hadamard = {{1}};
        while (hadamard.length < 16) {
            int h = hadamard.length;
            double[][] next = new double[2 * h][2 * h];
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < h; c++) {
                    next[r][c] = hadamard[r][c];
                    next[r][c + h] = hadamard[r][c];
                    next[r + h][c] = hadamard[r][c];
                    next[r + h][c + h] = -hadamard[r][c];
                }
            }
            hadamard = next;
        }
        List<Integer> columns = new ArrayList<>();
        for (int c = 0; c < 16; c++) {
            columns.add(c);
        }
        java.util.Collections.shuffle(columns, new Random(seed));
        for (int r = 0; r < 16; r++) {
            for (int c = 0; c < 16; c++) {
                m[1 + r][1 + c] = hadamard[r][columns.get(c)] / 4;
            }
        }
        double h = Math.sqrt(0.5);
        if (mixPairBlock) {
            m[17][17] = h;
            m[17][18] = -h;
            m[18][17] = h;
            m[18][18] = h;
        } else {
            m[17][17] = 1;
            m[18][18] = 1;
        }
        double[][] b3 = {{h, h, 0}, {0.5, -0.5, h}, {0.5, -0.5, -h}};
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                m[19 + r][19 + c] = b3[r][c];
            }
        }
        return m;
    }

    /** Significant edges of every pair by construction, as {j, i} (from neuron j to neuron i). */
    static List<int[]> expectedEdges(boolean mixPairBlock) {
        double[][] m = mixing(mixPairBlock, 0);
        List<int[]> edges = new ArrayList<>();
        for (int j = 0; j < WIDTH; j++) {
            for (int i = 0; i < WIDTH; i++) {
                if (WIDTH * m[j][i] * m[j][i] >= RATIO_CUT_OFF) {
                    edges.add(new int[] {j, i});
                }
            }
        }
        return edges;
    }

    static WeightChain chain(boolean mixPairBlock, long seed, int mapCount) {
        Random random = new Random(seed);
        double[][] mix = mixing(mixPairBlock, seed);
        double[][] input = orthogonal(random);
        List<LinearMap> maps = new ArrayList<>();
        for (int l = 0; l < mapCount; l++) {
            double[][] output = orthogonal(random);
            double[] weights = new double[WIDTH * WIDTH];
            for (int r = 0; r < WIDTH; r++) {
                for (int c = 0; c < WIDTH; c++) {
                    double sum = 0;
                    for (int k = 0; k < WIDTH; k++) {
                        sum += output[r][k] * SIGMA[k] * input[c][k];
                    }
                    weights[r * WIDTH + c] = sum;
                }
            }
            maps.add(LinearMap.fullyConnected("fc" + l + ".weight", WIDTH, WIDTH, weights));
            input = multiply(output, mix);
        }
        return new WeightChain(maps);
    }

    public static SvrResult svr(boolean mixPairBlock, long seed, int mapCount) {
        return new SvrEngine(new EjmlLinearAlgebra()).compute(chain(mixPairBlock, seed, mapCount),
                SvrOptions.DEFAULTS);
    }

    public static ModelDescription description(String name) {
        return new ModelDescription(name, "/synthetic/" + name, "cd".repeat(32), "synthetic",
                (long) MAPS * WIDTH * WIDTH);
    }

    /** Draws a random orthogonal matrix by Gram-Schmidt on Gaussian columns. */
    private static double[][] orthogonal(Random random) {
        double[][] q = new double[WIDTH][WIDTH];
        for (int c = 0; c < WIDTH; c++) {
            double[] v = new double[WIDTH];
            for (int r = 0; r < WIDTH; r++) {
                v[r] = random.nextGaussian();
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < c; p++) {
                    double dot = 0;
                    for (int r = 0; r < WIDTH; r++) {
                        dot += v[r] * q[r][p];
                    }
                    for (int r = 0; r < WIDTH; r++) {
                        v[r] -= dot * q[r][p];
                    }
                }
            }
            double norm = 0;
            for (double x : v) {
                norm += x * x;
            }
            for (int r = 0; r < WIDTH; r++) {
                q[r][c] = v[r] / Math.sqrt(norm);
            }
        }
        return q;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] c = new double[WIDTH][WIDTH];
        for (int r = 0; r < WIDTH; r++) {
            for (int k = 0; k < WIDTH; k++) {
                for (int col = 0; col < WIDTH; col++) {
                    c[r][col] += a[r][k] * b[k][col];
                }
            }
        }
        return c;
    }
}

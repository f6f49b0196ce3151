package org.svrgraph.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.svrgraph.chain.MapKind;
import org.svrgraph.spectral.LayerPair;
import org.svrgraph.spectral.Matrix;
import org.svrgraph.spectral.NullDistribution;
import org.svrgraph.spectral.PairSignificance;
import org.svrgraph.spectral.SignificanceCriterion;
import org.svrgraph.spectral.SpectralLayer;
import org.svrgraph.spectral.SvrOptions;
import org.svrgraph.spectral.SvrResult;

/**
 * Builds SVR results by hand: singular values, adjacency matrices and intensities chosen by the
 * test, thresholds from the real null distribution. Singular vectors are left empty (0 rows)
 * because the figure never reads them.
 */
final class SvrFixtures {

    /** Link width of every hand-built pair; at z = 1 and 3 sigma the chi-square threshold is about 10.27 / n. */
    static final int LINK_WIDTH = 100;

    private SvrFixtures() {
    }

    /**
     * Returns a result from explicit values.
     *
     * @param sigmas singular values per layer, decreasing
     * @param adjacency per pair l, rows i of layer l+1 by columns j of layer l
     */
    static SvrResult result(List<double[]> sigmas, List<double[][]> adjacency, MapKind[] kinds) {
        SvrOptions options = SvrOptions.DEFAULTS;
        List<SpectralLayer> layers = new ArrayList<>();
        List<double[]> intensities = new ArrayList<>();
        for (int l = 0; l < sigmas.size(); l++) {
            double[] sigma = sigmas.get(l);
            layers.add(new SpectralLayer(l, "features." + (2 * l) + ".weight", kinds[l],
                    kinds[l] == MapKind.CONVOLUTION ? new int[] {sigma.length, 3, 3, 3} : new int[] {sigma.length, 8},
                    sigma, Matrix.zeros(0, sigma.length), Matrix.zeros(0, sigma.length), 1));
            double[] intensity = new double[sigma.length];
            for (int j = 0; j < sigma.length; j++) {
                intensity[j] = l == sigmas.size() - 1 ? 1 : (double) j / Math.max(1, sigma.length - 1);
            }
            intensities.add(intensity);
        }
        List<LayerPair> pairs = new ArrayList<>();
        for (int l = 0; l < adjacency.size(); l++) {
            pairs.add(pair(l, adjacency.get(l), options));
        }
        return new SvrResult(options, layers, pairs, intensities, 0, "test", Map.of());
    }

    static LayerPair pair(int l, double[][] rows, SvrOptions options) {
        int r = rows.length;
        int c = r == 0 ? 0 : rows[0].length;
        double[] rowMajor = new double[r * c];
        for (int i = 0; i < r; i++) {
            System.arraycopy(rows[i], 0, rowMajor, i * c, c);
        }
        NullDistribution nullDistribution = new NullDistribution(LINK_WIDTH, 1);
        double p = options.tailProbability();
        double chiSquare = nullDistribution.chiSquareThreshold(p);
        double exact = nullDistribution.exactThreshold(p);
        PairSignificance significance = new PairSignificance(p, chiSquare, exact, Double.POSITIVE_INFINITY,
                countAtLeast(rowMajor, chiSquare), countAtLeast(rowMajor, exact), 0);
        return new LayerPair(l, nullDistribution, Matrix.fromRowMajor(r, c, rowMajor), significance,
                SignificanceCriterion.CHI_SQUARE, 0, 0, 0);
    }

    private static long countAtLeast(double[] values, double threshold) {
        long count = 0;
        for (double value : values) {
            if (value >= threshold) {
                count++;
            }
        }
        return count;
    }

    /**
     * Returns a random result: singular values decaying geometrically from 10 (the last fifth of each
     * layer near-kernel), chance-level coefficients a = g^2 / n, and {@code planted} strong edges per
     * pair with distinct ratios, among them the chain of index-0 neurons.
     */
    static SvrResult random(long seed, int[] ranks, MapKind[] kinds, int planted) {
        Random random = new Random(seed);
        List<double[]> sigmas = new ArrayList<>();
        for (int rank : ranks) {
            double[] sigma = new double[rank];
            for (int j = 0; j < rank; j++) {
                // sigma_j / sigma_0 = 0.1 at j = 0.8 rank, so the last fifth falls under the near-kernel threshold.
                sigma[j] = 10 * Math.pow(0.1, j / (0.8 * rank));
            }
            sigmas.add(sigma);
        }
        List<double[][]> adjacency = new ArrayList<>();
        for (int l = 0; l + 1 < ranks.length; l++) {
            double[][] rows = new double[ranks[l + 1]][ranks[l]];
            for (double[] row : rows) {
                for (int j = 0; j < row.length; j++) {
                    double g = random.nextGaussian();
                    row[j] = Math.min(1, g * g / LINK_WIDTH);
                }
            }
            rows[0][0] = 0.9;
            for (int k = 0; k < planted; k++) {
                rows[random.nextInt(rows.length)][random.nextInt(rows[0].length)] = 0.2 + 0.7 * random.nextDouble();
            }
            adjacency.add(rows);
        }
        return result(sigmas, adjacency, kinds);
    }

    /** Counts the significant edges of a pair from its adjacency, independently of the code under test. */
    static long significantCount(LayerPair pair) {
        double threshold = pair.significance().chiSquareThreshold();
        long count = 0;
        for (int i = 0; i < pair.adjacency().rows(); i++) {
            for (int j = 0; j < pair.adjacency().cols(); j++) {
                if (pair.adjacency().get(i, j) >= threshold) {
                    count++;
                }
            }
        }
        return count;
    }

    static MapKind[] kinds(int conv, int fc) {
        MapKind[] kinds = new MapKind[conv + fc];
        for (int l = 0; l < kinds.length; l++) {
            kinds[l] = l < conv ? MapKind.CONVOLUTION : MapKind.FULLY_CONNECTED;
        }
        return kinds;
    }
}

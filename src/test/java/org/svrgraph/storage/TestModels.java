package org.svrgraph.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.svrgraph.chain.LinearMap;
import org.svrgraph.chain.MapKind;
import org.svrgraph.chain.WeightChain;
import org.svrgraph.spectral.EjmlLinearAlgebra;
import org.svrgraph.spectral.LayerPair;
import org.svrgraph.spectral.Matrix;
import org.svrgraph.spectral.NullDistribution;
import org.svrgraph.spectral.PairSignificance;
import org.svrgraph.spectral.Precision;
import org.svrgraph.spectral.SignificanceCriterion;
import org.svrgraph.spectral.SpectralLayer;
import org.svrgraph.spectral.SvrEngine;
import org.svrgraph.spectral.SvrMethod;
import org.svrgraph.spectral.SvrOptions;
import org.svrgraph.spectral.SvrResult;

/** Chains and SVR results for storage tests. */
final class TestModels {

    /**
     * Options with a low sigma level (tail probability 0.16), so that random weights give many
     * significant edges, and a near-kernel threshold that marks the smaller half of most layers.
     */
    static final SvrOptions OPTIONS = new SvrOptions(SvrMethod.SVR, 1.0, SignificanceCriterion.CHI_SQUARE, 0.05, 0,
            Precision.FLOAT64, false, 0.5);

    private TestModels() {
    }

    /** Creates a small conv, conv, fc, fc chain with Gaussian weights; the first fc map has 4 positions per channel. */
    static WeightChain chain(long seed) {
        Random random = new Random(seed);
        return new WeightChain(List.of(
                LinearMap.convolution("features.0.weight", 6, 3, 3, 3, gaussian(random, 6 * 3 * 9)),
                LinearMap.convolution("features.2.weight", 8, 6, 3, 3, gaussian(random, 8 * 6 * 9)),
                LinearMap.fullyConnected("classifier.0.weight", 12, 8 * 4, gaussian(random, 12 * 32)),
                LinearMap.fullyConnected("classifier.2.weight", 5, 12, gaussian(random, 5 * 12))));
    }

    /** Computes the engine's SVR of {@link #chain(long)}. */
    static SvrResult svr(long seed) {
        return new SvrEngine(new EjmlLinearAlgebra()).compute(chain(seed), OPTIONS);
    }

    static ModelDescription description(String name, WeightChain chain) {
        return new ModelDescription(name, "/models/" + name + ".safetensors", "ab".repeat(32), "safetensors",
                chain.parameterCount());
    }

    static double[] gaussian(Random random, int count) {
        double[] values = new double[count];
        for (int k = 0; k < count; k++) {
            values[k] = random.nextGaussian();
        }
        return values;
    }

    /**
     * Creates a synthetic SVR of {@code layers} fully connected layers of {@code width} spectral neurons,
     * whose coefficients are drawn from the null (a = g^2 / n with g standard normal), for write
     * benchmarks where running SVDs would only cost time. Singular vectors are left empty.
     */
    static SvrResult synthetic(int layers, int width, double sigmaLevel, long seed) {
        Random random = new Random(seed);
        SvrOptions options = new SvrOptions(SvrMethod.SVR, sigmaLevel, SignificanceCriterion.CHI_SQUARE, 0.05, 0,
                Precision.FLOAT64, false, 0.1);
        List<SpectralLayer> spectralLayers = new ArrayList<>();
        List<double[]> intensities = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            double[] sigma = new double[width];
            for (int j = 0; j < width; j++) {
                sigma[j] = width - j;
            }
            spectralLayers.add(new SpectralLayer(l, "layer" + l + ".weight", MapKind.FULLY_CONNECTED,
                    new int[] {width, width}, sigma, Matrix.zeros(0, width), Matrix.zeros(0, width), width));
            double[] intensity = new double[width];
            for (int j = 0; j < width; j++) {
                intensity[j] = random.nextDouble();
            }
            intensities.add(intensity);
        }
        List<LayerPair> pairs = new ArrayList<>();
        for (int l = 0; l + 1 < layers; l++) {
            NullDistribution nullDistribution = new NullDistribution(width, 1);
            double[] a = new double[width * width];
            for (int k = 0; k < a.length; k++) {
                double g = random.nextGaussian();
                a[k] = g * g / width;
            }
            double p = options.tailProbability();
            double threshold = nullDistribution.chiSquareThreshold(p);
            long count = 0;
            for (double value : a) {
                if (value >= threshold) {
                    count++;
                }
            }
            PairSignificance significance = new PairSignificance(p, threshold, threshold, threshold, count, count,
                    count);
            pairs.add(new LayerPair(l, nullDistribution, new Matrix(width, width, a), significance,
                    SignificanceCriterion.CHI_SQUARE, 0, 0, 0));
        }
        Map<String, Double> stages = new HashMap<>();
        return new SvrResult(options, spectralLayers, pairs, intensities, 0, "synthetic", stages);
    }
}

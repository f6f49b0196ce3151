package org.svrgraph.spectral;

import org.svrgraph.chain.MapKind;

/**
 * The spectral neurons of one layer: the singular triplets (sigma_j, u_j, v_j) of its matrix M,
 * index 0 the largest singular value.
 *
 * @param index position of the map in the chain, from 0
 * @param name the map's tensor name
 * @param kind fully connected or convolution
 * @param shape the weight tensor's shape in PyTorch layout
 * @param sigma singular values in decreasing order
 * @param u left singular vectors as columns (rows of M x rank)
 * @param v right singular vectors as columns (columns of M x rank)
 * @param frobeniusNorm Frobenius norm of M, over all singular values even when only the top k were kept
 */
public record SpectralLayer(int index, String name, MapKind kind, int[] shape, double[] sigma, Matrix u,
        Matrix v, double frobeniusNorm) {

    /** Number of spectral neurons kept. */
    public int rank() {
        return sigma.length;
    }

    /** Largest singular value, 0 for an all-zero map. */
    public double sigmaMax() {
        return sigma.length == 0 ? 0 : sigma[0];
    }

    /** Singular value of neuron j relative to the largest, between 0 and 1 (0 for an all-zero map). */
    public double relativeSigma(int j) {
        double max = sigmaMax();
        return max > 0 ? sigma[j] / max : 0;
    }

    /** Stable rank ||M||_F^2 / sigma_max^2, a smooth count of the large singular values. */
    public double stableRank() {
        double max = sigmaMax();
        return max > 0 ? frobeniusNorm * frobeniusNorm / (max * max) : 0;
    }

    /** Returns whether neuron j is near-kernel: sigma_j / sigma_max below the threshold. */
    public boolean nearKernel(int j, double threshold) {
        return relativeSigma(j) < threshold;
    }
}

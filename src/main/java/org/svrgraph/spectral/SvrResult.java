package org.svrgraph.spectral;

import java.util.List;
import java.util.Map;

/**
 * The Singular Value Representation of a chain: spectral neurons per layer, adjacency and
 * significance per consecutive pair, and the quantities derived from them.
 *
 * @param options the settings used
 * @param layers spectral layers in chain order
 * @param pairs layer pairs, pairs.get(l) between layers l and l+1
 * @param intensities node intensity of every spectral neuron, per layer (1 for the last layer)
 * @param pathMetric path metric with singular values and no threshold
 * @param backend name of the linear-algebra backend that ran
 * @param stageSeconds wall-clock seconds per stage (svd, adjacency, significance), in stage order
 */
public record SvrResult(SvrOptions options, List<SpectralLayer> layers, List<LayerPair> pairs,
        List<double[]> intensities, double pathMetric, String backend, Map<String, Double> stageSeconds) {

    public SvrResult {
        layers = List.copyOf(layers);
        pairs = List.copyOf(pairs);
        intensities = List.copyOf(intensities);
        stageSeconds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageSeconds));
    }

    /** Number of spectral neurons over all layers. */
    public long neuronCount() {
        long count = 0;
        for (SpectralLayer layer : layers) {
            count += layer.rank();
        }
        return count;
    }

    /** Number of significant edges over all pairs, under the criterion in force. */
    public long significantEdgeCount() {
        long count = 0;
        for (LayerPair pair : pairs) {
            count += pair.significantCount();
        }
        return count;
    }

    /** Returns whether neuron j of layer l is near-kernel under the options' threshold. */
    public boolean nearKernel(int l, int j) {
        return layers.get(l).nearKernel(j, options.nearKernelThreshold());
    }
}

package org.svrgraph.storage;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.svrgraph.spectral.LayerPair;
import org.svrgraph.spectral.SpectralLayer;
import org.svrgraph.spectral.SvrOptions;
import org.svrgraph.spectral.SvrResult;

/** Property maps of the graph's nodes and relationships, built from an SVR result. */
final class GraphProperties {

    private GraphProperties() {
    }

    /** Properties of the Model node; null values are left out by Cypher's SET. */
    static Map<String, Object> model(ModelDescription model, SvrResult result, LoadOptions load, long edgeCount,
            String toolVersion) {
        SvrOptions options = result.options();
        Map<String, Object> properties = new HashMap<>();
        properties.put("name", model.name());
        properties.put("source", model.source());
        properties.put("sha256", model.sha256());
        properties.put("format", model.format());
        properties.put("method", options.method().label());
        properties.put("sigmaLevel", options.sigmaLevel());
        properties.put("criterion", options.criterion().label());
        properties.put("fdrLevel", options.fdrLevel());
        properties.put("topK", options.topK());
        properties.put("precision", options.precision().name().toLowerCase(Locale.ROOT));
        properties.put("foldBatchNorm", options.foldBatchNorm());
        properties.put("nearKernelThreshold", options.nearKernelThreshold());
        properties.put("layerCount", result.layers().size());
        properties.put("parameterCount", model.parameterCount());
        properties.put("neuronCount", result.neuronCount());
        properties.put("edgeCount", edgeCount);
        properties.put("significantEdgeCount", result.significantEdgeCount());
        properties.put("storeTop", load.storeTop());
        properties.put("pathMetric", result.pathMetric());
        properties.put("backend", result.backend());
        properties.put("toolVersion", toolVersion);
        return properties;
    }

    /** Properties of a Layer node. */
    static Map<String, Object> layer(String modelName, SpectralLayer layer) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("model", modelName);
        properties.put("index", layer.index());
        properties.put("name", layer.name());
        properties.put("kind", layer.kind().shortName());
        properties.put("shape", layer.shape());
        properties.put("rank", layer.rank());
        properties.put("sigmaMax", layer.sigmaMax());
        properties.put("frobeniusNorm", layer.frobeniusNorm());
        properties.put("stableRank", layer.stableRank());
        return properties;
    }

    /** Properties of the NEXT relationship between layer l and l+1: the pair's statistics. */
    static Map<String, Object> next(LayerPair pair) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("n", pair.n());
        properties.put("z", pair.z());
        properties.put("criterion", pair.criterion().label());
        properties.put("threshold", finiteOrNull(pair.threshold()));
        properties.put("significantEdges", pair.significantCount());
        properties.put("layerDimension", pair.layerDimension());
        properties.put("nextLayerDimension", pair.nextLayerDimension());
        properties.put("entropy", pair.entropy());
        return properties;
    }

    /** Properties of a SpectralNeuron node. */
    static Map<String, Object> neuron(String modelName, SpectralLayer layer, int j, double intensity,
            boolean nearKernel) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("model", modelName);
        properties.put("layer", layer.index());
        properties.put("index", j);
        properties.put("sigma", layer.sigma()[j]);
        properties.put("relativeSigma", layer.relativeSigma(j));
        properties.put("intensity", intensity);
        properties.put("nearKernel", nearKernel);
        return properties;
    }

    /** Returns null for an infinite threshold (Benjamini-Hochberg passes no edge), so it is stored as absent. */
    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}

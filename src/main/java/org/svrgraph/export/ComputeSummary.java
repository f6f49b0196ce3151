package org.svrgraph.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.svrgraph.Version;
import org.svrgraph.spectral.LayerPair;
import org.svrgraph.spectral.PairSignificance;
import org.svrgraph.spectral.SignificanceCriterion;
import org.svrgraph.spectral.SpectralLayer;
import org.svrgraph.spectral.SvrOptions;
import org.svrgraph.spectral.SvrResult;

/**
 * Builds the content of summary.json: layers, pairs with their significance under every criterion,
 * derived quantities, options and tool version, as nested maps for a JSON writer.
 */
final class ComputeSummary {

    private ComputeSummary() {
    }

    static Map<String, Object> of(SvrResult result, String source, String format) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("tool", "svr-graph");
        summary.put("toolVersion", Version.get());
        summary.put("source", source);
        summary.put("format", format);
        summary.put("options", options(result.options(), result.backend()));
        summary.put("layers", layers(result));
        summary.put("pairs", pairs(result));
        summary.put("pathMetric", result.pathMetric());
        summary.put("neuronCount", result.neuronCount());
        summary.put("significantEdgeCount", result.significantEdgeCount());
        summary.put("stageSeconds", result.stageSeconds());
        return summary;
    }

    private static Map<String, Object> options(SvrOptions options, String backend) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("method", options.method().label());
        map.put("sigmaLevel", options.sigmaLevel());
        map.put("tailProbability", options.tailProbability());
        map.put("criterion", options.criterion().label());
        map.put("fdrLevel", options.fdrLevel());
        map.put("topK", options.topK());
        map.put("precision", options.precision().name().toLowerCase(java.util.Locale.ROOT));
        map.put("foldBatchNorm", options.foldBatchNorm());
        map.put("nearKernelThreshold", options.nearKernelThreshold());
        map.put("backend", backend);
        return map;
    }

    private static List<Object> layers(SvrResult result) {
        List<Object> layers = new ArrayList<>();
        for (SpectralLayer layer : result.layers()) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("index", layer.index());
            map.put("name", layer.name());
            map.put("kind", layer.kind().shortName());
            map.put("shape", layer.shape());
            map.put("rank", layer.rank());
            map.put("sigmaMax", layer.sigmaMax());
            map.put("frobeniusNorm", layer.frobeniusNorm());
            map.put("stableRank", layer.stableRank());
            int nearKernel = 0;
            for (int j = 0; j < layer.rank(); j++) {
                nearKernel += result.nearKernel(layer.index(), j) ? 1 : 0;
            }
            map.put("nearKernelCount", nearKernel);
            map.put("intensity", result.intensities().get(layer.index()));
            layers.add(map);
        }
        return layers;
    }

    private static List<Object> pairs(SvrResult result) {
        List<Object> pairs = new ArrayList<>();
        for (LayerPair pair : result.pairs()) {
            PairSignificance significance = pair.significance();
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("index", pair.index());
            map.put("from", result.layers().get(pair.index()).name());
            map.put("to", result.layers().get(pair.index() + 1).name());
            map.put("n", pair.n());
            map.put("z", pair.z());
            map.put("shape", new int[] {pair.adjacency().rows(), pair.adjacency().cols()});
            Map<String, Object> thresholds = new LinkedHashMap<>();
            Map<String, Object> counts = new LinkedHashMap<>();
            for (SignificanceCriterion criterion : SignificanceCriterion.values()) {
                double threshold = significance.threshold(criterion);
                thresholds.put(criterion.label(), Double.isFinite(threshold) ? threshold : null);
                counts.put(criterion.label(), significance.count(criterion));
            }
            map.put("threshold", thresholds);
            map.put("significantEdges", counts);
            map.put("criterion", pair.criterion().label());
            map.put("significantEdgesInForce", pair.significantCount());
            map.put("internalDimensions", Map.of("layer", pair.layerDimension(),
                    "nextLayer", pair.nextLayerDimension()));
            map.put("entropy", pair.entropy());
            map.put("maxRatio", maxRatio(pair));
            pairs.add(map);
        }
        return pairs;
    }

    private static double maxRatio(LayerPair pair) {
        double max = 0;
        for (double a : pair.adjacency().data()) {
            max = Math.max(max, a);
        }
        return max * pair.n();
    }
}

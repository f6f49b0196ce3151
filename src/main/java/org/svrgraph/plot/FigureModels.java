package org.svrgraph.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.svrgraph.spectral.LayerPair;
import org.svrgraph.spectral.SpectralLayer;
import org.svrgraph.spectral.SignificanceCriterion;
import org.svrgraph.spectral.SvrOptions;
import org.svrgraph.spectral.SvrResult;

/** Builds the figure model of a computed SVR. */
public final class FigureModels {

    private FigureModels() {
    }

    /**
     * Returns the figure of {@code result}: every spectral neuron, at most {@code maxEdges}
     * significant edges per layer pair (0 for all), strongest first by ratio, and the requested
     * highlights, computed on all significant edges.
     *
     * @param chainTopK the dominant chain runs through neurons with index below this
     * @throws IllegalArgumentException when the result has fewer than two layers
     */
    public static FigureModel fromResult(SvrResult result, String modelName, int maxEdges,
            Set<HighlightKind> highlights, int chainTopK) {
        if (maxEdges < 0) {
            throw new IllegalArgumentException("The edge cap must be 0 (no cap) or positive, got " + maxEdges);
        }
        List<FigureLayer> layers = new ArrayList<>();
        for (int l = 0; l < result.layers().size(); l++) {
            layers.add(toLayer(result, l));
        }
        List<FigureEdges> pairs = new ArrayList<>();
        for (LayerPair pair : result.pairs()) {
            pairs.add(SignificantEdges.strongest(pair, maxEdges));
        }
        boolean drawable = result.layers().size() >= 2;
        Optional<HighlightGroup> chain = drawable && highlights.contains(HighlightKind.CHAIN)
                ? DominantChain.find(result, chainTopK) : Optional.empty();
        List<HighlightGroup> clusters = drawable && highlights.contains(HighlightKind.NEAR_KERNEL)
                ? NearKernelClusters.find(result, maxEdges) : List.of();
        return new FigureModel(modelName, result.options().method().label(), criterionText(result.options()),
                result.options().sigmaLevel(), result.options().nearKernelThreshold(), layers, pairs, maxEdges,
                new Highlights(highlights, chain, chainTopK, clusters));
    }

    /**
     * Returns the figure of an SVR given by its significant edges, such as a model read back from
     * Neo4j. It equals what {@link #fromResult} gives for the same SVR: the same cap, edge order
     * and highlights.
     *
     * @throws IllegalArgumentException when the data has fewer than two layers
     */
    public static FigureModel fromData(FigureData data, int maxEdges, Set<HighlightKind> highlights, int chainTopK) {
        if (maxEdges < 0) {
            throw new IllegalArgumentException("The edge cap must be 0 (no cap) or positive, got " + maxEdges);
        }
        List<FigureEdges> pairs = new ArrayList<>();
        for (FigureEdges all : data.significantEdges()) {
            pairs.add(SignificantEdges.strongest(all, maxEdges));
        }
        SignificantGraph graph = new EdgeListGraph(data.layers(), data.significantEdges());
        boolean drawable = data.layers().size() >= 2;
        Optional<HighlightGroup> chain = drawable && highlights.contains(HighlightKind.CHAIN)
                ? DominantChain.find(graph, chainTopK) : Optional.empty();
        List<HighlightGroup> clusters = drawable && highlights.contains(HighlightKind.NEAR_KERNEL)
                ? NearKernelClusters.find(graph, maxEdges) : List.of();
        SvrOptions options = data.options();
        return new FigureModel(data.modelName(), options.method().label(), criterionText(options),
                options.sigmaLevel(), options.nearKernelThreshold(), data.layers(), pairs, maxEdges,
                new Highlights(highlights, chain, chainTopK, clusters));
    }

    private static FigureLayer toLayer(SvrResult result, int l) {
        SpectralLayer layer = result.layers().get(l);
        boolean[] nearKernel = new boolean[layer.rank()];
        for (int j = 0; j < nearKernel.length; j++) {
            nearKernel[j] = result.nearKernel(l, j);
        }
        double[] intensity = l < result.intensities().size() ? result.intensities().get(l).clone()
                : new double[layer.rank()];
        return new FigureLayer(layer.name(), layer.kind().shortName(), layer.sigma().clone(), intensity, nearKernel);
    }

    /**
     * Returns the criterion with the level it uses: the sigma level for the chi-square and exact Beta
     * criteria, the false-discovery rate q for Benjamini-Hochberg.
     */
    static String criterionText(SvrOptions options) {
        if (options.criterion() == SignificanceCriterion.BENJAMINI_HOCHBERG) {
            return options.criterion().label() + " at q = " + FigurePainter.trim(options.fdrLevel());
        }
        return options.criterion().label() + " at " + FigurePainter.trim(options.sigmaLevel()) + "σ";
    }
}

package org.svrgraph.plot;

import java.util.List;
import org.svrgraph.spectral.SvrOptions;

/**
 * An SVR given by its spectral neurons and its significant edges only, without the adjacency
 * matrices: what a model stored in Neo4j holds.
 *
 * @param modelName the model's name for the title
 * @param options the settings the SVR was computed with
 * @param layers the columns, in chain order
 * @param significantEdges every significant edge of each layer pair, significantEdges.get(l)
 *     between layers l and l + 1, in any order and not capped (so significantCount equals size)
 */
public record FigureData(String modelName, SvrOptions options, List<FigureLayer> layers,
        List<FigureEdges> significantEdges) {

    public FigureData {
        layers = List.copyOf(layers);
        significantEdges = List.copyOf(significantEdges);
        if (significantEdges.size() != Math.max(0, layers.size() - 1)) {
            throw new IllegalArgumentException("Model '" + modelName + "' has " + layers.size() + " layers but "
                    + significantEdges.size() + " layer pairs of edges; expected " + Math.max(0, layers.size() - 1));
        }
        for (FigureEdges edges : significantEdges) {
            if (edges.capped()) {
                throw new IllegalArgumentException("Layer pair " + edges.pair() + " of model '" + modelName
                        + "' holds " + edges.size() + " of " + edges.significantCount()
                        + " significant edges; the figure data needs all of them");
            }
        }
    }
}

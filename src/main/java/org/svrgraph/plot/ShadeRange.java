package org.svrgraph.plot;

import java.util.List;

/**
 * The range of edge strengths over every drawn edge of a figure, so that one shade means one
 * strength in every panel.
 *
 * @param shade the measure shaded
 * @param min smallest measure drawn
 * @param max largest measure drawn
 */
record ShadeRange(EdgeShade shade, double min, double max) {

    static ShadeRange of(List<FigureModel> figures, EdgeShade shade) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (FigureModel figure : figures) {
            for (FigureEdges edges : figure.pairs()) {
                for (int e = 0; e < edges.size(); e++) {
                    double measure = shade.measure(edges.ratio()[e], edges.pValue()[e]);
                    min = Math.min(min, measure);
                    max = Math.max(max, measure);
                }
            }
        }
        if (min > max) {
            return new ShadeRange(shade, 0, 0);
        }
        return new ShadeRange(shade, min, max);
    }

    /** Returns the position of an edge's strength in the range, 0 for the weakest and 1 for the strongest. */
    double fraction(double ratio, double pValue) {
        if (!(max > min)) {
            return 1;
        }
        return (shade.measure(ratio, pValue) - min) / (max - min);
    }

    boolean empty() {
        return min == 0 && max == 0;
    }
}

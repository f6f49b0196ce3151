package org.svrgraph.plot;

import java.util.List;

/** Renders the SVR figure as a standalone SVG document, for papers. */
public final class SvgFigure {

    private SvgFigure() {
    }

    /** Returns the SVG document of the figures, side by side on one y axis. */
    public static String render(List<FigureModel> figures, PlotOptions options) {
        FigureLayout layout = new FigureLayout(figures, YAxis.covering(figures, options.yScale()), options.width(),
                options.height());
        SvgCanvas canvas = new SvgCanvas(options.width(), options.height());
        new FigurePainter(layout, ShadeRange.of(figures, options.edgeShade()), canvas).paint();
        return canvas.finish();
    }
}

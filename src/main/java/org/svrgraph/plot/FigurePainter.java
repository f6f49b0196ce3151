package org.svrgraph.plot;

import java.awt.Color;
import java.util.List;
import org.svrgraph.plot.FigureCanvas.Anchor;

/**
 * Draws the SVR figure on a canvas: one column per layer, each spectral neuron a dot at its singular
 * value, the drawn significant edges below the dots, highlights on top, then axes, labels and legend.
 */
final class FigurePainter {

    private final FigureLayout layout;
    private final ShadeRange shades;
    private final FigureCanvas canvas;

    FigurePainter(FigureLayout layout, ShadeRange shades, FigureCanvas canvas) {
        this.layout = layout;
        this.shades = shades;
        this.canvas = canvas;
    }

    /** Draws the whole figure. */
    void paint() {
        canvas.rect(0, 0, layout.width, layout.height, FigureColors.BACKGROUND, null);
        paintTitle();
        paintYAxis();
        for (int p = 0; p < layout.figures.size(); p++) {
            paintPanel(p);
        }
        new LegendPainter(layout, shades, canvas).paint();
    }

    private void paintTitle() {
        List<String> names = layout.figures.stream().map(FigureModel::modelName).toList();
        String title = (names.size() == 1 ? "SVR graph: " : "SVR graphs: ") + String.join("  |  ", names);
        canvas.text(layout.plotLeft, 24, title, FigureLayout.TITLE_SIZE, Anchor.START, 0, FigureColors.TEXT, true);
        for (int p = 0; p < layout.figures.size(); p++) {
            FigureModel figure = layout.figures.get(p);
            double x = layout.figures.size() == 1 ? layout.plotLeft : layout.panelLeft(p);
            double y = layout.figures.size() == 1 ? 44 : 48;
            if (layout.figures.size() > 1) {
                canvas.text(x, y, figure.modelName(), FigureLayout.TEXT_SIZE + 1, Anchor.START, 0, FigureColors.TEXT,
                        true);
                y += 16;
            }
            canvas.text(x, y, describe(figure), FigureLayout.TEXT_SIZE, Anchor.START, 0, FigureColors.MUTED, false);
        }
    }

    /** Returns the header line of a panel: method, criterion, sigma level and what the cap left out. */
    static String describe(FigureModel figure) {
        String settings = "method " + figure.method() + ", " + figure.criterion();
        long drawn = figure.drawnEdgeCount();
        long significant = figure.significantEdgeCount();
        if (significant == 0) {
            return settings + ", no significant edge";
        }
        if (figure.cappedPairCount() == 0) {
            return settings + ", all " + significant + " significant edges drawn";
        }
        return settings + ", " + drawn + " of " + significant + " significant edges drawn (cap: strongest "
                + figure.maxEdges() + " per layer pair, applied on " + figure.cappedPairCount() + " of "
                + figure.pairs().size() + " pairs)";
    }

    private void paintYAxis() {
        double left = layout.plotLeft;
        for (Tick tick : layout.axis.ticks()) {
            double y = layout.fractionY(layout.axis.tickFraction(tick.value()));
            canvas.line(left, y, layout.plotRight, y, FigureColors.GRID, 0.8, 1);
            canvas.line(left - 5, y, left, y, FigureColors.AXIS, 1, 1);
            canvas.text(left - 8, y + 3.5, tick.label(), FigureLayout.LABEL_SIZE, Anchor.END, 0, FigureColors.TEXT,
                    false);
        }
        canvas.line(left, layout.plotTop, left, layout.plotBottom, FigureColors.AXIS, 1, 1);
        canvas.line(left, layout.plotBottom, layout.plotRight, layout.plotBottom, FigureColors.AXIS, 1, 1);
        double middle = (layout.plotTop + layout.plotBottom) / 2;
        canvas.text(20, middle, layout.axis.caption(), FigureLayout.TEXT_SIZE, Anchor.MIDDLE, -90, FigureColors.TEXT,
                false);
        canvas.text((layout.plotLeft + layout.plotRight) / 2, layout.height - 8, "layer (chain order)",
                FigureLayout.TEXT_SIZE, Anchor.MIDDLE, 0, FigureColors.TEXT, false);
    }

    private void paintPanel(int panel) {
        FigureModel figure = layout.figures.get(panel);
        canvas.beginGroup("panel", "model", figure.modelName());
        for (FigureEdges edges : figure.pairs()) {
            paintEdges(panel, figure, edges);
        }
        paintHighlightEdges(panel, figure);
        for (int l = 0; l < figure.layers().size(); l++) {
            paintNeurons(panel, l, figure.layers().get(l));
        }
        paintHighlightNeurons(panel, figure);
        for (int l = 0; l < figure.layers().size(); l++) {
            paintColumnLabel(panel, l, figure.layers().get(l));
        }
        canvas.endGroup();
    }

    /** Draws the pair's edges weakest first, so that the strongest end up on top. */
    private void paintEdges(int panel, FigureModel figure, FigureEdges edges) {
        canvas.beginGroup("edges", "pair", Integer.toString(edges.pair()));
        FigureLayer previous = figure.layers().get(edges.pair());
        FigureLayer next = figure.layers().get(edges.pair() + 1);
        double x1 = layout.columnX(panel, edges.pair());
        double x2 = layout.columnX(panel, edges.pair() + 1);
        for (int e = edges.size() - 1; e >= 0; e--) {
            double shade = shades.fraction(edges.ratio()[e], edges.pValue()[e]);
            canvas.line(x1, layout.neuronY(previous, edges.previous()[e]), x2, layout.neuronY(next, edges.next()[e]),
                    FigureColors.EDGE, 0.5 + 0.7 * shade, FigureColors.edgeOpacity(shade));
        }
        canvas.endGroup();
    }

    private void paintHighlightEdges(int panel, FigureModel figure) {
        Highlights highlights = figure.highlights();
        for (int c = 0; c < highlights.clusters().size(); c++) {
            canvas.beginGroup("cluster-edges", "cluster", Integer.toString(c));
            for (HighlightEdge edge : highlights.clusters().get(c).edges()) {
                paintHighlightEdge(panel, figure, edge, FigureColors.cluster(firstCluster(panel) + c), 1.2);
            }
            canvas.endGroup();
        }
        highlights.chain().ifPresent(chain -> {
            canvas.beginGroup("chain-edges", null, null);
            for (HighlightEdge edge : chain.edges()) {
                paintHighlightEdge(panel, figure, edge, FigureColors.CHAIN, 2.4);
            }
            canvas.endGroup();
        });
    }

    private void paintHighlightEdge(int panel, FigureModel figure, HighlightEdge edge, Color color, double width) {
        FigureLayer previous = figure.layers().get(edge.pair());
        FigureLayer next = figure.layers().get(edge.pair() + 1);
        canvas.line(layout.columnX(panel, edge.pair()), layout.neuronY(previous, edge.previous()),
                layout.columnX(panel, edge.pair() + 1), layout.neuronY(next, edge.next()), color, width, 0.85);
    }

    /** Smallest radius of a near-kernel ring, in pixels (SVG user units). */
    static final double MIN_RING_RADIUS = 2.5;

    /** Draws the neurons of a layer in index order; near-kernel neurons are rings. */
    private void paintNeurons(int panel, int l, FigureLayer layer) {
        canvas.beginGroup("layer", "layer", Integer.toString(l));
        double x = layout.columnX(panel, l);
        double r = layout.nodeRadius;
        for (int j = 0; j < layer.rank(); j++) {
            Color color = FigureColors.neuron(layer.convolution(), layer.intensity()[j]);
            if (layer.nearKernel()[j]) {
                // Rings stay visible where the dots of a wide layer shrink to a pixel.
                double ringRadius = Math.max(r, MIN_RING_RADIUS);
                canvas.circle(x, layout.neuronY(layer, j), ringRadius, Color.WHITE,
                        FigureColors.mix(color, Color.BLACK, 0.2), Math.max(0.9, ringRadius * 0.45));
            } else {
                canvas.circle(x, layout.neuronY(layer, j), r, color, null, 0);
            }
        }
        canvas.endGroup();
    }

    private void paintHighlightNeurons(int panel, FigureModel figure) {
        Highlights highlights = figure.highlights();
        double r = layout.nodeRadius + 2;
        for (int c = 0; c < highlights.clusters().size(); c++) {
            canvas.beginGroup("cluster-neurons", "cluster", Integer.toString(c));
            for (NeuronRef neuron : highlights.clusters().get(c).neurons()) {
                paintRing(panel, figure, neuron, FigureColors.cluster(firstCluster(panel) + c), r);
            }
            canvas.endGroup();
        }
        highlights.chain().ifPresent(chain -> {
            canvas.beginGroup("chain-neurons", null, null);
            for (NeuronRef neuron : chain.neurons()) {
                paintRing(panel, figure, neuron, FigureColors.CHAIN, r + 1);
            }
            canvas.endGroup();
        });
    }

    private void paintRing(int panel, FigureModel figure, NeuronRef neuron, Color color, double r) {
        FigureLayer layer = figure.layers().get(neuron.layer());
        canvas.circle(layout.columnX(panel, neuron.layer()), layout.neuronY(layer, neuron.index()), r, null, color,
                1.4);
    }

    private void paintColumnLabel(int panel, int l, FigureLayer layer) {
        double x = layout.columnX(panel, l);
        double y = layout.plotBottom + 14;
        Color color = layer.convolution() ? FigureColors.CONV : FigureColors.FC;
        String label = FigureLayout.columnLabel(layer.name());
        if (layout.rotateLabels) {
            canvas.text(x + 3, y, label, FigureLayout.LABEL_SIZE, Anchor.END, -45, color, false);
        } else {
            canvas.text(x, y, label, FigureLayout.LABEL_SIZE, Anchor.MIDDLE, 0, color, false);
        }
        canvas.line(x, layout.plotBottom, x, layout.plotBottom + 4, FigureColors.AXIS, 1, 1);
    }

    /**
     * Returns the colour index of a panel's first cluster. Colours continue across panels, as the
     * legend counts the clusters of all panels.
     */
    private int firstCluster(int panel) {
        int first = 0;
        for (int p = 0; p < panel; p++) {
            first += layout.figures.get(p).highlights().clusters().size();
        }
        return first;
    }

    /** Formats a number without a trailing ".0". */
    static String trim(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }
}

package org.svrgraph.plot;

import java.util.List;

/**
 * Geometry of a figure of one or more models side by side: margins, the plot area, the x position
 * of each layer's column and the y position of each spectral neuron. Units are SVG user units, which
 * the PNG renderer multiplies by its scale.
 */
final class FigureLayout {

    static final double TITLE_SIZE = 16;
    static final double TEXT_SIZE = 11;
    static final double LABEL_SIZE = 10;
    /** Width of a character as a share of the font size, an estimate for DejaVu Sans that SVG text needs. */
    static final double CHARACTER_WIDTH = 0.6;
    static final int MAX_LABEL_CHARACTERS = 24;

    private static final double LEFT = 78;
    private static final double LEGEND_WIDTH = 250;
    private static final double TOP = 50;
    private static final double PANEL_HEADER = 16;
    /** Columns left empty between two panels. */
    private static final double PANEL_GAP = 1;
    private static final double INNER_PADDING = 8;
    private static final double MIN_PLOT_SIZE = 120;

    final double width;
    final double height;
    final List<FigureModel> figures;
    final YAxis axis;
    final double plotLeft;
    final double plotTop;
    final double plotRight;
    final double plotBottom;
    final double columnWidth;
    final double[] panelColumnOffset;
    final boolean rotateLabels;
    final double nodeRadius;

    FigureLayout(List<FigureModel> figures, YAxis axis, double width, double height) {
        this.figures = List.copyOf(figures);
        this.axis = axis;
        this.width = width;
        this.height = height;

        panelColumnOffset = new double[figures.size()];
        double columns = 0;
        for (int p = 0; p < figures.size(); p++) {
            panelColumnOffset[p] = columns;
            columns += figures.get(p).layers().size() + PANEL_GAP;
        }
        columns -= PANEL_GAP;

        plotLeft = LEFT;
        plotRight = width - LEGEND_WIDTH;
        // One model has a settings line under the title; side by side, each panel adds its name above it.
        plotTop = TOP + PANEL_HEADER * (figures.size() == 1 ? 1 : 2);
        columnWidth = (plotRight - plotLeft) / columns;

        double longestLabel = 0;
        for (FigureModel figure : figures) {
            for (FigureLayer layer : figure.layers()) {
                longestLabel = Math.max(longestLabel, textWidth(columnLabel(layer.name()), LABEL_SIZE));
            }
        }
        rotateLabels = longestLabel > 0.9 * columnWidth;
        double labelHeight = rotateLabels ? longestLabel * Math.sin(Math.toRadians(45)) + LABEL_SIZE : LABEL_SIZE;
        plotBottom = height - (labelHeight + 14 + TEXT_SIZE + 12);

        if (plotRight - plotLeft < MIN_PLOT_SIZE || plotBottom - plotTop < MIN_PLOT_SIZE) {
            throw new IllegalArgumentException("A figure of " + width + " x " + height + " leaves no room to plot "
                    + figures.stream().mapToInt(f -> f.layers().size()).sum()
                    + " layers; use a larger --width or --height");
        }
        int maxRank = figures.stream().mapToInt(FigureModel::maxRank).max().orElse(1);
        nodeRadius = Math.max(1.0, Math.min(4.0, 0.45 * (plotBottom - plotTop) / Math.max(1, maxRank)));
    }

    /** Returns the x of layer {@code l}'s column in panel {@code panel}. */
    double columnX(int panel, int l) {
        return plotLeft + (panelColumnOffset[panel] + l + 0.5) * columnWidth;
    }

    /** Returns the left and right x of a panel's columns. */
    double panelLeft(int panel) {
        return plotLeft + panelColumnOffset[panel] * columnWidth;
    }

    double panelRight(int panel) {
        return panelLeft(panel) + figures.get(panel).layers().size() * columnWidth;
    }

    /** Returns the y of spectral neuron j of a layer: larger sigma, smaller y (higher on screen). */
    double neuronY(FigureLayer layer, int j) {
        return fractionY(axis.fraction(layer.sigma()[j], layer.sigmaMax()));
    }

    /** Returns the y of a fraction of the axis, 0 at the bottom of the plot. */
    double fractionY(double fraction) {
        double top = plotTop + INNER_PADDING;
        double bottom = plotBottom - INNER_PADDING;
        return bottom - fraction * (bottom - top);
    }

    double legendLeft() {
        return plotRight + 28;
    }

    /** Returns the label under a layer's column: its name without a trailing ".weight", shortened if long. */
    static String columnLabel(String name) {
        String label = name.endsWith(".weight") ? name.substring(0, name.length() - ".weight".length()) : name;
        if (label.length() > MAX_LABEL_CHARACTERS) {
            label = "…" + label.substring(label.length() - MAX_LABEL_CHARACTERS + 1);
        }
        return label;
    }

    static double textWidth(String text, double size) {
        return text.length() * size * CHARACTER_WIDTH;
    }
}

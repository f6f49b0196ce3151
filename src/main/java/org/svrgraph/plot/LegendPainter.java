package org.svrgraph.plot;

import java.awt.Color;
import org.svrgraph.plot.FigureCanvas.Anchor;

/** Draws the legend at the right of the plot: neuron colours, near-kernel mark, edge shades, cap, highlights. */
final class LegendPainter {

    private static final double ROW = 17;
    private static final int RAMP_STEPS = 12;
    private static final double RAMP_WIDTH = 84;

    private final FigureLayout layout;
    private final ShadeRange shades;
    private final FigureCanvas canvas;
    private final double left;
    private double y;

    LegendPainter(FigureLayout layout, ShadeRange shades, FigureCanvas canvas) {
        this.layout = layout;
        this.shades = shades;
        this.canvas = canvas;
        this.left = layout.legendLeft();
        this.y = layout.plotTop + 4;
    }

    void paint() {
        canvas.beginGroup("legend", null, null);
        heading("Spectral neurons");
        neuronRamp(true, "conv");
        neuronRamp(false, "fc");
        note("colour: node intensity, 0 (pale) to 1");
        nearKernelRow();
        y += 8;
        heading("Significant edges");
        edgeRamp();
        capRows();
        highlightRows();
        canvas.endGroup();
    }

    private void heading(String text) {
        canvas.text(left, y + 10, text, FigureLayout.TEXT_SIZE, Anchor.START, 0, FigureColors.TEXT, true);
        y += ROW + 2;
    }

    private void note(String text) {
        canvas.text(left, y + 10, text, FigureLayout.LABEL_SIZE, Anchor.START, 0, FigureColors.MUTED, false);
        y += ROW;
    }

    private void neuronRamp(boolean convolution, String label) {
        double step = RAMP_WIDTH / RAMP_STEPS;
        for (int k = 0; k < RAMP_STEPS; k++) {
            double intensity = k / (RAMP_STEPS - 1.0);
            canvas.circle(left + (k + 0.5) * step, y + 6, Math.min(3.5, step / 2),
                    FigureColors.neuron(convolution, intensity), null, 0);
        }
        canvas.text(left + RAMP_WIDTH + 8, y + 10, label, FigureLayout.TEXT_SIZE, Anchor.START, 0,
                convolution ? FigureColors.CONV : FigureColors.FC, false);
        y += ROW;
    }

    private void nearKernelRow() {
        double threshold = layout.figures.get(0).nearKernelThreshold();
        canvas.circle(left + 4, y + 6, 3.5, Color.WHITE, FigureColors.MUTED, 1.4);
        canvas.text(left + 14, y + 10, "near-kernel: σ/σmax < " + FigurePainter.trim(threshold),
                FigureLayout.LABEL_SIZE, Anchor.START, 0, FigureColors.TEXT, false);
        y += ROW;
    }

    private void edgeRamp() {
        if (shades.empty()) {
            note("no significant edge");
            return;
        }
        double step = RAMP_WIDTH / RAMP_STEPS;
        for (int k = 0; k < RAMP_STEPS; k++) {
            double fraction = k / (RAMP_STEPS - 1.0);
            Color shade = FigureColors.mix(Color.WHITE, FigureColors.EDGE, FigureColors.edgeOpacity(fraction));
            canvas.rect(left + k * step, y + 2, step + 0.3, 8, shade, null);
        }
        canvas.text(left, y + 22, format(shades.shade().display(shades.min())), FigureLayout.LABEL_SIZE,
                Anchor.START, 0, FigureColors.TEXT, false);
        canvas.text(left + RAMP_WIDTH, y + 22, format(shades.shade().display(shades.max())), FigureLayout.LABEL_SIZE,
                Anchor.END, 0, FigureColors.TEXT, false);
        y += ROW + 10;
        note("shade: " + shades.shade().caption());
    }

    private void capRows() {
        FigureModel first = layout.figures.get(0);
        if (first.maxEdges() == 0) {
            note("all significant edges drawn");
            return;
        }
        note("at most " + first.maxEdges() + " strongest per layer pair");
        long capped = layout.figures.stream().mapToLong(FigureModel::cappedPairCount).sum();
        long pairs = layout.figures.stream().mapToLong(f -> f.pairs().size()).sum();
        note(capped == 0 ? "cap not reached" : "cap applied on " + capped + " of " + pairs + " pairs");
    }

    private void highlightRows() {
        boolean chainRequested = false;
        boolean clustersRequested = false;
        int chainLength = 0;
        int clusterCount = 0;
        int topK = 1;
        for (FigureModel figure : layout.figures) {
            Highlights highlights = figure.highlights();
            chainRequested |= highlights.requested().contains(HighlightKind.CHAIN);
            clustersRequested |= highlights.requested().contains(HighlightKind.NEAR_KERNEL);
            chainLength = Math.max(chainLength, highlights.chain().map(c -> c.edges().size()).orElse(0));
            clusterCount += highlights.clusters().size();
            topK = highlights.chainTopK();
        }
        if (!chainRequested && !clustersRequested) {
            return;
        }
        y += 8;
        heading("Highlights");
        if (chainRequested) {
            canvas.line(left, y + 6, left + 18, y + 6, FigureColors.CHAIN, 2.4, 0.85);
            String index = topK == 1 ? "index 0" : "index < " + topK;
            String text = chainLength == 0 ? "dominant chain: none (" + index + ")"
                    : "dominant chain: " + chainLength + (chainLength == 1 ? " edge (" : " edges (") + index + ")";
            canvas.text(left + 24, y + 10, text, FigureLayout.LABEL_SIZE, Anchor.START, 0, FigureColors.TEXT, false);
            y += ROW;
        }
        if (clustersRequested) {
            for (int c = 0; c < Math.min(clusterCount, FigureColors.CLUSTERS.length); c++) {
                canvas.circle(left + 4 + c * 9, y + 6, 3.5, null, FigureColors.cluster(c), 1.4);
            }
            double textLeft = left + 4 + Math.max(1, Math.min(clusterCount, FigureColors.CLUSTERS.length)) * 9 + 4;
            canvas.text(textLeft, y + 10, clusterCount + " near-kernel cluster" + (clusterCount == 1 ? "" : "s"),
                    FigureLayout.LABEL_SIZE, Anchor.START, 0, FigureColors.TEXT, false);
            y += ROW;
        }
    }

    /** Formats a legend value with three significant digits. */
    static String format(double value) {
        if (value != 0 && (Math.abs(value) >= 1e5 || Math.abs(value) < 1e-3)) {
            return String.format(java.util.Locale.ROOT, "%.2e", value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros()
                .toPlainString();
    }
}

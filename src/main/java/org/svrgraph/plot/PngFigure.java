package org.svrgraph.plot;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/** Renders the SVR figure as a raster image with Java2D; runs without a display. */
public final class PngFigure {

    static {
        // Java2D draws off-screen images without a display, so set headless mode before AWT starts,
        // unless the user set it.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private PngFigure() {
    }

    /** Returns an image of width x scale by height x scale pixels. */
    public static BufferedImage render(List<FigureModel> figures, PlotOptions options) {
        FigureLayout layout = new FigureLayout(figures, YAxis.covering(figures, options.yScale()), options.width(),
                options.height());
        int pixelWidth = (int) Math.round(options.width() * options.scale());
        int pixelHeight = (int) Math.round(options.height() * options.scale());
        BufferedImage image = new BufferedImage(pixelWidth, pixelHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.scale(options.scale(), options.scale());
            new FigurePainter(layout, ShadeRange.of(figures, options.edgeShade()), new Java2dCanvas(graphics)).paint();
        } finally {
            graphics.dispose();
        }
        return image;
    }
}

package org.svrgraph.plot;

/**
 * Drawing settings of a figure.
 *
 * @param yScale how a singular value becomes a height
 * @param edgeShade which edge measure sets the shade
 * @param width figure width in SVG user units (PNG pixels before scaling)
 * @param height figure height in the same units
 * @param scale PNG pixels per unit, for sharper rasters; ignored by SVG and HTML
 */
public record PlotOptions(YScale yScale, EdgeShade edgeShade, int width, int height, double scale) {

    /** Defaults: linear y axis as in the SVR paper, shade by ratio, 1400 x 900 at scale 1. */
    public static final PlotOptions DEFAULTS = new PlotOptions(YScale.LINEAR, EdgeShade.RATIO, 1400, 900, 1);

    /** Largest PNG in pixels (256 MB as 4-byte pixels), so that a typo in --scale does not exhaust memory. */
    static final long MAX_PIXELS = 64_000_000;

    public PlotOptions {
        if (width < 200 || height < 200) {
            throw new IllegalArgumentException("Figure size must be at least 200 x 200, got " + width + " x " + height);
        }
        if (!(scale > 0 && Double.isFinite(scale))) {
            throw new IllegalArgumentException("Scale must be a positive number, got " + scale);
        }
        if (width * scale * height * scale > MAX_PIXELS) {
            throw new IllegalArgumentException("Scale " + scale + " gives a " + Math.round(width * scale) + " x "
                    + Math.round(height * scale) + " image, more than " + MAX_PIXELS
                    + " pixels; use a smaller --scale, --width or --height");
        }
    }
}

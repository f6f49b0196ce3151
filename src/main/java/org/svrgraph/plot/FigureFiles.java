package org.svrgraph.plot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes a figure to a file whose extension picks the format: .svg, .png or .html. */
public final class FigureFiles {

    private static final Logger LOG = LoggerFactory.getLogger(FigureFiles.class);

    private FigureFiles() {
    }

    /** The output formats, named by file extension. */
    public enum Format { SVG, PNG, HTML }

    /**
     * Returns the format of a file name's extension.
     *
     * @throws IllegalArgumentException when the extension is not .svg, .png or .html
     */
    public static Format formatOf(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".svg")) {
            return Format.SVG;
        }
        if (name.endsWith(".png")) {
            return Format.PNG;
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return Format.HTML;
        }
        throw new IllegalArgumentException("Cannot tell the figure format of '" + file
                + "'; name the output file .svg (vector), .png (raster) or .html (interactive page)");
    }

    /** Renders the figures side by side and writes them to {@code file} in the format its extension names. */
    public static void write(List<FigureModel> figures, PlotOptions options, Path file) throws IOException {
        Format format = formatOf(file);
        long start = System.nanoTime();
        switch (format) {
            case SVG -> Files.writeString(file, SvgFigure.render(figures, options), StandardCharsets.UTF_8);
            case HTML -> Files.writeString(file, HtmlFigure.render(figures, options), StandardCharsets.UTF_8);
            case PNG -> {
                if (!ImageIO.write(PngFigure.render(figures, options), "png", file.toFile())) {
                    throw new IOException("No PNG writer is available in this Java runtime to write " + file);
                }
            }
        }
        LOG.info("Wrote {} figure {} ({} bytes, {} neurons, {} edges) in {} ms", format, file, Files.size(file),
                figures.stream().flatMap(f -> f.layers().stream()).mapToLong(FigureLayer::rank).sum(),
                figures.stream().mapToLong(FigureModel::drawnEdgeCount).sum(),
                (System.nanoTime() - start) / 1_000_000);
    }
}

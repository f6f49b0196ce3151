package org.svrgraph.plot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Renders the SVR figure as one self-contained interactive HTML page: the figure data as embedded
 * JSON, drawn on a canvas by inline JavaScript, with no external resource, so the page works opened
 * from disk without a network.
 */
public final class HtmlFigure {

    /** Id of the script element that contains the figure data as JSON. */
    public static final String DATA_ELEMENT_ID = "svr-figure-data";

    private static final MathContext SIGMA_DIGITS = new MathContext(6);
    private static final MathContext VALUE_DIGITS = new MathContext(4);

    private HtmlFigure() {
    }

    /** Returns the HTML page of the figures, side by side on one y axis. */
    public static String render(List<FigureModel> figures, PlotOptions options) {
        // The layout's checks (enough layers, enough room) apply to the page as they do to SVG and PNG.
        new FigureLayout(figures, YAxis.covering(figures, options.yScale()), options.width(), options.height());
        String title = "SVR graph: " + String.join(" | ", figures.stream().map(FigureModel::modelName).toList());
        return resource("figure.html")
                .replace("{{TITLE}}", SvgCanvas.escape(title))
                .replace("/*{{CSS}}*/", resource("figure.css"))
                .replace("/*{{SCRIPT}}*/", resource("figure.js"))
                // Last, so that no model name in the data can be taken for a placeholder.
                .replace("{{DATA}}", json(figures, options).replace("</", "<\\/"));
    }

    /** Returns the figure data the page's script draws, as JSON. */
    static String json(List<FigureModel> figures, PlotOptions options) {
        YAxis axis = YAxis.covering(figures, options.yScale());
        ShadeRange shades = ShadeRange.of(figures, options.edgeShade());
        StringWriter text = new StringWriter();
        try (JsonGenerator out = new JsonFactory().createGenerator(text)) {
            out.writeStartObject();
            out.writeStringField("title", String.join("  |  ", figures.stream().map(FigureModel::modelName).toList()));
            out.writeStringField("yScale", axis.scale().label());
            out.writeStringField("yCaption", axis.caption());
            out.writeNumberField("yLow", axis.low());
            out.writeNumberField("yHigh", axis.high());
            out.writeStringField("edgeShade", shades.shade().label());
            out.writeStringField("shadeCaption", shades.shade().caption());
            out.writeNumberField("shadeMin", shades.min());
            out.writeNumberField("shadeMax", shades.max());
            out.writeNumberField("nearKernelThreshold", figures.get(0).nearKernelThreshold());
            out.writeNumberField("maxEdges", figures.get(0).maxEdges());
            writeColors(out);
            out.writeArrayFieldStart("panels");
            for (FigureModel figure : figures) {
                writePanel(out, figure);
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing figure data to a string failed", e);
        }
        return text.toString();
    }

    private static void writeColors(JsonGenerator out) throws IOException {
        out.writeObjectFieldStart("colors");
        out.writeStringField("conv", FigureColors.hex(FigureColors.CONV));
        out.writeStringField("fc", FigureColors.hex(FigureColors.FC));
        out.writeStringField("edge", FigureColors.hex(FigureColors.EDGE));
        out.writeStringField("chain", FigureColors.hex(FigureColors.CHAIN));
        out.writeArrayFieldStart("clusters");
        for (java.awt.Color color : FigureColors.CLUSTERS) {
            out.writeString(FigureColors.hex(color));
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void writePanel(JsonGenerator out, FigureModel figure) throws IOException {
        out.writeStartObject();
        out.writeStringField("model", figure.modelName());
        out.writeStringField("header", FigurePainter.describe(figure));
        out.writeArrayFieldStart("layers");
        for (FigureLayer layer : figure.layers()) {
            writeLayer(out, layer);
        }
        out.writeEndArray();
        out.writeArrayFieldStart("pairs");
        for (FigureEdges edges : figure.pairs()) {
            writeEdges(out, edges);
        }
        out.writeEndArray();
        Highlights highlights = figure.highlights();
        out.writeBooleanField("chainRequested", highlights.requested().contains(HighlightKind.CHAIN));
        out.writeBooleanField("clustersRequested", highlights.requested().contains(HighlightKind.NEAR_KERNEL));
        out.writeNumberField("chainTopK", highlights.chainTopK());
        out.writeFieldName("chain");
        if (highlights.chain().isPresent()) {
            writeGroup(out, highlights.chain().get());
        } else {
            out.writeNull();
        }
        out.writeArrayFieldStart("clusters");
        for (HighlightGroup cluster : highlights.clusters()) {
            writeGroup(out, cluster);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void writeLayer(JsonGenerator out, FigureLayer layer) throws IOException {
        out.writeStartObject();
        out.writeStringField("name", layer.name());
        out.writeStringField("kind", layer.kind());
        writeValues(out, "sigma", layer.sigma(), SIGMA_DIGITS);
        writeValues(out, "intensity", layer.intensity(), VALUE_DIGITS);
        out.writeArrayFieldStart("nearKernel");
        for (int j = 0; j < layer.rank(); j++) {
            if (layer.nearKernel()[j]) {
                out.writeNumber(j);
            }
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void writeEdges(JsonGenerator out, FigureEdges edges) throws IOException {
        out.writeStartObject();
        out.writeNumberField("pair", edges.pair());
        out.writeNumberField("significant", edges.significantCount());
        out.writeFieldName("next");
        out.writeArray(edges.next(), 0, edges.size());
        out.writeFieldName("previous");
        out.writeArray(edges.previous(), 0, edges.size());
        writeValues(out, "coefficient", edges.coefficient(), VALUE_DIGITS);
        writeValues(out, "ratio", edges.ratio(), VALUE_DIGITS);
        writeValues(out, "p", edges.pValue(), VALUE_DIGITS);
        out.writeEndObject();
    }

    /** Writes a group as neuron pairs [layer, index] and edges [pair, next, previous, a, ratio, p]. */
    private static void writeGroup(JsonGenerator out, HighlightGroup group) throws IOException {
        out.writeStartObject();
        out.writeArrayFieldStart("neurons");
        for (NeuronRef neuron : group.neurons()) {
            out.writeArray(new int[] {neuron.layer(), neuron.index()}, 0, 2);
        }
        out.writeEndArray();
        out.writeArrayFieldStart("edges");
        for (HighlightEdge edge : group.edges()) {
            out.writeStartArray();
            out.writeNumber(edge.pair());
            out.writeNumber(edge.next());
            out.writeNumber(edge.previous());
            out.writeNumber(round(edge.coefficient(), VALUE_DIGITS));
            out.writeNumber(round(edge.ratio(), VALUE_DIGITS));
            out.writeNumber(round(edge.pValue(), VALUE_DIGITS));
            out.writeEndArray();
        }
        out.writeEndArray();
        out.writeNumberField("edgeCount", group.edgeCount());
        out.writeEndObject();
    }

    private static void writeValues(JsonGenerator out, String field, double[] values, MathContext digits)
            throws IOException {
        out.writeArrayFieldStart(field);
        for (double value : values) {
            out.writeNumber(round(value, digits));
        }
        out.writeEndArray();
    }

    /** Rounds to the given significant digits to keep the page small; JSON has no NaN, so it becomes 0. */
    private static double round(double value, MathContext digits) {
        if (!Double.isFinite(value)) {
            return 0;
        }
        return new BigDecimal(value).round(digits).doubleValue();
    }

    private static String resource(String name) {
        try (InputStream in = HtmlFigure.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Resource org/svrgraph/plot/" + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading resource org/svrgraph/plot/" + name + " failed", e);
        }
    }
}

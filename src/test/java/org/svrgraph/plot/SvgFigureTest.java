package org.svrgraph.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.svrgraph.spectral.SvrResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgFigureTest {

    private static final int[] RANKS = {12, 20, 16, 8};

    @Test
    void svgCountsMatchResultAfterCap() throws Exception {
        SvrResult result = SvrFixtures.random(11, RANKS, SvrFixtures.kinds(2, 2), 40);
        int cap = 10;
        Document svg = parse(SvgFigure.render(List.of(figure(result, cap)), PlotOptions.DEFAULTS));

        List<Element> layers = groups(svg, "layer");
        assertEquals(RANKS.length, layers.size());
        for (int l = 0; l < RANKS.length; l++) {
            assertEquals(RANKS[l], layers.get(l).getElementsByTagName("circle").getLength(), "neurons of layer " + l);
        }
        List<Element> pairs = groups(svg, "edges");
        assertEquals(RANKS.length - 1, pairs.size());
        for (int l = 0; l < pairs.size(); l++) {
            long significant = SvrFixtures.significantCount(result.pairs().get(l));
            assertTrue(significant > cap, "the fixture must exceed the cap on pair " + l);
            assertEquals(Math.min(significant, cap), pairs.get(l).getElementsByTagName("line").getLength(),
                    "edges of pair " + l);
        }
    }

    @Test
    void svgWithoutCapDrawsAllEdges() throws Exception {
        SvrResult result = SvrFixtures.random(12, RANKS, SvrFixtures.kinds(2, 2), 40);
        Document svg = parse(SvgFigure.render(List.of(figure(result, 0)), PlotOptions.DEFAULTS));

        List<Element> pairs = groups(svg, "edges");
        for (int l = 0; l < pairs.size(); l++) {
            assertEquals(SvrFixtures.significantCount(result.pairs().get(l)),
                    pairs.get(l).getElementsByTagName("line").getLength(), "edges of pair " + l);
        }
    }

    @Test
    void neuronHeightGrowsWithSigma() throws Exception {
        SvrResult result = SvrFixtures.random(13, RANKS, SvrFixtures.kinds(2, 2), 5);
        for (YScale scale : YScale.values()) {
            PlotOptions options = new PlotOptions(scale, EdgeShade.RATIO, 1200, 800, 1);
            Document svg = parse(SvgFigure.render(List.of(figure(result, 50)), options));
            List<Element> layers = groups(svg, "layer");
            for (int l = 0; l < layers.size(); l++) {
                double[] sigma = result.layers().get(l).sigma();
                NodeList circles = layers.get(l).getElementsByTagName("circle");
                for (int j = 1; j < sigma.length; j++) {
                    double above = cy(circles, j - 1);
                    double below = cy(circles, j);
                    // Screen y grows downwards: a larger sigma must not sit lower.
                    assertTrue(sigma[j - 1] < sigma[j] || above <= below,
                            scale + " layer " + l + ": neuron " + (j - 1) + " below neuron " + j);
                }
                assertTrue(cy(circles, 0) < cy(circles, sigma.length - 1),
                        scale + " layer " + l + ": largest and smallest sigma at one height");
            }
        }
    }

    @Test
    void svgStatesAppliedCap() {
        SvrResult result = SvrFixtures.random(14, RANKS, SvrFixtures.kinds(2, 2), 40);
        String svg = SvgFigure.render(List.of(figure(result, 10)), PlotOptions.DEFAULTS);

        assertTrue(svg.contains("cap: strongest 10 per layer pair"), "header names the cap");
        assertTrue(svg.contains("cap applied on 3 of 3 pairs"), "legend says where the cap applied");
    }

    @Test
    void svgTitleNamesSettings() throws Exception {
        SvrResult result = SvrFixtures.random(15, RANKS, SvrFixtures.kinds(2, 2), 3);
        FigureModel figure = FigureModels.fromResult(result, "net <a & b>", 100, Set.of(), 1);
        Document svg = parse(SvgFigure.render(List.of(figure), PlotOptions.DEFAULTS));

        String text = svg.getDocumentElement().getTextContent();
        assertTrue(text.contains("SVR graph: net <a & b>"), "title with the model name");
        assertTrue(text.contains("method svr, chi2 at 3σ"), "method, criterion and sigma level");
    }

    @Test
    void highlightsDrawnInOwnGroups() throws Exception {
        SvrResult result = SvrFixtures.random(16, RANKS, SvrFixtures.kinds(2, 2), 3);
        FigureModel figure = FigureModels.fromResult(result, "net", 100, EnumSet.allOf(HighlightKind.class), 1);
        Document svg = parse(SvgFigure.render(List.of(figure), PlotOptions.DEFAULTS));

        // The fixture plants a_00 = 0.9 on every pair, so the index-0 chain spans all layers.
        assertEquals(RANKS.length - 1, groups(svg, "chain-edges").get(0).getElementsByTagName("line").getLength());
        assertEquals(RANKS.length, groups(svg, "chain-neurons").get(0).getElementsByTagName("circle").getLength());
    }

    @Test
    void sideBySideDrawsBothModels() throws Exception {
        SvrResult first = SvrFixtures.random(17, RANKS, SvrFixtures.kinds(2, 2), 10);
        SvrResult second = SvrFixtures.random(18, new int[] {6, 9, 4}, SvrFixtures.kinds(1, 2), 10);
        Document svg = parse(SvgFigure.render(List.of(figure(first, 5), figure(second, 5)), PlotOptions.DEFAULTS));

        assertEquals(2, groups(svg, "panel").size());
        assertEquals(RANKS.length + 3, groups(svg, "layer").size());
    }

    @Test
    void oneLayerModelIsRejected() {
        SvrResult result = SvrFixtures.random(19, new int[] {5}, SvrFixtures.kinds(1, 0), 0);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> FigureModels.fromResult(result, "single", 10, Set.of(), 1));
        assertTrue(error.getMessage().contains("'single' has 1 layer"), error.getMessage());
        assertTrue(error.getMessage().contains("needs at least 2"), error.getMessage());
    }

    @Test
    void emptyModelIsRejected() {
        SvrResult result = SvrFixtures.result(List.of(), List.of(), SvrFixtures.kinds(0, 0));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> FigureModels.fromResult(result, "empty", 10, Set.of(), 1));
        assertTrue(error.getMessage().contains("'empty' has 0 layers"), error.getMessage());
    }

    static FigureModel figure(SvrResult result, int cap) {
        return FigureModels.fromResult(result, "test-model", cap, Set.of(), 1);
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** Returns the {@code <g>} elements of the given class in document order. */
    static List<Element> groups(Document svg, String cssClass) {
        NodeList all = svg.getElementsByTagName("g");
        List<Element> found = new ArrayList<>();
        for (int k = 0; k < all.getLength(); k++) {
            Element group = (Element) all.item(k);
            if (cssClass.equals(group.getAttribute("class"))) {
                found.add(group);
            }
        }
        return found;
    }

    private static double cy(NodeList circles, int j) {
        return Double.parseDouble(((Element) circles.item(j)).getAttribute("cy"));
    }
}

package org.svrgraph.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.svrgraph.spectral.SvrResult;

class HtmlFigureTest {

    private static final Pattern DATA = Pattern.compile(
            "<script type=\"application/json\" id=\"" + HtmlFigure.DATA_ELEMENT_ID + "\">(.*?)</script>",
            Pattern.DOTALL);
    private static final int[] RANKS = {12, 20, 16, 8};

    @Test
    void htmlDataCountsMatchResultAfterCap() throws Exception {
        SvrResult result = SvrFixtures.random(21, RANKS, SvrFixtures.kinds(2, 2), 40);
        int cap = 10;
        String html = HtmlFigure.render(List.of(SvgFigureTest.figure(result, cap)), PlotOptions.DEFAULTS);
        JsonNode panel = data(html).get("panels").get(0);

        for (int l = 0; l < RANKS.length; l++) {
            JsonNode layer = panel.get("layers").get(l);
            assertEquals(RANKS[l], layer.get("sigma").size(), "neurons of layer " + l);
            assertEquals(RANKS[l], layer.get("intensity").size(), "intensities of layer " + l);
        }
        for (int l = 0; l < RANKS.length - 1; l++) {
            JsonNode pair = panel.get("pairs").get(l);
            long significant = SvrFixtures.significantCount(result.pairs().get(l));
            assertEquals(significant, pair.get("significant").asLong(), "significant count of pair " + l);
            for (String field : new String[] {"next", "previous", "coefficient", "ratio", "p"}) {
                assertEquals(Math.min(significant, cap), pair.get(field).size(), field + " of pair " + l);
            }
        }
    }

    @Test
    void htmlNearKernelFlagsMatchResult() throws Exception {
        SvrResult result = SvrFixtures.random(22, RANKS, SvrFixtures.kinds(2, 2), 5);
        String html = HtmlFigure.render(List.of(SvgFigureTest.figure(result, 10)), PlotOptions.DEFAULTS);
        JsonNode layers = data(html).get("panels").get(0).get("layers");

        double threshold = result.options().nearKernelThreshold();
        for (int l = 0; l < RANKS.length; l++) {
            double[] sigma = result.layers().get(l).sigma();
            long expected = java.util.Arrays.stream(sigma).filter(s -> s / sigma[0] < threshold).count();
            assertEquals(expected, layers.get(l).get("nearKernel").size(), "near-kernel neurons of layer " + l);
        }
    }

    @Test
    void htmlIsSelfContained() {
        SvrResult result = SvrFixtures.random(23, RANKS, SvrFixtures.kinds(2, 2), 5);
        FigureModel figure = FigureModels.fromResult(result, "net", 10, EnumSet.allOf(HighlightKind.class), 1);
        String html = HtmlFigure.render(List.of(figure), PlotOptions.DEFAULTS);

        assertFalse(html.contains("http://") || html.contains("https://"), "no network address");
        assertFalse(html.contains("<script src") || html.contains("<link"), "no external script or style");
        assertFalse(html.contains("{{") || html.contains("/*{{"), "every placeholder filled");
        assertTrue(html.contains("<canvas"), "the figure canvas");
    }

    @Test
    void htmlEscapesScriptEndInNames() throws Exception {
        SvrResult result = SvrFixtures.random(24, RANKS, SvrFixtures.kinds(2, 2), 5);
        FigureModel figure = FigureModels.fromResult(result, "</script><b>x", 10, Set.of(), 1);
        String html = HtmlFigure.render(List.of(figure), PlotOptions.DEFAULTS);

        assertEquals(2, html.split("</script>", -1).length - 1, "only the page's own two script ends");
        assertEquals("</script><b>x", data(html).get("panels").get(0).get("model").asText());
    }

    @Test
    void htmlCarriesHighlights() throws Exception {
        SvrResult result = SvrFixtures.random(25, RANKS, SvrFixtures.kinds(2, 2), 5);
        FigureModel figure = FigureModels.fromResult(result, "net", 10, EnumSet.of(HighlightKind.CHAIN), 1);
        JsonNode panel = data(HtmlFigure.render(List.of(figure), PlotOptions.DEFAULTS)).get("panels").get(0);

        assertEquals(RANKS.length, panel.get("chain").get("neurons").size());
        assertEquals(RANKS.length - 1, panel.get("chain").get("edges").size());
        assertEquals(0, panel.get("clusters").size());
    }

    /** Extracts and parses the figure data embedded in the page. */
    static JsonNode data(String html) throws Exception {
        Matcher matcher = DATA.matcher(html);
        assertTrue(matcher.find(), "page embeds the figure data");
        return new ObjectMapper().readTree(matcher.group(1));
    }
}

package org.svrgraph.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.svrgraph.spectral.SvrResult;

/** A figure of VGG16's shape (13 conv layers, fc layers of 4096, 4096 and 1000 neurons) stays a few MB. */
class FigureSizeTest {

    /** Full ranks of VGG16's svr matrices: min(o, i kh kw) for conv, min(out, in) for fc. */
    private static final int[] VGG16_RANKS = {27, 64, 128, 128, 256, 256, 256, 512, 512, 512, 512, 512, 512, 4096,
        4096, 1000};
    private static final int CAP = 300;
    private static final long MEGABYTE = 1 << 20;

    private static FigureModel figure;

    @BeforeAll
    static void buildFigure() {
        SvrResult result = SvrFixtures.random(41, VGG16_RANKS, SvrFixtures.kinds(13, 3), 400);
        figure = FigureModels.fromResult(result, "vgg16-shaped", CAP, EnumSet.allOf(HighlightKind.class), 1);
    }

    @Test
    void vggSizedSvgStaysSmall() {
        String svg = SvgFigure.render(List.of(figure), PlotOptions.DEFAULTS);

        assertEquals(CAP * (VGG16_RANKS.length - 1), figure.drawnEdgeCount(), "every pair reaches the cap");
        assertTrue(svg.length() < 3 * MEGABYTE, "SVG of " + svg.length() + " characters");
    }

    @Test
    void vggSizedHtmlStaysSmall() {
        String html = HtmlFigure.render(List.of(figure), PlotOptions.DEFAULTS);

        assertTrue(html.length() < 2 * MEGABYTE, "HTML of " + html.length() + " characters");
    }

    @Test
    void wideLayerGetsSmallMarks() {
        FigureLayout layout = new FigureLayout(List.of(figure), YAxis.covering(List.of(figure), YScale.LINEAR), 1400,
                900);

        assertEquals(1.0, layout.nodeRadius);
        assertTrue(layout.rotateLabels, "16 columns of names like features.28 do not fit upright");
    }
}

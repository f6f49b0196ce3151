package org.svrgraph.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.svrgraph.spectral.SvrResult;

class PngFigureTest {

    @TempDir
    Path directory;

    @Test
    void pngDecodesAtRequestedSize() throws Exception {
        SvrResult result = SvrFixtures.random(31, new int[] {10, 14, 6}, SvrFixtures.kinds(2, 1), 10);
        FigureModel figure = FigureModels.fromResult(result, "net", 20, EnumSet.of(HighlightKind.CHAIN), 1);
        PlotOptions options = new PlotOptions(YScale.LOG, EdgeShade.P_VALUE, 900, 600, 1.5);
        Path file = directory.resolve("figure.png");

        FigureFiles.write(List.of(figure), options, file);
        BufferedImage image = ImageIO.read(file.toFile());

        assertNotNull(image, "ImageIO decodes the file");
        assertEquals(1350, image.getWidth());
        assertEquals(900, image.getHeight());
        assertTrue(countColor(image, FigureColors.CHAIN.getRGB()) > 0, "the chain's red is drawn");
    }

    @Test
    void pngHasNeuronColours() throws Exception {
        SvrResult result = SvrFixtures.random(32, new int[] {10, 14, 6}, SvrFixtures.kinds(2, 1), 10);
        BufferedImage image = PngFigure.render(List.of(SvgFigureTest.figure(result, 20)), PlotOptions.DEFAULTS);

        // The last layer (fc) has intensity 1 everywhere, so its dots carry the full fc colour.
        assertTrue(countColor(image, FigureColors.FC.getRGB()) > 20, "fc neurons at full intensity");
    }

    private static long countColor(BufferedImage image, int rgb) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == (rgb & 0xffffff)) {
                    count++;
                }
            }
        }
        return count;
    }
}

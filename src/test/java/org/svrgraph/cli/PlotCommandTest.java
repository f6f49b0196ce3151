package org.svrgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.svrgraph.reader.ChainSelection;
import org.svrgraph.reader.ModelFiles;
import org.svrgraph.spectral.EjmlLinearAlgebra;
import org.svrgraph.spectral.LayerPair;
import org.svrgraph.spectral.SvrEngine;
import org.svrgraph.spectral.SvrOptions;
import org.svrgraph.spectral.SvrResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class PlotCommandTest {

    /** Five maps: conv 3->8 3x3, conv 8->16 3x1, conv 16->16 5x5, fc 256->32, fc 32->10. */
    private static final Path MODEL = Path.of("src/test/resources/fixtures/tiny_cnn.npz");
    /** Ranks min(rows, columns) of the five svr matrices: 8 x 27, 16 x 24, 16 x 400, 32 x 256, 10 x 32. */
    private static final int[] RANKS = {8, 16, 16, 32, 10};

    @TempDir
    Path directory;

    @Test
    void plotSvgCountsMatchResult() throws Exception {
        Path out = directory.resolve("tiny.svg");
        int cap = 3;

        Run run = run("plot", MODEL.toString(), "--out", out.toString(), "--max-edges", Integer.toString(cap),
                "--y-scale", "log", "--backend", "ejml");

        assertEquals(0, run.status, run.err);
        Document svg = parse(out);
        List<Element> layers = groups(svg, "layer");
        assertEquals(RANKS.length, layers.size());
        for (int l = 0; l < RANKS.length; l++) {
            assertEquals(RANKS[l], layers.get(l).getElementsByTagName("circle").getLength(), "neurons of layer " + l);
        }
        SvrResult result = new SvrEngine(new EjmlLinearAlgebra())
                .compute(ModelFiles.readChain(MODEL, ChainSelection.automatic()).chain(), SvrOptions.DEFAULTS);
        List<Element> pairs = groups(svg, "edges");
        for (int l = 0; l < pairs.size(); l++) {
            long significant = significantCount(result.pairs().get(l));
            assertEquals(Math.min(significant, cap), pairs.get(l).getElementsByTagName("line").getLength(),
                    "edges of pair " + l);
        }
        assertTrue(run.out.contains("Wrote " + out), run.out);
    }

    @Test
    void plotWritesPngAtRequestedSize() throws Exception {
        Path out = directory.resolve("tiny.png");

        Run run = run("plot", MODEL.toString(), "-o", out.toString(), "--width", "800", "--height", "500",
                "--scale", "2", "--highlight", "chain,near-kernel", "--backend", "ejml");

        assertEquals(0, run.status, run.err);
        BufferedImage image = ImageIO.read(out.toFile());
        assertEquals(1600, image.getWidth());
        assertEquals(1000, image.getHeight());
    }

    @Test
    void plotDrawsTwoModelsSideBySide() throws Exception {
        Path out = directory.resolve("both.html");

        Run run = run("plot", MODEL.toString(), "src/test/resources/fixtures/tiny_cnn.safetensors", "-o",
                out.toString(), "--backend", "ejml");

        assertEquals(0, run.status, run.err);
        String html = Files.readString(out);
        assertTrue(html.contains("\"model\":\"tiny_cnn\""), "first panel");
        assertEquals(2, html.split("\"header\":", -1).length - 1, "two panels");
    }

    @Test
    void plotRejectsUnknownExtension() {
        Run run = run("plot", MODEL.toString(), "-o", directory.resolve("figure.pdf").toString());

        assertEquals(1, run.status);
        assertTrue(run.err.contains("name the output file .svg"), run.err);
    }

    @Test
    void plotNamesMissingModel() {
        // A name that is no file is looked up in the database; an absent data directory is not created.
        Path none = directory.resolve("no-db");
        Run run = run("plot", "vgg16", "-o", directory.resolve("figure.svg").toString(), "--data-dir", none.toString());

        assertEquals(1, run.status);
        assertTrue(run.err.contains("Model 'vgg16' is neither a model file nor a stored model"), run.err);
        assertTrue(Files.notExists(none));
        assertTrue(Files.notExists(directory.resolve("figure.svg")));
    }

    @Test
    void plotRejectsUnknownHighlight() {
        Run run = run("plot", MODEL.toString(), "-o", directory.resolve("figure.svg").toString(), "--highlight",
                "loops");

        assertEquals(1, run.status);
        assertTrue(run.err.contains("Unknown highlight 'loops'"), run.err);
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = SvrCommand.execute(args);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    private static long significantCount(LayerPair pair) {
        double threshold = pair.threshold();
        long count = 0;
        for (int i = 0; i < pair.adjacency().rows(); i++) {
            for (int j = 0; j < pair.adjacency().cols(); j++) {
                if (pair.adjacency().get(i, j) >= threshold) {
                    count++;
                }
            }
        }
        return count;
    }

    private static Document parse(Path svg) throws Exception {
        return javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
    }

    private static List<Element> groups(Document svg, String cssClass) {
        NodeList all = svg.getElementsByTagName("g");
        List<Element> found = new java.util.ArrayList<>();
        for (int k = 0; k < all.getLength(); k++) {
            Element group = (Element) all.item(k);
            if (cssClass.equals(group.getAttribute("class"))) {
                found.add(group);
            }
        }
        return found;
    }
}

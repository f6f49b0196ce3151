package org.svrgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.svrgraph.export.NpyWriter;
import org.svrgraph.reader.ChainSelection;
import org.svrgraph.reader.ModelFiles;
import org.svrgraph.spectral.EjmlLinearAlgebra;
import org.svrgraph.spectral.LayerPair;
import org.svrgraph.spectral.Precision;
import org.svrgraph.spectral.SignificanceCriterion;
import org.svrgraph.spectral.SvrEngine;
import org.svrgraph.spectral.SvrMethod;
import org.svrgraph.spectral.SvrOptions;
import org.svrgraph.spectral.SvrResult;
import org.svrgraph.storage.DatabaseSettings;
import org.svrgraph.storage.GraphStore;
import org.svrgraph.storage.LoadOptions;
import org.svrgraph.storage.ModelCatalog;
import org.svrgraph.storage.ModelDescription;
import org.svrgraph.storage.ModelWriter;
import org.svrgraph.storage.WriteListener;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import picocli.CommandLine;

/**
 * Draws models stored in a real embedded Neo4j by name and checks that each draws exactly like the
 * same model computed from its file with the same options: the same SVG, mark for mark.
 *
 * <p>Two models are stored, both at sigma level 1 (tail probability 0.16, so that many edges are
 * significant and the cap and the highlights have work to do) and with {@code storeTop} 2, so that
 * the graph also contains edges with significant = false that the figure must leave out:
 * {@code planted}, five 48 x 48 fully connected maps where maps 0 to 3 pass one strong direction
 * along (a dominant chain of 3 edges through neurons 0 of layers 0 to 3), and {@code tiny_cnn}
 * from the fixture file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlotStoredModelTest {

    private static final Path TINY = Path.of("src/test/resources/fixtures/tiny_cnn.pth");
    private static final SvrOptions OPTIONS = new SvrOptions(SvrMethod.SVR, 1, SignificanceCriterion.CHI_SQUARE,
            0.05, 0, Precision.FLOAT64, false, 0.1);
    private static final int WIDTH = 48;
    /** Figure options shared by the plots that are compared; the SVR options are those of {@link #OPTIONS}. */
    private static final String[] FIGURE = {"--max-edges", "20", "--highlight", "chain,near-kernel"};

    @TempDir
    static Path temp;

    private Path data;
    private Path planted;
    private SvrResult plantedResult;
    private SvrResult tinyResult;

    @BeforeAll
    void storeModels() throws IOException {
        data = temp.resolve("db");
        planted = writePlantedNpz(temp.resolve("planted.npz"));
        plantedResult = svr(planted);
        tinyResult = svr(TINY);
        try (GraphStore store = GraphStore.open(DatabaseSettings.embedded(data))) {
            new ModelCatalog(store).prepare();
            ModelWriter writer = new ModelWriter(store, WriteListener.NONE);
            LoadOptions load = LoadOptions.DEFAULTS.withStoreTop(2);
            writer.write(new ModelDescription("planted", planted.toString(), "00".repeat(32), "npz",
                    WIDTH * WIDTH * 5L), plantedResult, load);
            writer.write(new ModelDescription("tiny_cnn", TINY.toString(), "00".repeat(32), "pth", 0),
                    tinyResult, load);
        }
    }

    @Test
    void storedModelDrawsLikeItsFile() throws Exception {
        Path fromFile = temp.resolve("file.svg");
        Path fromStore = temp.resolve("stored.svg");

        Run file = figure(List.of(planted.toString(), "--out", fromFile.toString(), "--sigma", "1", "--backend",
                "ejml"));
        // --sigma 1 equals the stored setting, so it is accepted.
        Run stored = figure(List.of("planted", "--out", fromStore.toString(), "--sigma", "1", "--data-dir",
                data.toString()));

        assertEquals(0, file.status, file.err);
        assertEquals(0, stored.status, stored.err);
        assertSameMarks(fromFile, fromStore);
        assertTrue(Files.readString(fromFile).equals(Files.readString(fromStore)),
                "the SVG files differ outside their marks");
        // The comparison covers edges, the cap and both highlights only if the figure has them all.
        Document svg = parse(fromStore);
        List<Element> pairs = groups(svg, "edges");
        assertEquals(4, pairs.size());
        for (int l = 0; l < pairs.size(); l++) {
            long significant = significantCount(plantedResult.pairs().get(l));
            assertTrue(significant > 20, "pair " + l + " has " + significant + " significant edges");
            assertEquals(20, pairs.get(l).getElementsByTagName("line").getLength(), "edges of pair " + l);
        }
        assertEquals(3, groups(svg, "chain-edges").get(0).getElementsByTagName("line").getLength());
        assertFalse(groups(svg, "cluster-edges").isEmpty(), "near-kernel clusters");
    }

    @Test
    void storedModelSkipsInsignificantEdges() throws Exception {
        Path out = temp.resolve("all.svg");

        Run run = plot(List.of("tiny_cnn", "--out", out.toString(), "--max-edges", "0", "--data-dir",
                data.toString()));

        assertEquals(0, run.status, run.err);
        List<Element> pairs = groups(parse(out), "edges");
        assertEquals(tinyResult.pairs().size(), pairs.size());
        for (int l = 0; l < pairs.size(); l++) {
            assertEquals(significantCount(tinyResult.pairs().get(l)),
                    pairs.get(l).getElementsByTagName("line").getLength(), "edges of pair " + l);
        }
    }

    @Test
    void modelLoadedByCommandDrawsLikeItsFile() throws Exception {
        Path loaded = temp.resolve("loaded-db");
        Path fromFile = temp.resolve("tiny-file.svg");
        Path fromStore = temp.resolve("tiny-loaded.svg");
        CommandLine load = SvrCommand.commandLine(CommandLine.defaultFactory());
        load.setOut(new PrintWriter(new StringWriter(), true));
        StringWriter loadErrors = new StringWriter();
        load.setErr(new PrintWriter(loadErrors, true));

        int loadStatus = load.execute("load", TINY.toString(), "--name", "tiny loaded", "--sigma", "1", "--store-top",
                "2", "--data-dir", loaded.toString());
        Run file = figure(List.of(TINY.toString(), "--out", fromFile.toString(), "--sigma", "1"));
        Run stored = figure(List.of("tiny loaded", "--out", fromStore.toString(), "--data-dir", loaded.toString()));

        assertEquals(0, loadStatus, loadErrors.toString());
        assertEquals(0, file.status, file.err);
        assertEquals(0, stored.status, stored.err);
        assertSameMarks(fromFile, fromStore);
        assertTrue(stored.out.startsWith("tiny loaded: 5 layers"), stored.out);
    }

    @Test
    void twoStoredModelsSideBySide() throws Exception {
        Path fromFiles = temp.resolve("files.svg");
        Path fromStore = temp.resolve("both-stored.svg");

        Run files = figure(List.of(planted.toString(), TINY.toString(), "--out", fromFiles.toString(), "--sigma", "1",
                "--backend", "ejml"));
        Run stored = figure(List.of("planted", "tiny_cnn", "--out", fromStore.toString(), "--data-dir",
                data.toString()));

        assertEquals(0, files.status, files.err);
        assertEquals(0, stored.status, stored.err);
        assertEquals(2, groups(parse(fromStore), "panel").size());
        assertSameMarks(fromFiles, fromStore);
        assertTrue(Files.readString(fromFiles).equals(Files.readString(fromStore)),
                "the SVG files differ outside their marks");
    }

    @Test
    void storedModelAndFileSideBySide() throws Exception {
        Path fromFiles = temp.resolve("files-mixed.svg");
        Path mixed = temp.resolve("mixed.svg");

        Run files = figure(List.of(TINY.toString(), planted.toString(), "--out", fromFiles.toString(), "--sigma", "1",
                "--backend", "ejml"));
        Run run = figure(List.of("tiny_cnn", planted.toString(), "--out", mixed.toString(), "--sigma", "1",
                "--backend", "ejml", "--data-dir", data.toString()));

        assertEquals(0, files.status, files.err);
        assertEquals(0, run.status, run.err);
        assertSameMarks(fromFiles, mixed);
        assertTrue(Files.readString(fromFiles).equals(Files.readString(mixed)),
                "the SVG files differ outside their marks");
    }

    @Test
    void unknownNameSaysBothWereTried() {
        Path out = temp.resolve("missing.svg");

        Run run = plot(List.of("plantd", "--out", out.toString(), "--data-dir", data.toString()));

        assertEquals(1, run.status);
        assertTrue(run.err.startsWith("svr: Model 'plantd' is neither a model file nor a stored model: no file of"
                + " that name, and no model of that name in embedded Neo4j in " + data), run.err);
        assertTrue(run.err.contains("stored models: planted, tiny_cnn"), run.err);
        assertEquals(1, run.err.strip().lines().count(), run.err);
        assertTrue(Files.notExists(out));
    }

    @Test
    void missingDatabaseIsNotCreated() {
        Path none = temp.resolve("no-db");

        Run run = plot(List.of("planted", "--out", temp.resolve("x.svg").toString(), "--data-dir", none.toString()));

        assertEquals(1, run.status);
        assertTrue(run.err.contains("Model 'planted' is neither a model file nor a stored model: no file of that"
                + " name, and no database at " + none), run.err);
        assertTrue(Files.notExists(none));
    }

    @Test
    void conflictingSvrOptionsAreRejected() {
        Path out = temp.resolve("sigma2.svg");

        Run run = plot(List.of("planted", "--out", out.toString(), "--sigma", "2", "--criterion", "beta",
                "--data-dir", data.toString()));

        assertEquals(1, run.status);
        assertTrue(run.err.contains("Model 'planted' is drawn as stored in the database, so these options cannot"
                + " apply to it: --sigma 2.0 (stored: 1.0), --criterion beta (stored: chi2)."), run.err);
        assertTrue(Files.notExists(out));
    }

    private record Run(int status, String out, String err) {
    }

    /** Runs svr plot with the shared figure options {@link #FIGURE} and the given arguments. */
    private static Run figure(List<String> arguments) {
        List<String> args = new ArrayList<>(arguments);
        args.addAll(List.of(FIGURE));
        return plot(args);
    }

    private static Run plot(List<String> arguments) {
        List<String> args = new ArrayList<>();
        args.add("plot");
        args.addAll(arguments);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = SvrCommand.commandLine(CommandLine.defaultFactory());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int status = commandLine.execute(args.toArray(String[]::new));
        return new Run(status, out.toString(), err.toString());
    }

    private static SvrResult svr(Path file) throws IOException {
        return new SvrEngine(new EjmlLinearAlgebra()).compute(
                ModelFiles.readChain(file, ChainSelection.automatic()).chain(), OPTIONS);
    }

    /**
     * Writes five fully connected maps W_l = 6 a_l b_l^T + G_l / sqrt(48) as an npz archive, where
     * b_{l+1} = a_l for l &lt; 3, as in the plot package's PlantedChainTest: the top neurons of maps 0
     * to 3 form a chain of 3 significant edges, and map 4 reads an independent direction.
     */
    private static Path writePlantedNpz(Path file) throws IOException {
        Random random = new Random(5);
        double[] input = unit(random);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (int l = 0; l < 5; l++) {
                double[] output = unit(random);
                double[] weights = new double[WIDTH * WIDTH];
                for (int i = 0; i < WIDTH; i++) {
                    for (int j = 0; j < WIDTH; j++) {
                        weights[i * WIDTH + j] = 6 * output[i] * input[j] + random.nextGaussian() / Math.sqrt(WIDTH);
                    }
                }
                Path npy = file.resolveSibling("fc" + l + ".weight.npy");
                NpyWriter.write(npy, weights, new int[] {WIDTH, WIDTH});
                zip.putNextEntry(new ZipEntry("fc" + l + ".weight.npy"));
                Files.copy(npy, (OutputStream) zip);
                zip.closeEntry();
                Files.delete(npy);
                input = l < 3 ? output : unit(random);
            }
        }
        return file;
    }

    private static double[] unit(Random random) {
        double[] vector = new double[WIDTH];
        double norm = 0;
        for (int k = 0; k < WIDTH; k++) {
            vector[k] = random.nextGaussian();
            norm += vector[k] * vector[k];
        }
        for (int k = 0; k < WIDTH; k++) {
            vector[k] /= Math.sqrt(norm);
        }
        return vector;
    }

    /** Counts a pair's significant edges from its adjacency, independently of the figure code. */
    private static long significantCount(LayerPair pair) {
        long count = 0;
        for (double a : pair.adjacency().data()) {
            count += a >= pair.threshold() ? 1 : 0;
        }
        return count;
    }

    /** Compares the marks of two figures and names the first that differs, not the whole list. */
    private static void assertSameMarks(Path expected, Path actual) throws Exception {
        List<String> want = marks(expected);
        List<String> got = marks(actual);
        for (int k = 0; k < Math.min(want.size(), got.size()); k++) {
            assertEquals(want.get(k), got.get(k), "mark " + k + " of " + want.size());
        }
        assertEquals(want.size(), got.size(), "marks");
        assertTrue(got.size() > 100, "a figure has its neurons and edges: " + got.size() + " marks");
    }

    /** Lists every circle and line of the figure with its attributes and enclosing group, in document order. */
    private static List<String> marks(Path svg) throws Exception {
        List<String> marks = new ArrayList<>();
        collect(parse(svg).getDocumentElement(), "", marks);
        return marks;
    }

    private static void collect(Element element, String group, List<String> marks) {
        String name = element.getTagName();
        String inside = name.equals("g") ? group + "/" + element.getAttribute("class") : group;
        if (name.equals("circle") || name.equals("line")) {
            StringBuilder mark = new StringBuilder(inside).append(' ').append(name);
            NamedNodeMap attributes = element.getAttributes();
            for (int k = 0; k < attributes.getLength(); k++) {
                mark.append(' ').append(attributes.item(k).getNodeName()).append('=')
                        .append(attributes.item(k).getNodeValue());
            }
            marks.add(mark.toString());
        }
        NodeList children = element.getChildNodes();
        for (int k = 0; k < children.getLength(); k++) {
            if (children.item(k).getNodeType() == Node.ELEMENT_NODE) {
                collect((Element) children.item(k), inside, marks);
            }
        }
    }

    private static Document parse(Path svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
    }

    private static List<Element> groups(Document svg, String cssClass) {
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
}

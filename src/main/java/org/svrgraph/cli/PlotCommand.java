package org.svrgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svrgraph.plot.EdgeShade;
import org.svrgraph.plot.FigureFiles;
import org.svrgraph.plot.FigureModel;
import org.svrgraph.plot.FigureModels;
import org.svrgraph.plot.HighlightKind;
import org.svrgraph.plot.PlotOptions;
import org.svrgraph.plot.YScale;
import org.svrgraph.reader.ChainSelection;
import org.svrgraph.reader.ModelChain;
import org.svrgraph.reader.ModelFiles;
import org.svrgraph.spectral.SvrEngine;
import org.svrgraph.spectral.SvrOptions;
import org.svrgraph.spectral.SvrResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code svr plot} command: computes the SVR of one or two model files and draws its figure. */
@Command(name = "plot", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Draw the SVR figure: one column per layer, each spectral neuron a dot at its singular value, "
                    + "significant edges between consecutive columns. Two model files are drawn side by side "
                    + "on the same scales.",
            "The output file's extension picks the format: .svg (vector, for papers), .png (raster) or "
                    + ".html (one self-contained interactive page: hover, click, zoom and pan, no network).",
        })
public final class PlotCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(PlotCommand.class);

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..2", paramLabel = "MODEL_FILE",
            description = "Model file to draw; give two to draw them side by side.")
    List<Path> models;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE",
            description = "Figure file to write: .svg, .png or .html.")
    Path out;

    @Option(names = "--layers", paramLabel = "NAMES|REGEX",
            description = "Which weight tensors form the chain: comma-separated names or one regular expression "
                    + "(default: every map that chains, in module order).")
    String layers;

    @Option(names = "--y-scale", defaultValue = "linear", paramLabel = "linear|log|relative",
            description = "Height of a spectral neuron: its singular value, on a log axis, or relative = "
                    + "sigma / sigma_max of its own layer (default: ${DEFAULT-VALUE}).")
    String yScale;

    @Option(names = "--max-edges", defaultValue = "300", paramLabel = "N",
            description = "Draw at most N significant edges per layer pair, strongest first by ratio n a_ij; "
                    + "0 = all. When the cap leaves edges out, the figure's header and legend say so, with the "
                    + "counts (default: ${DEFAULT-VALUE}).")
    int maxEdges;

    @Option(names = "--edge-shade", defaultValue = "ratio", paramLabel = "ratio|p",
            description = "Edge shade: ratio n a_ij to the chance level (log scale) or -log10 p-value "
                    + "(default: ${DEFAULT-VALUE}).")
    String edgeShade;

    @Option(names = "--highlight", split = ",", paramLabel = "chain|near-kernel",
            description = "Mark structures, comma-separated: chain = the dominant chain, the longest run of "
                    + "significant edges through top neurons (index < --chain-top-k) of consecutive layers; "
                    + "near-kernel = near-kernel neurons joined by significant edges, one colour per cluster.")
    List<String> highlights = new ArrayList<>();

    @Option(names = "--chain-top-k", defaultValue = "1", paramLabel = "K",
            description = "The dominant chain runs through neurons with index below K (default: ${DEFAULT-VALUE}).")
    int chainTopK;

    @Option(names = "--width", defaultValue = "1400", paramLabel = "PX",
            description = "Figure width in pixels (SVG user units) (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "900", paramLabel = "PX",
            description = "Figure height in pixels (SVG user units) (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "F",
            description = "PNG only: pixels per unit, e.g. 2 for a sharp 2800 x 1800 image at the default "
                    + "size (default: ${DEFAULT-VALUE}).")
    double scale;

    @Mixin
    SvrOptionsMixin svr;

    @Override
    public Integer call() throws Exception {
        FigureFiles.formatOf(out);
        PlotOptions plotOptions = new PlotOptions(YScale.fromLabel(yScale), EdgeShade.fromLabel(edgeShade), width,
                height, scale);
        Set<HighlightKind> marks = parseHighlights();
        checkOutputDirectory();
        SvrOptions options = svr.toOptions();

        List<FigureModel> figures = new ArrayList<>();
        for (Path model : models) {
            SvrResult result = compute(model, options);
            figures.add(FigureModels.fromResult(result, modelName(model), maxEdges, marks, chainTopK));
        }
        FigureFiles.write(figures, plotOptions, out);
        report(figures);
        return 0;
    }

    private Set<HighlightKind> parseHighlights() {
        Set<HighlightKind> marks = EnumSet.noneOf(HighlightKind.class);
        for (String label : highlights) {
            marks.add(HighlightKind.fromLabel(label.strip()));
        }
        if (chainTopK < 1) {
            throw new IllegalArgumentException("--chain-top-k must be at least 1, got " + chainTopK);
        }
        if (maxEdges < 0) {
            throw new IllegalArgumentException("--max-edges must be 0 (no cap) or positive, got " + maxEdges);
        }
        return marks;
    }

    private void checkOutputDirectory() {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UserException("Output directory " + parent
                    + " does not exist; create it or choose another --out");
        }
    }

    private SvrResult compute(Path model, SvrOptions options) throws java.io.IOException {
        if (!Files.exists(model)) {
            // TODO: draw a model stored in Neo4j by name, with the figure model read back through Cypher.
            throw new UserException("Model file " + model + " not found; svr plot reads model files only, "
                    + "plotting a model stored in the graph by name is not supported yet");
        }
        ModelChain chain = ModelFiles.readChain(model, ChainSelection.of(layers));
        long start = System.nanoTime();
        SvrResult result = new SvrEngine(Backends.select(svr.backend())).compute(chain.chain(), options,
                new ConsoleProgress());
        LOG.info("Computed the SVR of {} ({} layers) in {} ms", model, result.layers().size(),
                (System.nanoTime() - start) / 1_000_000);
        return result;
    }

    private static String modelName(Path model) {
        String name = model.getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private void report(List<FigureModel> figures) {
        PrintWriter stdout = spec.commandLine().getOut();
        for (FigureModel figure : figures) {
            long neurons = figure.layers().stream().mapToLong(l -> l.rank()).sum();
            String edges = figure.significantEdgeCount() == 0 ? "no significant edge"
                    : figure.cappedPairCount() == 0 ? "all " + figure.significantEdgeCount() + " significant edges"
                    : figure.drawnEdgeCount() + " of " + figure.significantEdgeCount()
                            + " significant edges (cap " + figure.maxEdges() + " per layer pair)";
            stdout.printf("%s: %d layers, %d spectral neurons, %s%n", figure.modelName(), figure.layers().size(),
                    neurons, edges);
        }
        stdout.printf("Wrote %s%n", out);
        stdout.flush();
    }
}

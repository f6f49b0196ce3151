package org.svrgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svrgraph.plot.EdgeShade;
import org.svrgraph.plot.FigureData;
import org.svrgraph.plot.FigureEdges;
import org.svrgraph.plot.FigureFiles;
import org.svrgraph.plot.FigureModel;
import org.svrgraph.plot.FigureModels;
import org.svrgraph.plot.HighlightKind;
import org.svrgraph.plot.PlotOptions;
import org.svrgraph.plot.StoredFigures;
import org.svrgraph.plot.YScale;
import org.svrgraph.reader.ModelChain;
import org.svrgraph.reader.ModelFiles;
import org.svrgraph.spectral.Precision;
import org.svrgraph.spectral.SvrEngine;
import org.svrgraph.spectral.SvrOptions;
import org.svrgraph.spectral.SvrResult;
import org.svrgraph.storage.DatabaseSettings;
import org.svrgraph.storage.GraphStore;
import org.svrgraph.storage.ModelCatalog;
import org.svrgraph.storage.StoredModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code svr plot} command: draws the SVR figure of one or two models, each given as a model
 * file (its SVR is computed here) or as the name of a model stored in the database (its SVR is read
 * back).
 */
@Command(name = "plot", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Draw the SVR figure: one column per layer, each spectral neuron a dot at its singular value, "
                    + "significant edges between consecutive columns. Two models are drawn side by side "
                    + "on the same scales.",
            "A MODEL that is not an existing file is the name of a model stored in the database by svr load. "
                    + "Its stored SVR is drawn as it is, so SVR options given with it must equal its stored settings.",
            "The output file's extension picks the format: .svg (vector, for papers), .png (raster) or "
                    + ".html (one self-contained interactive page: hover, click, zoom and pan, no network).",
        })
public final class PlotCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(PlotCommand.class);
    /** The not-found message lists the stored models' names up to this many. */
    private static final int STORED_NAMES_LISTED = 10;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..2", paramLabel = "MODEL",
            description = "Model file, or name of a model stored in the database, to draw; give two to draw "
                    + "them side by side.")
    List<String> models;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE",
            description = "Figure file to write: .svg, .png or .html.")
    Path out;

    @Mixin
    LayersMixin chainLayers;

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

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws Exception {
        FigureFiles.formatOf(out);
        PlotOptions plotOptions = new PlotOptions(YScale.fromLabel(yScale), EdgeShade.fromLabel(edgeShade), width,
                height, scale);
        Set<HighlightKind> marks = parseHighlights();
        checkOutputDirectory();
        SvrOptions options = svr.toOptions();

        // Stored models are read and checked first, so that a wrong name fails before any SVD runs.
        Map<String, FigureData> stored = readStored();
        for (FigureData data : stored.values()) {
            checkStoredSettings(data, options);
        }
        List<FigureModel> figures = new ArrayList<>();
        for (String model : models) {
            FigureData data = stored.get(model);
            if (data != null) {
                figures.add(FigureModels.fromData(data, maxEdges, marks, chainTopK));
            } else {
                Path file = Path.of(model);
                SvrResult result = compute(file, options);
                figures.add(FigureModels.fromResult(result, modelName(file), maxEdges, marks, chainTopK));
            }
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

    /** Returns whether the argument names an existing file. Any other argument is a stored model's name. */
    private static boolean isFile(String model) {
        try {
            return Files.exists(Path.of(model));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * Reads the arguments that are not files from the database, by name, opening it only when
     * there are some. An embedded database is not created when its directory does not exist.
     */
    private Map<String, FigureData> readStored() {
        List<String> names = models.stream().filter(m -> !isFile(m)).distinct().toList();
        if (names.isEmpty()) {
            return Map.of();
        }
        DatabaseSettings settings = database.settings();
        if (!settings.external() && !Files.isDirectory(settings.dataDirectory())) {
            throw new UserException(notFound(names.get(0), "no file of that name, and no database at "
                    + settings.dataDirectory() + " (give --data-dir or --uri)"));
        }
        Map<String, FigureData> stored = new LinkedHashMap<>();
        try (GraphStore store = GraphStore.open(settings)) {
            for (String name : names) {
                FigureData data = StoredFigures.read(store, name)
                        .orElseThrow(() -> new UserException(notFound(name, "no file of that name, and no model of"
                                + " that name in " + settings.describe() + storedNames(store))));
                LOG.info("Read model '{}' from {}: {} layers, {} significant edges", name, settings.describe(),
                        data.layers().size(), data.significantEdges().stream().mapToLong(FigureEdges::size).sum());
                stored.put(name, data);
            }
        }
        return stored;
    }

    private static String notFound(String name, String detail) {
        return "Model '" + name + "' is neither a model file nor a stored model: " + detail;
    }

    /** Lists the stored models when there are few, so that a misspelt name is easy to fix. */
    private static String storedNames(GraphStore store) {
        List<String> names = new ModelCatalog(store).list().stream().map(StoredModel::name).toList();
        if (names.isEmpty()) {
            return ", which holds no model";
        }
        if (names.size() <= STORED_NAMES_LISTED) {
            return "; stored models: " + String.join(", ", names);
        }
        return "; it holds " + names.size() + " models, 'svr models' lists them";
    }

    /**
     * Rejects SVR options that were given explicitly with a different value than a stored model was
     * computed with: the stored SVR is drawn as it is, and plotting must not pretend otherwise. An
     * option that matches the stored setting is accepted, so a file and a stored model can be drawn
     * side by side with the same non-default settings. --backend changes no result and is ignored.
     */
    private void checkStoredSettings(FigureData data, SvrOptions requested) {
        ParseResult parsed = spec.commandLine().getParseResult();
        SvrOptions storedOptions = data.options();
        List<String> conflicts = new ArrayList<>();
        conflict(parsed, conflicts, "--method", requested.method().label(), storedOptions.method().label());
        conflict(parsed, conflicts, "--sigma", requested.sigmaLevel(), storedOptions.sigmaLevel());
        conflict(parsed, conflicts, "--criterion", requested.criterion().label(), storedOptions.criterion().label());
        conflict(parsed, conflicts, "--fdr", requested.fdrLevel(), storedOptions.fdrLevel());
        conflict(parsed, conflicts, "--top-k", requested.topK(), storedOptions.topK());
        conflict(parsed, conflicts, "--precision", label(requested.precision()), label(storedOptions.precision()));
        conflict(parsed, conflicts, "--fold-bn", requested.foldBatchNorm(), storedOptions.foldBatchNorm());
        conflict(parsed, conflicts, "--near-kernel", requested.nearKernelThreshold(),
                storedOptions.nearKernelThreshold());
        if (parsed.hasMatchedOption("--layers")) {
            conflicts.add("--layers (the stored chain is fixed)");
        }
        if (!conflicts.isEmpty()) {
            throw new UserException("Model '" + data.modelName() + "' is drawn as stored in the database, so these"
                    + " options cannot apply to it: " + String.join(", ", conflicts) + ". Drop them, or load the model"
                    + " again with these settings: svr load FILE --name '" + data.modelName() + "' --replace ...");
        }
    }

    private static void conflict(ParseResult parsed, List<String> conflicts, String option, Object requested,
            Object stored) {
        if (parsed.hasMatchedOption(option) && !requested.equals(stored)) {
            conflicts.add(option + " " + requested + " (stored: " + stored + ")");
        }
    }

    private static String label(Precision precision) {
        return precision.name().toLowerCase(java.util.Locale.ROOT);
    }

    private SvrResult compute(Path model, SvrOptions options) throws java.io.IOException {
        ModelChain chain = ModelFiles.readChain(model, chainLayers.selection());
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

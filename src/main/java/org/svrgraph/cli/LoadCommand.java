package org.svrgraph.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.svrgraph.spectral.SvrOptions;
import org.svrgraph.storage.GraphStore;
import org.svrgraph.storage.LoadOptions;
import org.svrgraph.storage.LoadSummary;
import org.svrgraph.storage.ModelCatalog;
import org.svrgraph.storage.ModelDescription;
import org.svrgraph.storage.ModelWriter;
import org.svrgraph.storage.WriteListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code svr load}: computes a model file's SVR and stores it in the graph as one model. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Compute the SVR of a model file and store it in Neo4j. The model becomes visible to queries"
                + " only when it is completely written.")
public final class LoadCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL_FILE", description = "The trained model's file.")
    Path modelFile;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Name of the model in the graph (default: the file name without its extension).")
    String name;

    @Mixin
    LayersMixin chainLayers;

    @Mixin
    SvrOptionsMixin svr;

    @Option(names = "--store-top", paramLabel = "K", defaultValue = "0",
            description = "Also store the K strongest edges into and out of every spectral neuron, significant or not"
                    + " (stored with significant = false). Default: 0, significant edges only.")
    int storeTop;

    @Option(names = "--replace", description = "Replace a stored model of the same name; the old one stays visible"
            + " until the new one is complete.")
    boolean replace;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    /** The analyzer given to the constructor, or null for the model file readers with --layers and --backend. */
    private final ModelAnalyzer analyzer;

    /** Creates the command with the default analyzer (model file readers and the SVR engine). */
    public LoadCommand() {
        this(null);
    }

    /** Creates the command with another analyzer, for tests or other model sources. */
    public LoadCommand(ModelAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(modelFile)) {
            throw new UserException("Model file not found: " + modelFile);
        }
        SvrOptions options = svr.toOptions();
        LoadOptions load = LoadOptions.DEFAULTS.withStoreTop(storeTop).withReplace(replace);
        String modelName = name != null ? name : defaultName(modelFile);

        long start = System.nanoTime();
        String sha256 = sha256(modelFile);
        ModelAnalyzer chosen = analyzer != null ? analyzer
                : new ModelFileAnalyzer(chainLayers.selection(), svr.backend());
        ModelAnalyzer.AnalyzedModel analyzed = chosen.analyze(modelFile, options, new ConsoleProgress());
        double analyzeSeconds = (System.nanoTime() - start) / 1e9;

        ModelDescription description = new ModelDescription(modelName, modelFile.toAbsolutePath().normalize().toString(), sha256,
                analyzed.format(), analyzed.parameterCount());
        LoadSummary summary;
        start = System.nanoTime();
        try (GraphStore store = GraphStore.open(database.settings())) {
            double openSeconds = (System.nanoTime() - start) / 1e9;
            new ModelCatalog(store).prepare();
            summary = new ModelWriter(store, WriteListener.NONE).write(description, analyzed.result(), load);
            printSummary(summary, analyzed, analyzeSeconds, openSeconds);
        }
        return 0;
    }

    private void printSummary(LoadSummary summary, ModelAnalyzer.AnalyzedModel analyzed, double analyzeSeconds,
            double openSeconds) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Loaded model '%s' from %s (%s)%n", summary.name(), modelFile, analyzed.format());
        out.printf(Locale.ROOT, "  layers: %d, spectral neurons: %d, edges stored: %d (%d significant)%s%n",
                summary.layers(), summary.neurons(), summary.edges(), summary.significantEdges(),
                summary.replaced() ? ", replaced the previous model" : "");
        StringBuilder times = new StringBuilder();
        times.append(String.format(Locale.ROOT, "read + svr %.2f s", analyzeSeconds));
        for (Map.Entry<String, Double> stage : analyzed.result().stageSeconds().entrySet()) {
            times.append(String.format(Locale.ROOT, " (%s %.2f s)", stage.getKey(), stage.getValue()));
        }
        times.append(String.format(Locale.ROOT, ", open database %.2f s", openSeconds));
        for (Map.Entry<String, Double> stage : summary.stageSeconds().entrySet()) {
            times.append(String.format(Locale.ROOT, ", %s %.2f s", stage.getKey(), stage.getValue()));
        }
        out.println("  time: " + times);
        out.flush();
    }

    static String defaultName(Path file) {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}

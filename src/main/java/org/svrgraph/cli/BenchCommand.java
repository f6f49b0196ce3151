package org.svrgraph.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.svrgraph.bench.SvrBenchmark;
import org.svrgraph.bench.Vgg16Chain;
import org.svrgraph.chain.WeightChain;
import org.svrgraph.spectral.Backend;
import org.svrgraph.spectral.LinearAlgebra;
import org.svrgraph.spectral.LinearAlgebras;
import org.svrgraph.spectral.Precision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code svr bench} command: times the SVR of a VGG16-shaped chain with random Gaussian weights,
 * stage by stage, in every requested rank mode and precision. Prints one line per step in the format
 * that bench/svr_numpy.py prints, so bench/compare.py can put both side by side.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time the SVR of a VGG16-shaped chain with random Gaussian weights, stage by stage.")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--layers", paramLabel = "N", defaultValue = "16",
            description = "Number of leading maps of VGG16 to use, 1 to 16 (13 convolutions, then 3 fully "
                    + "connected); default ${DEFAULT-VALUE}, the whole network.")
    private int layers;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = "auto",
            description = "Linear algebra: auto (OpenBLAS when it loads, else EJML), openblas or ejml; "
                    + "default ${DEFAULT-VALUE}.")
    private String backend;

    @Option(names = "--top-k", paramLabel = "K", split = ",", defaultValue = "0,128",
            description = "Rank modes to time, comma-separated: 0 for the full thin SVD, K > 0 for the top K "
                    + "triplets per layer; default ${DEFAULT-VALUE}.")
    private List<Integer> topKs;

    @Option(names = "--precision", paramLabel = "P", split = ",", defaultValue = "float64,float32",
            description = "SVD precisions to time, comma-separated: float64, float32; default ${DEFAULT-VALUE}.")
    private List<String> precisions;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1",
            description = "Layers decomposed at a time, each SVD on one thread (svr compute and load use one per "
                    + "core). Step times are per-layer times only with 1; default ${DEFAULT-VALUE}.")
    private int parallelism;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random weights; default ${DEFAULT-VALUE}.")
    private long seed;

    @Override
    public Integer call() {
        List<Precision> parsedPrecisions = precisions.stream().map(BenchCommand::parsePrecision).toList();
        for (int k : topKs) {
            if (k < 0) {
                throw new IllegalArgumentException("--top-k must be 0 (full rank) or positive, got " + k);
            }
        }
        LinearAlgebra algebra = LinearAlgebras.select(Backend.parse(backend));
        WeightChain chain = Vgg16Chain.random(layers, seed);

        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "# svr bench: implementation=java backend=%s layers=%d parameters=%d seed=%d cores=%d%n",
                algebra.name(), chain.size(), chain.parameterCount(), seed, Runtime.getRuntime().availableProcessors());
        out.flush();
        SvrBenchmark benchmark = new SvrBenchmark(algebra, chain, parallelism);
        for (int k : topKs) {
            for (Precision precision : parsedPrecisions) {
                for (String line : benchmark.run(k, precision)) {
                    out.println(line);
                }
                out.flush();
            }
        }
        return 0;
    }

    private static Precision parsePrecision(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "float64" -> Precision.FLOAT64;
            case "float32" -> Precision.FLOAT32;
            default -> throw new IllegalArgumentException("Invalid --precision '" + text
                    + "'; expected float64 or float32");
        };
    }
}

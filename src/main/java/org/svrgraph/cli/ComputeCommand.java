package org.svrgraph.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.svrgraph.export.ComputeExport;
import org.svrgraph.reader.ModelChain;
import org.svrgraph.reader.ModelFiles;
import org.svrgraph.spectral.LayerPair;
import org.svrgraph.spectral.SpectralLayer;
import org.svrgraph.spectral.SvrEngine;
import org.svrgraph.spectral.SvrResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code svr compute}: the SVR of a model file written as .npy files and summary.json, no database. */
@Command(name = "compute", mixinStandardHelpOptions = true,
        description = {"Compute the SVR of a model file and write it as NumPy files and JSON, without any database.",
            "",
            "Writes sigma_L.npy per layer: float64 singular values, descending.",
            "Writes adjacency_L.npy per layer pair: float64, r_{L+1} x r_L; row i is spectral neuron i of layer L+1,"
                    + " column j is neuron j of layer L.",
            "Writes summary.json: layers, pairs, significance under every criterion, derived quantities, options.",
            "Earlier sigma_*, adjacency_* and summary.json files in the directory are replaced."})
public final class ComputeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL_FILE", description = "The model file (see svr inspect for formats).")
    Path modelFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the output files.")
    Path outputDirectory;

    @Mixin
    LayersMixin chainLayers;

    @Mixin
    SvrOptionsMixin svrOptions;

    @Override
    public Integer call() throws Exception {
        ModelChain model = ModelFiles.readChain(modelFile, chainLayers.selection());
        SvrEngine engine = new SvrEngine(Backends.select(svrOptions.backend()));
        SvrResult result = engine.compute(model.chain(), svrOptions.toOptions(), new ConsoleProgress());
        Path summary = ComputeExport.write(result, modelFile.toString(), model.contents().format(), outputDirectory);
        printResult(result, summary);
        return 0;
    }

    private static void printResult(SvrResult result, Path summary) {
        System.out.printf(Locale.ROOT, "%-4s %-28s %-5s %-16s %6s %12s%n", "#", "layer", "kind", "shape", "rank",
                "sigma_max");
        for (SpectralLayer layer : result.layers()) {
            System.out.printf(Locale.ROOT, "%-4d %-28s %-5s %-16s %6d %12.5g%n", layer.index(), layer.name(),
                    layer.kind().shortName(), shapeText(layer.shape()), layer.rank(), layer.sigmaMax());
        }
        System.out.println();
        String criterion = result.options().criterion().label();
        System.out.printf(Locale.ROOT, "%-6s %6s %4s %12s %10s %10s %10s  %s%n", "pair", "n", "z", "edges",
                "chi2", "beta", "fdr", "in force: " + criterion);
        for (LayerPair pair : result.pairs()) {
            System.out.printf(Locale.ROOT, "%-6s %6d %4d %12d %10d %10d %10d%n", pair.index() + "-" + (pair.index() + 1),
                    pair.n(), pair.z(), (long) pair.adjacency().rows() * pair.adjacency().cols(),
                    pair.significance().chiSquareCount(), pair.significance().exactCount(),
                    pair.significance().fdrCount());
        }
        System.out.printf(Locale.ROOT, "%n%d spectral neurons, %d significant edges (%s), path metric %.6g%n",
                result.neuronCount(), result.significantEdgeCount(), criterion, result.pathMetric());
        System.out.println("Wrote " + summary.getParent());
    }

    private static String shapeText(int[] shape) {
        StringBuilder text = new StringBuilder();
        for (int d = 0; d < shape.length; d++) {
            text.append(d == 0 ? "" : "x").append(shape[d]);
        }
        return text.toString();
    }
}

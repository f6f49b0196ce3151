package org.svrgraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.svrgraph.chain.LinearMap;
import org.svrgraph.chain.WeightChain;
import org.svrgraph.reader.ChainBuilder;
import org.svrgraph.reader.ModelChain;
import org.svrgraph.reader.ModelContents;
import org.svrgraph.reader.ModelFiles;
import org.svrgraph.reader.SkippedTensor;
import org.svrgraph.reader.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code svr inspect}: shows what a model file contains and the chain the SVR would use, before any
 * SVD, so a user can check the layer choice and set {@code --layers}.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print a model file's format, every tensor (name, shape, dtype), the chain of linear maps"
                + " the SVR would use, and the weight tensors it skips with the reason. Computes no SVD.")
public final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL_FILE",
            description = "The model file: .safetensors (or a sharded model's .safetensors.index.json), .npz,"
                    + " .npy, a PyTorch .pt/.pth/.ckpt/.bin, .onnx, a TF.js model.json, a Keras .h5; or a model"
                    + " directory holding one of them.")
    Path modelFile;

    @Mixin
    LayersMixin chainLayers;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ModelContents contents = ModelFiles.read(modelFile);
        printTensors(out, contents);
        out.flush();
        ModelChain model = new ChainBuilder().build(contents, chainLayers.selection());
        printChain(out, model.chain());
        printSkipped(out, model);
        out.flush();
        return 0;
    }

    private static void printTensors(PrintWriter out, ModelContents contents) {
        out.printf("File:   %s%n", contents.file());
        out.printf("Format: %s%n", contents.format());
        out.printf("%nTensors (%d):%n", contents.tensors().size());
        int width = Math.max(4, contents.tensors().stream().mapToInt(t -> t.name().length()).max().orElse(0));
        out.printf("  %-" + width + "s  %-18s  %s%n", "name", "shape", "dtype");
        for (Tensor tensor : contents.tensors()) {
            out.printf("  %-" + width + "s  %-18s  %s%n", tensor.name(), tensor.shapeText(), tensor.dtype());
        }
        if (!contents.graphMaps().isEmpty()) {
            out.printf("%nThe file has a computation graph: %d linear maps in graph order.%n", contents.graphMaps().size());
        }
    }

    private static void printChain(PrintWriter out, WeightChain chain) {
        out.printf("%nChain (%d maps, %d weights):%n", chain.size(), chain.parameterCount());
        int width = Math.max(4, chain.maps().stream().mapToInt(m -> m.name().length()).max().orElse(0));
        String row = "  %-5s  %-" + width + "s  %-4s  %-14s  %-12s  %-15s  %s%n";
        out.printf(row, "index", "name", "kind", "shape", "svr matrix", "flatten", "BatchNorm");
        for (int l = 0; l < chain.size(); l++) {
            LinearMap map = chain.get(l);
            boolean flattens = l > 0 && chain.get(l - 1).kind() != map.kind();
            out.printf(row, l, map.name(), map.kind().shortName(), map.shapeText(),
                    map.outputs() + "x" + map.columns(),
                    flattens ? map.flattenOrder().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') : "-",
                    map.batchNorm() == null ? "no" : map.batchNorm().name() + " (eps " + map.batchNorm().eps() + ")");
        }
    }

    private static void printSkipped(PrintWriter out, ModelChain model) {
        if (model.skipped().isEmpty()) {
            out.printf("%nSkipped: none%n");
            return;
        }
        out.printf("%nSkipped (%d):%n", model.skipped().size());
        for (SkippedTensor skipped : model.skipped()) {
            out.printf("  %s %s: %s%n", skipped.name(), skipped.shapeText(), skipped.reason());
        }
    }
}

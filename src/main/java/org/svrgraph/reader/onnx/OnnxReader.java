package org.svrgraph.reader.onnx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.svrgraph.chain.ChainException;
import org.svrgraph.chain.FlattenOrder;
import org.svrgraph.reader.ModelContents;
import org.svrgraph.reader.ModelFormatException;
import org.svrgraph.reader.ModelReader;
import org.svrgraph.reader.graph.GraphChain;
import org.svrgraph.reader.graph.GraphChainBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an ONNX model ({@code .onnx}): every initializer and Constant tensor, and the chain of Gemm,
 * MatMul and Conv maps along the graph's main path with their BatchNormalization attached.
 *
 * <p>The flatten order is channels-first, as PyTorch's exporter writes it, unless the graph
 * transposes a feature map to NHWC ({@code Transpose} with perm [0, 2, 3, 1]) right before a
 * {@code Flatten} or {@code Reshape}, which is how TensorFlow converters write a Keras Flatten.
 */
public final class OnnxReader implements ModelReader {

    private static final Logger LOG = LoggerFactory.getLogger(OnnxReader.class);

    @Override
    public String format() {
        return "onnx";
    }

    @Override
    public boolean accepts(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx");
    }

    @Override
    public ModelContents read(Path file) throws IOException {
        long started = System.nanoTime();
        OnnxGraph graph = new OnnxProtoParser(file).parseModel(map(file));
        OnnxConstants.Constants constants = OnnxConstants.decode(file, graph);
        GraphChain chain;
        try {
            chain = new GraphChainBuilder(file, flattenOrder(graph))
                    .build(new OnnxGraphConverter(constants.byName()).convert(graph.nodes()));
        } catch (ChainException e) {
            throw new ModelFormatException(file, e.getMessage(), e);
        }
        LOG.info("Read {}: ONNX IR {} from '{}', {} nodes, {} tensors, {} maps in {} ms", file, graph.irVersion(),
                graph.producer(), graph.nodes().size(), constants.stored().size(), chain.maps().size(),
                (System.nanoTime() - started) / 1_000_000);
        return new ModelContents(file, format(), constants.stored(), chain.maps(), chain.skipped());
    }

    /**
     * Returns channels-last when an NHWC transpose feeds a Flatten or Reshape. NOTE: one order
     * applies to the whole model, which fits the usual single flatten before the classifier.
     */
    private static FlattenOrder flattenOrder(OnnxGraph graph) {
        Set<String> nhwcOutputs = new HashSet<>();
        for (OnnxNode node : graph.nodes()) {
            OnnxAttribute perm = node.attributes().get("perm");
            if (node.opType().equals("Transpose") && perm != null
                    && Arrays.equals(perm.ints(), new long[] {0, 2, 3, 1})) {
                nhwcOutputs.addAll(node.outputs());
            }
        }
        for (OnnxNode node : graph.nodes()) {
            boolean flattens = node.opType().equals("Flatten") || node.opType().equals("Reshape");
            if (flattens && !node.inputs().isEmpty() && nhwcOutputs.contains(node.inputs().get(0))) {
                return FlattenOrder.CHANNELS_LAST;
            }
        }
        return FlattenOrder.CHANNELS_FIRST;
    }

    /** Maps the file read-only; protobuf messages are limited to 2 GiB, so larger files are invalid. */
    private static ByteBuffer map(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException(file, "not found or not a regular file");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new ModelFormatException(file, "file of " + size + " bytes is larger than the 2 GiB a"
                        + " protobuf message can have; large ONNX models keep their weights as external data");
            }
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        }
    }
}

package org.svrgraph.reader.onnx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.svrgraph.chain.ChainException;
import org.svrgraph.chain.FlattenOrder;
import org.svrgraph.reader.ModelContents;
import org.svrgraph.reader.ModelFormatException;
import org.svrgraph.reader.ModelReader;
import org.svrgraph.reader.Tensor;
import org.svrgraph.reader.graph.GraphChain;
import org.svrgraph.reader.graph.GraphChainBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an ONNX model ({@code .onnx}): every initializer and Constant tensor, and the chain of Gemm,
 * MatMul and Conv maps along the graph's main path with their BatchNormalization attached.
 *
 * <p>The flatten order is channels-first, which is what PyTorch's exporter produces.
 * TODO: models converted from TensorFlow flatten channels-last after a Transpose; detect that pattern.
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
        Map<String, Tensor> constants = decodeConstants(file, graph);
        GraphChain chain;
        try {
            chain = new GraphChainBuilder(file, FlattenOrder.CHANNELS_FIRST)
                    .build(new OnnxGraphConverter(constants).convert(graph.nodes()));
        } catch (ChainException e) {
            throw new ModelFormatException(file, e.getMessage(), e);
        }
        LOG.info("Read {}: ONNX IR {} from '{}', {} nodes, {} tensors, {} maps in {} ms", file, graph.irVersion(),
                graph.producer(), graph.nodes().size(), constants.size(), chain.maps().size(),
                (System.nanoTime() - started) / 1_000_000);
        return new ModelContents(file, format(), new ArrayList<>(constants.values()), chain.maps());
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

    /** Decodes initializers in file order, then the values of Constant nodes by their output names. */
    private static Map<String, Tensor> decodeConstants(Path file, OnnxGraph graph) throws IOException {
        OnnxTensorDecoder decoder = new OnnxTensorDecoder(file);
        Map<String, Tensor> constants = new LinkedHashMap<>();
        for (OnnxTensorProto initializer : graph.initializers()) {
            constants.put(initializer.name(), decoder.decode(initializer, initializer.name()));
        }
        for (OnnxNode node : graph.nodes()) {
            boolean defaultDomain = node.domain().isEmpty() || node.domain().equals("ai.onnx");
            if (!defaultDomain || node.outputs().isEmpty()) {
                continue;
            }
            String output = node.outputs().get(0);
            if (node.opType().equals("Constant")) {
                OnnxAttribute value = node.attributes().get("value");
                if (value != null && value.tensor() != null) {
                    constants.put(output, decoder.decode(value.tensor(), output));
                }
            } else if (node.opType().equals("Identity") && !node.inputs().isEmpty()
                    && constants.containsKey(node.inputs().get(0))) {
                // Some exporters pass weights through an Identity node; the copy is the same tensor.
                Tensor source = constants.get(node.inputs().get(0));
                constants.put(output, new Tensor(output, source.shape(), source.dtype(), source.values()));
            }
        }
        return constants;
    }
}

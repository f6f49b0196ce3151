package org.svrgraph.reader.keras;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jhdf.HdfFile;
import io.jhdf.Superblock;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Reads a Keras HDF5 file ({@code .h5}, {@code .hdf5}) in the Keras 2 layout: the layer weights
 * under {@code /model_weights} (or at the root for {@code save_weights} files), ordered by the
 * {@code model_config} attribute when present, else by the {@code layer_names} attribute. Keras
 * flattens channels-last.
 */
public final class KerasH5Reader implements ModelReader {

    private static final Logger LOG = LoggerFactory.getLogger(KerasH5Reader.class);
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1A, '\n'};

    @Override
    public String format() {
        return "keras-h5";
    }

    @Override
    public boolean accepts(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".h5") || name.endsWith(".hdf5");
    }

    @Override
    public ModelContents read(Path file) throws IOException {
        long started = System.nanoTime();
        checkSignature(file);
        long fileSize = Files.size(file);
        try (HdfFile hdf = new HdfFile(file)) {
            checkEndOfFile(file, fileSize, hdf);
            Group weightsGroup = hdf.getChild("model_weights") instanceof Group group ? group : hdf;
            List<String> layerNames = strings(attribute(weightsGroup, "layer_names"));
            if (layerNames.isEmpty()) {
                throw new ModelFormatException(file, "no layer_names attribute found: this is not a Keras HDF5"
                        + " model or weights file");
            }
            Map<String, Map<String, Tensor>> weights = readWeights(file, fileSize, weightsGroup, layerNames);
            List<KerasLayer> layers = layers(file, hdf, layerNames, weights);
            GraphChain chain = new GraphChainBuilder(file, FlattenOrder.CHANNELS_LAST).build(
                    new KerasGraphConverter(file, (layer, name) -> weights.getOrDefault(layer, Map.of()).get(name))
                            .convert(layers));
            List<Tensor> tensors = new ArrayList<>();
            weights.values().forEach(byName -> tensors.addAll(byName.values()));
            LOG.info("Read {}: Keras HDF5, {} layers, {} tensors, {} maps in {} ms", file, layers.size(),
                    tensors.size(), chain.maps().size(), (System.nanoTime() - started) / 1_000_000);
            return new ModelContents(file, format(), tensors, chain.maps(), chain.skipped());
        } catch (ChainException e) {
            throw new ModelFormatException(file, e.getMessage(), e);
        } catch (RuntimeException e) {
            // jhdf reports corrupt structures with unchecked exceptions of several kinds.
            throw new ModelFormatException(file, "invalid or truncated HDF5 file: " + e, e);
        }
    }

    /** Reads each layer's weights, keyed by layer name and then by Keras weight name ({@code kernel}). */
    private static Map<String, Map<String, Tensor>> readWeights(Path file, long fileSize, Group weightsGroup,
            List<String> layerNames) throws ModelFormatException {
        Map<String, Map<String, Tensor>> weights = new LinkedHashMap<>();
        for (String layerName : layerNames) {
            if (!(weightsGroup.getChild(layerName) instanceof Group layerGroup)) {
                throw new ModelFormatException(file, "layer '" + layerName + "' is listed in layer_names but has no"
                        + " group");
            }
            Map<String, Tensor> byName = new LinkedHashMap<>();
            for (String weightName : strings(attribute(layerGroup, "weight_names"))) {
                Node node = layerGroup.getByPath(weightName);
                if (!(node instanceof Dataset dataset)) {
                    throw new ModelFormatException(file, "weight '" + weightName + "' of layer '" + layerName
                            + "' is not a dataset");
                }
                byName.put(shortName(weightName), Hdf5Tensors.read(file, fileSize, dataset, weightName));
            }
            weights.put(layerName, byName);
        }
        return weights;
    }

    /** Layers from the model config, or inferred from the weight names when the file has none. */
    private static List<KerasLayer> layers(Path file, HdfFile hdf, List<String> layerNames,
            Map<String, Map<String, Tensor>> weights) throws ModelFormatException {
        Object config = attribute(hdf, "model_config");
        if (config != null) {
            String json = config instanceof String[] array && array.length == 1 ? array[0] : String.valueOf(config);
            try {
                JsonNode model = new ObjectMapper().readTree(json);
                return KerasModelConfig.layers(file, model);
            } catch (JacksonException e) {
                throw new ModelFormatException(file, "the model_config attribute is not valid JSON: "
                        + e.getOriginalMessage());
            }
        }
        List<KerasLayer> layers = new ArrayList<>();
        String previous = null;
        for (String name : layerNames) {
            Map<String, Tensor> byName = weights.get(name);
            layers.add(KerasModelConfig.inferred(name, inferClass(byName), previous == null ? List.of()
                    : List.of(previous)));
            previous = name;
        }
        LOG.info("{}: no model_config attribute; layer kinds inferred from weight names and shapes, in"
                + " layer_names order, with BatchNormalization epsilon {}", file, KerasGraphConverter.DEFAULT_EPSILON);
        return layers;
    }

    private static String inferClass(Map<String, Tensor> weights) {
        if (weights.containsKey("moving_variance")) {
            return "BatchNormalization";
        }
        if (weights.containsKey("depthwise_kernel")) {
            return "DepthwiseConv2D";
        }
        Tensor kernel = weights.get("kernel");
        if (kernel == null) {
            return "Unknown";
        }
        return switch (kernel.shape().length) {
            case 2 -> "Dense";
            case 3 -> "Conv1D";
            case 4 -> "Conv2D";
            default -> "Unknown";
        };
    }

    /** Returns {@code kernel} for {@code dense/kernel:0}. */
    private static String shortName(String weightName) {
        String last = weightName.substring(weightName.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        return colon < 0 ? last : last.substring(0, colon);
    }

    private static Object attribute(Node node, String name) {
        Attribute attribute = node.getAttribute(name);
        return attribute == null ? null : attribute.getData();
    }

    /** Reads a string or string-array attribute; other types (such as an empty float array) give no strings. */
    private static List<String> strings(Object data) {
        if (data instanceof String[] array) {
            return Arrays.asList(array);
        }
        if (data instanceof String text) {
            return List.of(text);
        }
        return List.of();
    }

    /** Rejects a file shorter than the end-of-file address its superblock declares: it was cut off. */
    private static void checkEndOfFile(Path file, long fileSize, HdfFile hdf) throws ModelFormatException {
        Superblock superblock = hdf.getHdfBackingStorage().getSuperblock();
        // The end-of-file address counts from the start of the file, user block included (as h5py writes it).
        long declared = superblock.getEndOfFileAddress();
        if (declared > fileSize) {
            throw new ModelFormatException(file, "truncated HDF5 file: the superblock declares " + declared
                    + " bytes but the file has " + fileSize);
        }
    }

    /**
     * Checks for the HDF5 signature, which the HDF5 format places at byte 0 or, after a user block,
     * at byte 512, 1024, 2048 and so on.
     */
    private static void checkSignature(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException(file, "not found or not a regular file");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            for (long offset = 0; offset + SIGNATURE.length <= size; offset = offset == 0 ? 512 : offset * 2) {
                ByteBuffer head = ByteBuffer.allocate(SIGNATURE.length);
                while (head.hasRemaining() && channel.read(head, offset + head.position()) > 0) {
                    // reads until the signature's 8 bytes are in
                }
                if (Arrays.equals(head.array(), SIGNATURE)) {
                    return;
                }
            }
        }
        throw new ModelFormatException(file, "not an HDF5 file: the 8-byte HDF5 signature is missing");
    }
}

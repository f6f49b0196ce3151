package org.svrgraph.reader.tfjs;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.svrgraph.reader.graph.GraphOp;
import org.svrgraph.reader.keras.KerasGraphConverter;
import org.svrgraph.reader.keras.KerasModelConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a TensorFlow.js model: {@code model.json} with its binary weight shards. Graph models
 * ({@code modelTopology.node}, TensorFlow ops) and layers models (a Keras config) are both read;
 * TensorFlow flattens channels-last.
 */
public final class TfjsReader implements ModelReader {

    private static final Logger LOG = LoggerFactory.getLogger(TfjsReader.class);
    /** How much of a JSON file {@link #accepts} reads to find the TF.js keys. */
    private static final int SNIFF_BYTES = 1 << 20;

    @Override
    public String format() {
        return "tfjs";
    }

    @Override
    public boolean accepts(Path file) throws IOException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".json") || !Files.isRegularFile(file)) {
            return false;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        String text = new String(head, StandardCharsets.UTF_8);
        return text.contains("\"modelTopology\"") || text.contains("\"weightsManifest\"");
    }

    @Override
    public ModelContents read(Path file) throws IOException {
        long started = System.nanoTime();
        JsonNode model = parse(file);
        JsonNode topology = model.get("modelTopology");
        if (topology == null || !topology.isObject()) {
            throw new ModelFormatException(file, "no modelTopology object: this is not a TF.js model.json");
        }
        Map<String, Tensor> weights = new TfjsWeightsManifest(file).read(model.get("weightsManifest"));
        boolean graphModel = topology.has("node");
        GraphChain chain;
        try {
            List<GraphOp> ops = graphModel
                    ? new TfjsGraphConverter(file, weights).convert(topology.get("node"))
                    : layersModelOps(file, topology, weights);
            chain = new GraphChainBuilder(file, FlattenOrder.CHANNELS_LAST).build(ops);
        } catch (ChainException e) {
            throw new ModelFormatException(file, e.getMessage(), e);
        }
        LOG.info("Read {}: TF.js {} model, {} weights, {} maps in {} ms", file, graphModel ? "graph" : "layers",
                weights.size(), chain.maps().size(), (System.nanoTime() - started) / 1_000_000);
        return new ModelContents(file, format(), new ArrayList<>(weights.values()), chain.maps(), chain.skipped());
    }

    private static List<GraphOp> layersModelOps(Path file, JsonNode topology, Map<String, Tensor> weights)
            throws IOException {
        JsonNode config = topology.has("model_config") ? topology.get("model_config") : topology;
        return new KerasGraphConverter(file, (layer, weight) -> find(weights, layer, weight))
                .convert(KerasModelConfig.layers(file, config));
    }

    /** Finds {@code layer/weight}, also under a model-name prefix such as {@code sequential/layer/weight}. */
    private static Tensor find(Map<String, Tensor> weights, String layer, String weight) {
        String exact = layer + "/" + weight;
        Tensor tensor = weights.get(exact);
        if (tensor != null) {
            return tensor;
        }
        for (Map.Entry<String, Tensor> entry : weights.entrySet()) {
            if (entry.getKey().endsWith("/" + exact)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static JsonNode parse(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException(file, "not found or not a regular file");
        }
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new ModelFormatException(file, "not a JSON object: this is not a TF.js model.json");
            }
            return root;
        } catch (JacksonException e) {
            JsonLocation location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column "
                    + location.getColumnNr();
            throw new ModelFormatException(file, "invalid JSON" + where + ": " + e.getOriginalMessage());
        }
    }
}

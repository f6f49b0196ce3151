package org.svrgraph.reader.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.svrgraph.reader.ModelFormatException;

/**
 * Reads the layer list of a Keras model config ({@code {"class_name": ..., "config": ...}}), as
 * stored in the {@code model_config} attribute of a Keras HDF5 file and in the
 * {@code modelTopology} of a TF.js layers model. Sequential models chain their layers in order;
 * functional models name each layer's inputs in {@code inbound_nodes}, in the Keras 2 form
 * (nested lists {@code [[["name", 0, 0, {}]]]}) or the Keras 3 form ({@code keras_history}).
 */
public final class KerasModelConfig {

    private KerasModelConfig() {
    }

    /** Returns the layers in config order, which Keras keeps topological. */
    public static List<KerasLayer> layers(Path file, JsonNode model) throws ModelFormatException {
        String className = model.path("class_name").asText("");
        JsonNode config = model.get("config");
        if (config == null || className.isEmpty()) {
            throw new ModelFormatException(file, "the model config has no class_name and config");
        }
        JsonNode layerList = config.isArray() ? config : config.get("layers");
        if (layerList == null || !layerList.isArray()) {
            throw new ModelFormatException(file, "the " + className + " model config has no layer list");
        }
        boolean sequential = className.equals("Sequential");
        List<KerasLayer> layers = new ArrayList<>();
        String previous = null;
        for (JsonNode layer : layerList) {
            String layerClass = layer.path("class_name").asText("");
            JsonNode layerConfig = layer.path("config");
            String name = layer.has("name") ? layer.get("name").asText() : layerConfig.path("name").asText("");
            if (layerClass.isEmpty() || name.isEmpty()) {
                throw new ModelFormatException(file, "a layer of the model config has no class_name or name: "
                        + abbreviate(layer.toString()));
            }
            List<String> inbound = new ArrayList<>();
            if (sequential) {
                if (previous != null) {
                    inbound.add(previous);
                }
            } else {
                collectInbound(layer.path("inbound_nodes"), inbound);
            }
            layers.add(new KerasLayer(name, layerClass, layerConfig, inbound));
            previous = name;
        }
        return layers;
    }

    /** Creates a config-less layer, for weight files that store no model config. */
    public static KerasLayer inferred(String name, String className, List<String> inbound) {
        return new KerasLayer(name, className, JsonNodeFactory.instance.objectNode(), inbound);
    }

    /**
     * Collects the source layer names of the first inbound node. Keras 2 stores
     * {@code [["name", node, tensor, kwargs], ...]}, and Keras 3 stores
     * {@code {"args": [...], "kwargs": {...}}} with {@code keras_history: ["name", node, tensor]}.
     */
    private static void collectInbound(JsonNode inboundNodes, List<String> into) {
        if (!inboundNodes.isArray() || inboundNodes.isEmpty()) {
            return;
        }
        JsonNode first = inboundNodes.get(0);
        if (first.isObject()) {
            collectHistories(first.path("args"), into);
        } else if (first.isArray()) {
            for (JsonNode source : first) {
                if (source.isArray() && !source.isEmpty() && source.get(0).isTextual()) {
                    into.add(source.get(0).asText());
                }
            }
        }
    }

    private static void collectHistories(JsonNode node, List<String> into) {
        if (node.isObject()) {
            JsonNode history = node.path("config").path("keras_history");
            if (history.isArray() && !history.isEmpty()) {
                into.add(history.get(0).asText());
                return;
            }
            node.forEach(child -> collectHistories(child, into));
        } else if (node.isArray()) {
            node.forEach(child -> collectHistories(child, into));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}

package org.svrgraph.reader.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One layer of a Keras model config.
 *
 * @param name the layer's name, which also names its output
 * @param className the Keras class, such as {@code Conv2D}
 * @param config the layer's {@code config} object (empty when the file has no model config)
 * @param inbound names of the layers whose outputs this layer reads
 */
public record KerasLayer(String name, String className, JsonNode config, List<String> inbound) {

    public KerasLayer {
        inbound = List.copyOf(inbound);
    }
}

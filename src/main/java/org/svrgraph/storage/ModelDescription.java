package org.svrgraph.storage;

import java.util.Objects;

/**
 * Origin of a model, as the graph records it besides the SVR.
 *
 * @param name the model's name in the graph (unique)
 * @param source the model file's path as given, or another description of its origin
 * @param sha256 hex SHA-256 of the model file, or null when there is no file
 * @param format the reader's format name, such as safetensors
 * @param parameterCount weights over all linear maps of the chain
 */
public record ModelDescription(String name, String source, String sha256, String format, long parameterCount) {

    public ModelDescription {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Model name must not be blank");
        }
    }
}

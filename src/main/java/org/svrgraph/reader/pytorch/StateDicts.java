package org.svrgraph.reader.pytorch;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svrgraph.reader.ModelFormatException;

/** Finds the state dict in what a PyTorch file's pickle built. */
final class StateDicts {

    private static final Logger LOG = LoggerFactory.getLogger(StateDicts.class);

    /**
     * Checkpoint keys that hold the model's weights, in the order they are tried: Lightning and most
     * training scripts use {@code state_dict}, others {@code model} or {@code model_state_dict}.
     */
    private static final List<String> WEIGHT_KEYS = List.of("state_dict", "model", "model_state_dict", "module", "net");

    private StateDicts() {
    }

    /**
     * Returns the tensors by name, in pickle order: those of the first checkpoint entry in
     * {@link #WEIGHT_KEYS} that is a dict with tensors, else the root dict's (a bare state dict).
     * Entries that are not tensors (such as {@code _extra_state}) are left out.
     */
    static Map<String, TensorRef> locate(Path file, Object root) throws ModelFormatException {
        if (!(root instanceof Map<?, ?> map)) {
            throw new ModelFormatException(file, "contains a " + AllowedGlobals.describe(root)
                    + ", not a state dict (a dict of tensor names to tensors)");
        }
        // A checkpoint may keep a few tensors next to its state dict, so the state dict comes first.
        for (String key : WEIGHT_KEYS) {
            if (map.get(key) instanceof Map<?, ?> inner) {
                Map<String, TensorRef> tensors = tensorsOf(inner);
                if (!tensors.isEmpty()) {
                    LOG.info("{}: reading the {} tensors under checkpoint key '{}'", file, tensors.size(), key);
                    return tensors;
                }
            }
        }
        Map<String, TensorRef> tensors = tensorsOf(map);
        if (!tensors.isEmpty()) {
            return tensors;
        }
        throw new ModelFormatException(file, "contains a dict without tensors, and none of its keys " + WEIGHT_KEYS
                + " contains a state dict; top-level keys: " + map.keySet());
    }

    private static Map<String, TensorRef> tensorsOf(Map<?, ?> map) {
        Map<String, TensorRef> tensors = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getKey() instanceof String name && entry.getValue() instanceof TensorRef tensor) {
                tensors.put(name, tensor);
            }
        }
        return tensors;
    }
}

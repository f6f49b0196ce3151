package org.svrgraph.reader.keras;

import java.io.IOException;
import org.svrgraph.reader.Tensor;

/** Looks up a layer's weight by its Keras name, such as {@code kernel} or {@code moving_mean}. */
@FunctionalInterface
public interface KerasWeights {

    /** Returns the weight, or null when the layer has none of that name. */
    Tensor find(String layer, String weight) throws IOException;
}

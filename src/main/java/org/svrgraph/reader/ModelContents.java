package org.svrgraph.reader;

import java.nio.file.Path;
import java.util.List;
import org.svrgraph.chain.LinearMap;

/**
 * What a reader found in a model file.
 *
 * @param file the file that was read
 * @param format the format's name, such as {@code npz}, {@code safetensors}, {@code pytorch}
 * @param tensors every tensor in the file, as stored, in file order
 * @param graphMaps for formats with a computation graph (ONNX, TF.js, Keras with config): the linear
 *     maps in the order the graph computes them, already in PyTorch layout with their BatchNorm
 *     attached; empty for state-dict formats, whose chain is inferred from names and shapes
 * @param graphSkipped for formats with a computation graph: the linear operations and BatchNorms
 *     the reader left out of {@code graphMaps}, each with the reason
 */
public record ModelContents(Path file, String format, List<Tensor> tensors, List<LinearMap> graphMaps,
        List<SkippedTensor> graphSkipped) {

    public ModelContents {
        tensors = List.copyOf(tensors);
        graphMaps = List.copyOf(graphMaps);
        graphSkipped = List.copyOf(graphSkipped);
    }

    /** Creates the contents of a file whose reader skipped nothing, such as a state dict. */
    public ModelContents(Path file, String format, List<Tensor> tensors, List<LinearMap> graphMaps) {
        this(file, format, tensors, graphMaps, List.of());
    }
}

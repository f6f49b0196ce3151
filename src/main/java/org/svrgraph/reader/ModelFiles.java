package org.svrgraph.reader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.svrgraph.reader.keras.KerasH5Reader;
import org.svrgraph.reader.numpy.NpyReader;
import org.svrgraph.reader.numpy.NpzReader;
import org.svrgraph.reader.onnx.OnnxReader;
import org.svrgraph.reader.pytorch.PyTorchReader;
import org.svrgraph.reader.safetensors.SafetensorsReader;
import org.svrgraph.reader.tfjs.TfjsReader;

/**
 * Entry point for reading a model file of any supported format: picks the reader by file name
 * and, where the name does not decide it, by the file's first bytes.
 */
public final class ModelFiles {

    /** Readers in the order they are asked; the first that accepts a file reads it. */
    private static final List<ModelReader> READERS = List.of(
            new SafetensorsReader(),
            new NpzReader(),
            new NpyReader(),
            new PyTorchReader(),
            new OnnxReader(),
            new KerasH5Reader(),
            new TfjsReader());

    /** Weight files looked for, in this order, when the argument is a model directory. */
    private static final List<String> DIRECTORY_FILES = List.of("model.safetensors.index.json",
            "model.safetensors", "pytorch_model.bin", "model.pt", "model.pth", "model.onnx", "model.h5",
            "model.json");

    private ModelFiles() {
    }

    /** Names of the supported formats, for help text and messages. */
    public static List<String> supportedFormats() {
        return READERS.stream().map(ModelReader::format).toList();
    }

    /**
     * Reads every tensor of a model file.
     *
     * @throws ModelFormatException when the file is missing, of no supported format, or invalid
     */
    public static ModelContents read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new ModelFormatException(file, "file not found");
        }
        Path model = Files.isDirectory(file) ? modelInDirectory(file) : file;
        if (!Files.isRegularFile(model)) {
            throw new ModelFormatException(file, "not a regular file; give the model file itself"
                    + " (for a sharded safetensors model, its .safetensors.index.json)");
        }
        // TODO: report reading progress through org.svrgraph.Progress; a reader of a multi-GB file logs only when done.
        return readerFor(model).read(model);
    }

    /**
     * Returns the weights file of a model directory as Hugging Face lays it out, preferring
     * safetensors to PyTorch pickles.
     */
    private static Path modelInDirectory(Path directory) throws ModelFormatException {
        for (String name : DIRECTORY_FILES) {
            Path candidate = directory.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new ModelFormatException(directory, "is a directory without any of " + DIRECTORY_FILES
                + "; give the model file itself");
    }

    /** Reads a model file and builds its weight chain. */
    public static ModelChain readChain(Path file, ChainSelection selection) throws IOException {
        return new ChainBuilder().build(read(file), selection);
    }

    private static ModelReader readerFor(Path file) throws IOException {
        for (ModelReader reader : READERS) {
            if (reader.accepts(file)) {
                return reader;
            }
        }
        throw new ModelFormatException(file, "unknown model format; supported formats: "
                + String.join(", ", supportedFormats())
                + " (.safetensors or .safetensors.index.json, .npz, .npy, PyTorch .pt/.pth/.ckpt/.bin, .onnx,"
                + " Keras .h5/.hdf5, TF.js model.json)");
    }
}

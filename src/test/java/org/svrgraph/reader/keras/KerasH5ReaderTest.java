package org.svrgraph.reader.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.svrgraph.chain.WeightChain;
import org.svrgraph.reader.ModelContents;
import org.svrgraph.reader.ModelFormatException;
import org.svrgraph.reader.Tensor;
import org.svrgraph.reader.graph.GraphReference;

class KerasH5ReaderTest {

    private static GraphReference reference;
    private final KerasH5Reader reader = new KerasH5Reader();

    @BeforeAll
    static void loadReference() throws IOException {
        reference = GraphReference.load();
    }

    @Test
    void modelFileMatchesReference() throws IOException {
        ModelContents contents = reader.read(GraphReference.fixture("small_net.h5"));

        assertEquals("keras-h5", contents.format());
        reference.assertMapsFromChannelsLast("small_net", contents.graphMaps(), 0.0);
        new WeightChain(contents.graphMaps());
    }

    @Test
    void modelFileListsEveryWeight() throws IOException {
        List<Tensor> tensors = reader.read(GraphReference.fixture("small_net.h5")).tensors();

        // conv, 4 BN, conv, dense, 4 BN, dense, in layer_names order.
        assertEquals(12, tensors.size());
        assertEquals("conv2d/kernel:0", tensors.get(0).name());
        assertTrue(Arrays.equals(new int[] {3, 3, 3, 4}, tensors.get(0).shape()), "stored shape is Keras's");
        assertEquals("float32", tensors.get(0).dtype());
    }

    @Test
    void userBlockBeforeSignature() throws IOException {
        ModelContents contents = reader.read(GraphReference.fixture("small_net_userblock.h5"));

        reference.assertMapsFromChannelsLast("small_net", contents.graphMaps(), 0.0);
    }

    @Test
    void weightsOnlyFileFallsBackToLayerNames() throws IOException {
        ModelContents contents = reader.read(GraphReference.fixture("small_net_weights.h5"));

        // Without a config the BatchNorm epsilon is Keras's default, not the 1e-3 and 1e-5 of the reference.
        assertEquals(4, contents.graphMaps().size());
        assertEquals(KerasGraphConverter.DEFAULT_EPSILON, contents.graphMaps().get(2).batchNorm().eps());
        assertEquals(reference.weights("small_net", 0)[5], contents.graphMaps().get(0).weights()[5], 0.0);
        new WeightChain(contents.graphMaps());
    }

    // ---------------------------------------------------------------- invalid input

    @Test
    void truncatedFileRejected(@TempDir Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(GraphReference.fixture("small_net.h5"));
        for (int keep : new int[] {bytes.length / 2, bytes.length - 200, 600}) {
            Path file = dir.resolve("truncated_" + keep + ".h5");
            Files.write(file, Arrays.copyOf(bytes, keep));

            ModelFormatException error = assertThrows(ModelFormatException.class, () -> reader.read(file));
            assertTrue(error.getMessage().startsWith(file.toString()), error.getMessage());
        }
    }

    @Test
    void badSignatureRejected(@TempDir Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(GraphReference.fixture("small_net.h5"));
        bytes[1] = 'X';
        Path file = dir.resolve("corrupt.h5");
        Files.write(file, bytes);

        ModelFormatException error = assertThrows(ModelFormatException.class, () -> reader.read(file));
        assertMessage(error, file, "not an HDF5 file");
    }

    @Test
    void kernelShapeNotMatchingConfigRejected() {
        Path file = GraphReference.fixture("bad_shape.h5");
        ModelFormatException error = assertThrows(ModelFormatException.class, () -> reader.read(file));
        assertMessage(error, file, "Dense layer 'dense': kernel shape [36, 4] does not match [inputs, units]"
                + " with units 5");
    }

    @Test
    void stringWeightRejected() {
        Path file = GraphReference.fixture("bad_dtype.h5");
        ModelFormatException error = assertThrows(ModelFormatException.class, () -> reader.read(file));
        assertMessage(error, file, "weight 'dense_1/kernel:0' has unsupported data type String");
    }

    @Test
    void plainHdf5FileRejected() {
        // An ONNX file is not HDF5 at all; a Keras name does not make it one.
        Path file = GraphReference.fixture("small_net.onnx");
        ModelFormatException error = assertThrows(ModelFormatException.class, () -> reader.read(file));
        assertMessage(error, file, "not an HDF5 file");
    }

    private static void assertMessage(ModelFormatException error, Path file, String problem) {
        assertTrue(error.getMessage().startsWith(file.toString()), error.getMessage());
        assertTrue(error.getMessage().contains(problem), error.getMessage());
    }
}

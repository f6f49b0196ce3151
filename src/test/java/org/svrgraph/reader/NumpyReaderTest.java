package org.svrgraph.reader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.svrgraph.chain.LinearMap;
import org.svrgraph.chain.MapKind;

class NumpyReaderTest {

    @Test
    void npzChainMatchesReference() throws Exception {
        ModelChain model = ModelFiles.readChain(Fixtures.path("tiny_cnn.npz"), ChainSelection.automatic());

        assertEquals("npz", model.contents().format());
        assertEquals(Fixtures.CHAIN, model.takenNames());
        assertTrue(model.skipped().isEmpty(), "skipped: " + model.skipped());
        int[][] shapes = {{8, 3, 3, 3}, {16, 8, 3, 1}, {16, 16, 5, 5}, {32, 256}, {10, 32}};
        for (int l = 0; l < shapes.length; l++) {
            LinearMap map = model.chain().get(l);
            assertArrayEquals(shapes[l], map.shape(), "shape of " + map.name());
            assertEquals(shapes[l].length == 4 ? MapKind.CONVOLUTION : MapKind.FULLY_CONNECTED, map.kind());
            assertArrayEquals(Fixtures.referenceSingularValues(map.name(), "singular_values_svr"),
                    Fixtures.singularValues(map), 1e-6, "singular values of " + map.name());
        }
    }

    @Test
    void compressedFortranNpzEqualsStored() throws Exception {
        ModelChain stored = ModelFiles.readChain(Fixtures.path("tiny_cnn.npz"), ChainSelection.automatic());
        ModelChain deflated = ModelFiles.readChain(Fixtures.path("tiny_cnn_compressed.npz"), ChainSelection.automatic());

        assertEquals(Fixtures.CHAIN, deflated.takenNames());
        assertEquals("<f8", deflated.contents().tensors().get(1).dtype());
        Fixtures.assertSameWeights(stored.chain(), deflated.chain(), 1e-7);
    }

    @Test
    void float16NpzWithinHalfPrecision() throws Exception {
        ModelChain full = ModelFiles.readChain(Fixtures.path("tiny_cnn.npz"), ChainSelection.automatic());
        ModelChain half = ModelFiles.readChain(Fixtures.path("tiny_cnn_fp16.npz"), ChainSelection.automatic());

        assertEquals("<f2", half.contents().tensors().get(0).dtype());
        // float16 keeps 11 significant bits: relative error at most 2^-11.
        Fixtures.assertSameWeights(full.chain(), half.chain(), 1.0 / 2048);
    }

    @Test
    void npyFileIsOneTensor() throws Exception {
        Path npy = BadFiles.npy(Fixtures.path("tiny_cnn.npz"), "classifier.2.weight");

        ModelContents contents = ModelFiles.read(npy);

        assertEquals("npy", contents.format());
        assertEquals(1, contents.tensors().size());
        assertArrayEquals(new int[] {10, 32}, contents.tensors().get(0).shape());
    }
}

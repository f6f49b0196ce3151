package org.svrgraph.reader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svrgraph.chain.BatchNorm;
import org.svrgraph.chain.FlattenOrder;
import org.svrgraph.chain.LinearMap;
import org.svrgraph.chain.WeightChain;
import org.svrgraph.reader.graph.GraphReference;

/**
 * Checks that the ONNX and Keras HDF5 copies of the fixture network of scripts/make_fixtures.py
 * give the chain and weights of its npz copy. The npz copy stores only the map weights, so BatchNorm
 * is compared with the safetensors copy, which stores the BatchNorm tensors too.
 */
class GraphFormatsAgreeTest {

    /** The last conv has 16 channels on a 4 x 4 feature map, flattened into 256 inputs. */
    private static final int CHANNELS = 16;
    private static final int POSITIONS = 16;

    @Test
    void onnxGivesNpzChain() throws IOException {
        WeightChain npz = withBatchNorms(chain("tiny_cnn.npz"), chain("tiny_cnn.safetensors"));
        ModelChain onnx = ModelFiles.readChain(Fixtures.path("tiny_cnn.onnx"), ChainSelection.automatic());

        assertEquals("onnx", onnx.contents().format());
        assertEquals(Fixtures.CHAIN, onnx.takenNames());
        for (int l = 0; l < npz.size(); l++) {
            assertSameMap(npz.get(l), onnx.chain().get(l), false);
        }
    }

    @Test
    void kerasH5GivesNpzChain() throws IOException {
        WeightChain npz = withBatchNorms(chain("tiny_cnn.npz"), chain("tiny_cnn.safetensors"));
        ModelChain keras = ModelFiles.readChain(Fixtures.path("tiny_cnn.h5"), ChainSelection.automatic());

        assertEquals("keras-h5", keras.contents().format());
        assertEquals(npz.size(), keras.chain().size());
        for (int l = 0; l < npz.size(); l++) {
            assertSameMap(npz.get(l), keras.chain().get(l), l == 3);
        }
        assertEquals(FlattenOrder.CHANNELS_LAST, keras.chain().get(3).flattenOrder());
    }

    /** Returns the npz maps with the BatchNorm the safetensors copy attaches, after checking the weights agree. */
    private static WeightChain withBatchNorms(WeightChain npz, WeightChain safetensors) {
        assertEquals(npz.size(), safetensors.size());
        List<LinearMap> maps = new ArrayList<>();
        for (int l = 0; l < npz.size(); l++) {
            assertArrayEquals(npz.get(l).weights(), safetensors.get(l).weights(), 0.0, npz.get(l).name());
            maps.add(npz.get(l).withBatchNorm(safetensors.get(l).batchNorm()));
        }
        assertEquals(2, maps.stream().filter(map -> map.batchNorm() != null).count(), "BatchNorm after two convs");
        return new WeightChain(maps);
    }

    @Test
    void tfjsModelDirectoryReadsModelJson() throws IOException {
        Path directory = GraphReference.fixture("small_net_tfjs/model.json").getParent();

        ModelContents contents = ModelFiles.read(directory);

        assertEquals("tfjs", contents.format());
        assertEquals(directory.resolve("model.json"), contents.file());
    }

    private static WeightChain chain(String fixture) throws IOException {
        return ModelFiles.readChain(Fixtures.path(fixture), ChainSelection.automatic()).chain();
    }

    /**
     * Compares shape, weights and BatchNorm. For a channels-last map, input p * C + c of the Keras
     * map must equal input c * P + p of the PyTorch map.
     */
    private static void assertSameMap(LinearMap expected, LinearMap actual, boolean channelsLast) {
        String label = expected.name() + " vs " + actual.name();
        assertArrayEquals(expected.shape(), actual.shape(), label + " shape");
        if (channelsLast) {
            for (int o = 0; o < expected.outputs(); o++) {
                for (int c = 0; c < CHANNELS; c++) {
                    for (int p = 0; p < POSITIONS; p++) {
                        int first = o * expected.inputs() + FlattenOrder.CHANNELS_FIRST.inputIndex(c, p, CHANNELS,
                                POSITIONS);
                        int last = o * actual.inputs() + FlattenOrder.CHANNELS_LAST.inputIndex(c, p, CHANNELS,
                                POSITIONS);
                        assertEquals(expected.weights()[first], actual.weights()[last], 0.0, label + " at " + first);
                    }
                }
            }
        } else {
            assertArrayEquals(expected.weights(), actual.weights(), 0.0, label + " weights");
        }
        BatchNorm norm = expected.batchNorm();
        if (norm == null) {
            assertNull(actual.batchNorm(), label + " has no BatchNorm");
            return;
        }
        assertNotNull(actual.batchNorm(), label + " BatchNorm");
        assertArrayEquals(norm.gamma(), actual.batchNorm().gamma(), 0.0, label + " gamma");
        assertArrayEquals(norm.beta(), actual.batchNorm().beta(), 0.0, label + " beta");
        assertArrayEquals(norm.runningMean(), actual.batchNorm().runningMean(), 0.0, label + " mean");
        assertArrayEquals(norm.runningVar(), actual.batchNorm().runningVar(), 0.0, label + " var");
        assertEquals(norm.eps(), actual.batchNorm().eps(), 1e-12, label + " eps");
    }
}

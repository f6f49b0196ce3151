package org.svrgraph.reader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.svrgraph.chain.LinearMap;

class PyTorchReaderTest {

    @TempDir
    Path dir;

    private static ModelChain chain(String fixture) throws Exception {
        return ModelFiles.readChain(Fixtures.path(fixture), ChainSelection.automatic());
    }

    @Test
    void stateDictMatchesNpzAndReference() throws Exception {
        ModelChain model = chain("tiny_cnn.pth");

        assertEquals("pytorch", model.contents().format());
        assertEquals(Fixtures.CHAIN, model.takenNames());
        assertEquals("float32", model.contents().tensors().get(0).dtype());
        Fixtures.assertSameWeights(chain("tiny_cnn.npz").chain(), model.chain(), 1e-6);
        for (LinearMap map : model.chain().maps()) {
            assertArrayEquals(Fixtures.referenceSingularValues(map.name(), "singular_values_svr"),
                    Fixtures.singularValues(map), 1e-6, "singular values of " + map.name());
        }
        assertEquals("features.1", model.chain().get(0).batchNorm().name());
        assertEquals("features.5", model.chain().get(1).batchNorm().name());
    }

    @Test
    void stateDictKeepsAllTensors() throws Exception {
        ModelContents contents = ModelFiles.read(Fixtures.path("tiny_cnn.pth"));

        // 3 convs and 2 linears with bias (10 tensors), 2 BatchNorms with 5 tensors each.
        assertEquals(20, contents.tensors().size());
        Tensor counter = contents.tensors().stream()
                .filter(t -> t.name().equals("features.1.num_batches_tracked")).findFirst().orElseThrow();
        assertEquals("int64", counter.dtype());
        assertArrayEquals(new double[] {5}, counter.values(), "5 training steps in make_fixtures.py");
    }

    @Test
    void lightningCheckpointUnderStateDict() throws Exception {
        ModelChain model = chain("tiny_cnn.ckpt");

        assertEquals(Fixtures.CHAIN.stream().map(n -> "model." + n).toList(), model.takenNames());
        assertEquals("model.features.1", model.chain().get(0).batchNorm().name());
        Fixtures.assertSameWeights(chain("tiny_cnn.npz").chain(), model.chain(), 1e-6);
    }

    @Test
    void halfPrecisionStorages() throws Exception {
        ModelChain npz = chain("tiny_cnn.npz");
        ModelChain half = chain("tiny_cnn_fp16.pth");
        ModelChain brain = chain("tiny_cnn_bf16.pth");

        assertEquals("float16", half.contents().tensors().get(0).dtype());
        assertEquals("bfloat16", brain.contents().tensors().get(0).dtype());
        // float16 keeps 11 significant bits, bfloat16 8: relative errors 2^-11 and 2^-8.
        Fixtures.assertSameWeights(npz.chain(), half.chain(), 1.0 / 2048);
        Fixtures.assertSameWeights(npz.chain(), brain.chain(), 1.0 / 256);
        assertNotNull(brain.chain().get(0).batchNorm());
    }

    @Test
    void nonContiguousViews() throws Exception {
        Fixtures.assertSameWeights(chain("tiny_cnn.npz").chain(), chain("tiny_cnn_noncontiguous.pth").chain(), 1e-6);
    }

    @Test
    void sharedStorage() throws Exception {
        Fixtures.assertSameWeights(chain("tiny_cnn.npz").chain(), chain("tiny_cnn_shared.pth").chain(), 1e-6);
    }

    @Test
    void handBuiltTransposedView() throws Exception {
        // Storage 0..5 read as a 2x3 tensor with strides (1, 2): the transpose of the 3x2 row-major matrix.
        byte[] pickle = PickleBytes.stateDict("w", "FloatStorage", 6, 0, new long[] {2, 3}, new long[] {1, 2});
        Path file = BadFiles.zip(dir.resolve("t.pt"), false, "archive/data.pkl", pickle,
                "archive/byteorder", "little".getBytes(), "archive/data/0", BadFiles.float32s(6));

        Tensor tensor = ModelFiles.read(file).tensors().get(0);

        assertArrayEquals(new double[] {0, 2, 4, 1, 3, 5}, tensor.values());
    }

    @Test
    void protocolFourStackGlobal() throws Exception {
        byte[] pickle = new PickleBytes().protocol(4).op('}').shortString("w")
                .shortString("torch._utils").shortString("_rebuild_tensor_v2").raw(0x93)
                .op('(').op('(').shortString("storage").shortString("torch").shortString("DoubleStorage").raw(0x93)
                .shortString("k").shortString("cpu").integer(2).op('t').op('Q')
                .integer(1).ints(1).ints(1).raw(0x89).op(')').op('t').op('R')
                .op('s').op('.').bytes();
        java.nio.ByteBuffer data = java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        data.putDouble(7.5).putDouble(-1.25);
        Path file = BadFiles.zip(dir.resolve("p4.pt"), false, "m/data.pkl", pickle, "m/data/k", data.array());

        Tensor tensor = ModelFiles.read(file).tensors().get(0);

        assertEquals("float64", tensor.dtype());
        assertArrayEquals(new double[] {-1.25}, tensor.values());
        assertEquals(List.of("w"), ModelFiles.read(file).tensors().stream().map(Tensor::name).toList());
    }

    @Test
    void bigEndianByteOrder() throws Exception {
        byte[] pickle = PickleBytes.stateDict("w", "FloatStorage", 2, 0, new long[] {2}, new long[] {1});
        byte[] data = java.nio.ByteBuffer.allocate(8).putFloat(3.5f).putFloat(-4f).array();
        Path file = BadFiles.zip(dir.resolve("be.pt"), false, "archive/data.pkl", pickle,
                "archive/byteorder", "big".getBytes(), "archive/data/0", data);

        assertArrayEquals(new double[] {3.5, -4}, ModelFiles.read(file).tensors().get(0).values());
    }

    @Test
    void binExtensionSniffed() throws Exception {
        Path bin = Files.copy(Fixtures.path("tiny_cnn.pth"), dir.resolve("pytorch_model.bin"));

        assertEquals("pytorch", ModelFiles.read(bin).format());
    }

    @Test
    void checkpointHyperParametersAccepted() throws Exception {
        // {'hparams': argparse.Namespace(lr=0.1), 'best': numpy scalar, 'state_dict': {'w': tensor}}
        byte[] stateDict = PickleBytes.stateDict("w", "FloatStorage", 2, 0, new long[] {2}, new long[] {1});
        byte[] pickle = new PickleBytes().protocol(2).op('}').op('(')
                .string("hparams").global("argparse", "Namespace").op(')').op('R')
                .op('}').string("lr").raw('G', 0x3F, 0xB9, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9A).op('s').op('b')
                .string("best").global("numpy.core.multiarray", "scalar")
                .global("numpy", "dtype").string("f8").raw(0x89, 0x88).raw(0x87).op('R').op(')').op('b')
                .string("abc").raw(0x86).op('R')
                .string("state_dict").raw(java.util.Arrays.copyOfRange(stateDict, 2, stateDict.length - 1))
                .op('u').op('.').bytes();
        Path file = BadFiles.zip(dir.resolve("hp.ckpt"), false, "archive/data.pkl", pickle,
                "archive/data/0", BadFiles.float32s(2));

        ModelContents contents = ModelFiles.read(file);

        assertEquals(List.of("w"), contents.tensors().stream().map(Tensor::name).toList());
        assertArrayEquals(new double[] {0, 1}, contents.tensors().get(0).values());
    }

    @Test
    void stateDictPreferredOverRootTensors() throws Exception {
        // {'ema_scale': tensor, 'state_dict': {'w': tensor}}: the weights are under state_dict.
        byte[] pickle = new PickleBytes().protocol(2).op('}').op('(')
                .string("ema_scale").tensor("FloatStorage", 3, 2, new long[] {1}, new long[] {1})
                .string("state_dict").op('}').string("w").tensor("FloatStorage", 3, 0, new long[] {2}, new long[] {1})
                .op('s').op('u').op('.').bytes();
        Path file = BadFiles.zip(dir.resolve("mixed.ckpt"), false, "archive/data.pkl", pickle,
                "archive/data/0", BadFiles.float32s(3));

        ModelContents contents = ModelFiles.read(file);

        assertEquals(List.of("w"), contents.tensors().stream().map(Tensor::name).toList());
        assertArrayEquals(new double[] {0, 1}, contents.tensors().get(0).values());
    }
}

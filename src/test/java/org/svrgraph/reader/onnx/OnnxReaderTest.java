package org.svrgraph.reader.onnx;

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
import org.svrgraph.chain.FlattenOrder;
import org.svrgraph.chain.LinearMap;
import org.svrgraph.chain.WeightChain;
import org.svrgraph.reader.ModelContents;
import org.svrgraph.reader.ModelFormatException;
import org.svrgraph.reader.SkippedTensor;
import org.svrgraph.reader.Tensor;
import org.svrgraph.reader.graph.GraphReference;

class OnnxReaderTest {

    private static GraphReference reference;
    private final OnnxReader reader = new OnnxReader();

    @BeforeAll
    static void loadReference() throws IOException {
        reference = GraphReference.load();
    }

    @Test
    void smallNetMatchesReference() throws IOException {
        ModelContents contents = reader.read(GraphReference.fixture("small_net.onnx"));

        assertEquals("onnx", contents.format());
        reference.assertMaps("small_net", contents.graphMaps(), 0.0);
        assertEquals(FlattenOrder.CHANNELS_FIRST, contents.graphMaps().get(2).flattenOrder());
        new WeightChain(contents.graphMaps());
    }

    @Test
    void smallNetListsInitializersAndConstants() throws IOException {
        List<String> names = reader.read(GraphReference.fixture("small_net.onnx")).tensors().stream()
                .map(Tensor::name).toList();

        // 1 conv1 + 4 bn1 + conv2 + fc1 + 4 bn2 initializers, then the Constant node's output.
        assertEquals(12, names.size(), names.toString());
        assertEquals("conv1.weight", names.get(0));
        assertEquals("fc2.weight", names.get(11));
    }

    @Test
    void externalDataGivesSameMaps() throws IOException {
        ModelContents contents = reader.read(GraphReference.fixture("small_net_external.onnx"));

        reference.assertMaps("small_net", contents.graphMaps(), 0.0);
    }

    @Test
    void halfDoubleAndBfloat16Weights() throws IOException {
        ModelContents contents = reader.read(GraphReference.fixture("dtype_mlp.onnx"));

        reference.assertMaps("dtype_mlp", contents.graphMaps(), 0.0);
        List<String> dtypes = contents.tensors().stream().map(Tensor::dtype).toList();
        assertEquals(List.of("FLOAT16", "FLOAT16", "BFLOAT16", "DOUBLE"), dtypes);
    }

    @Test
    void weightsThroughCastAndTranspose() throws IOException {
        ModelContents contents = reader.read(GraphReference.fixture("constant_ops.onnx"));

        reference.assertMaps("constant_ops", contents.graphMaps(), 0.0);
        assertEquals(List.of("half", "stored_out_in", "single"),
                contents.tensors().stream().map(Tensor::name).toList(), "only the stored tensors are listed");
    }

    @Test
    void groupedConvAndTransposedGemmSkipped() throws IOException {
        ModelContents contents = reader.read(GraphReference.fixture("skips.onnx"));

        reference.assertMaps("skips", contents.graphMaps(), 0.0);
        assertEquals(4, contents.tensors().size(), "every initializer is still listed");
        assertEquals(List.of(new SkippedTensor("grouped_conv", "", "grouped convolution (group=2) is not supported"),
                new SkippedTensor("transposed_gemm", "", "Gemm with transA=1 is not supported")),
                contents.graphSkipped());
    }

    @Test
    void nhwcTransposeBeforeFlattenMeansChannelsLast() throws IOException {
        ModelContents contents = reader.read(GraphReference.fixture("nhwc_flatten.onnx"));

        reference.assertMaps("nhwc_flatten", contents.graphMaps(), 0.0);
        assertEquals(FlattenOrder.CHANNELS_LAST, contents.graphMaps().get(1).flattenOrder());
        assertEquals("INT64", contents.tensors().get(2).dtype(), "the Reshape shape constant");
    }

    @Test
    void openWakeWordMlp() throws IOException {
        Path file = npm("openwakeword-js/hello_deepa.onnx");
        ModelContents contents = reader.read(file);

        List<LinearMap> maps = contents.graphMaps();
        assertEquals(3, maps.size());
        assertEquals(List.of("layer1.weight", "blocks.0.fcn_layer.weight", "last_layer.weight"),
                maps.stream().map(LinearMap::name).toList());
        assertTrue(Arrays.equals(new int[] {32, 2400}, maps.get(0).shape()), maps.get(0).shapeText());
        assertTrue(Arrays.equals(new int[] {32, 32}, maps.get(1).shape()), maps.get(1).shapeText());
        assertTrue(Arrays.equals(new int[] {1, 32}, maps.get(2).shape()), maps.get(2).shapeText());
        assertEquals(3, new WeightChain(maps).size());
        // Gemm with transB=1 keeps the stored [out, in] order: compare with the initializer itself.
        Tensor stored = contents.tensors().stream().filter(t -> t.name().equals("layer1.weight")).findFirst()
                .orElseThrow();
        assertEquals(stored.values()[2400 + 7], maps.get(0).weights()[2400 + 7]);
    }

    // ---------------------------------------------------------------- invalid input

    @Test
    void truncatedFileRejected(@TempDir Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(GraphReference.fixture("small_net.onnx"));
        Path file = dir.resolve("truncated.onnx");
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

        ModelFormatException error = assertThrows(ModelFormatException.class, () -> reader.read(file));
        assertMessage(error, file, "truncated or corrupt");
    }

    @Test
    void invalidVarintRejected(@TempDir Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(GraphReference.fixture("small_net.onnx"));
        Arrays.fill(bytes, 0, 12, (byte) 0xFF);
        Path file = dir.resolve("corrupt.onnx");
        Files.write(file, bytes);

        ModelFormatException error = assertThrows(ModelFormatException.class, () -> reader.read(file));
        assertMessage(error, file, "invalid varint");
    }

    @Test
    void declaredLengthBeyondFileRejected(@TempDir Path dir) throws IOException {
        // Field 7 (graph), length-delimited, declaring 2^31 - 1 bytes in a 9-byte file.
        byte[] bytes = {0x3A, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07, 1, 2, 3};
        Path file = dir.resolve("huge.onnx");
        Files.write(file, bytes);

        ModelFormatException error = assertThrows(ModelFormatException.class, () -> reader.read(file));
        assertMessage(error, file, "declares 2147483647 bytes but only 3 remain");
    }

    @Test
    void textFileRejected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("notes.onnx");
        Files.writeString(file, "this is not a model\n");

        assertThrows(ModelFormatException.class, () -> reader.read(file));
    }

    @Test
    void rawLengthMismatchRejected() {
        Path file = GraphReference.fixture("bad_raw_length.onnx");
        ModelFormatException error = assertThrows(ModelFormatException.class, () -> reader.read(file));
        assertMessage(error, file, "has 60 bytes of raw_data but shape [4, 4] of FLOAT needs 64");
    }

    @Test
    void unsupportedDataTypeRejected() {
        Path file = GraphReference.fixture("bad_dtype.onnx");
        ModelFormatException error = assertThrows(ModelFormatException.class, () -> reader.read(file));
        assertMessage(error, file, "unsupported data type 14 (COMPLEX64)");
    }

    @Test
    void externalPathOutsideDirectoryRejected() {
        Path file = GraphReference.fixture("bad_external_escape.onnx");
        ModelFormatException error = assertThrows(ModelFormatException.class, () -> reader.read(file));
        assertMessage(error, file, "outside the model's directory");
    }

    @Test
    void externalDataBeyondFileRejected() {
        Path file = GraphReference.fixture("bad_external_size.onnx");
        ModelFormatException error = assertThrows(ModelFormatException.class, () -> reader.read(file));
        assertMessage(error, file, "has only 16 bytes");
    }

    @Test
    void missingFileRejected(@TempDir Path dir) {
        Path file = dir.resolve("absent.onnx");
        ModelFormatException error = assertThrows(ModelFormatException.class, () -> reader.read(file));
        assertMessage(error, file, "not found");
    }

    @Test
    void acceptsOnlyOnnxNames() {
        assertTrue(reader.accepts(Path.of("model.ONNX")));
        assertTrue(!reader.accepts(Path.of("model.onnx.json")));
    }

    static void assertMessage(ModelFormatException error, Path file, String problem) {
        assertTrue(error.getMessage().startsWith(file.toString()), error.getMessage());
        assertTrue(error.getMessage().contains(problem), error.getMessage());
    }

    static Path npm(String name) {
        return GraphReference.npmFixture(name);
    }
}

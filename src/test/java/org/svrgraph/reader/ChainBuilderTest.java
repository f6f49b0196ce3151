package org.svrgraph.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.svrgraph.chain.BatchNorm;
import org.svrgraph.chain.ChainException;
import org.svrgraph.chain.LinearMap;

class ChainBuilderTest {

    @TempDir
    Path dir;

    private static ModelChain build(String fixture, String layers) throws Exception {
        return ModelFiles.readChain(Fixtures.path(fixture), ChainSelection.of(layers));
    }

    /** Runs the action with standard error captured, where the SLF4J simple logger writes. */
    private static String capturedLog(ThrowingRunnable action) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void extrasSkippedWithReasons() throws Exception {
        List<ModelChain> result = new ArrayList<>();
        String log = capturedLog(() -> result.add(build("extras.safetensors", null)));
        ModelChain model = result.get(0);

        assertEquals(Fixtures.CHAIN, model.takenNames());
        assertEquals(List.of("features.7.weight", "embed_tokens.weight", "aux_head.weight"),
                model.skipped().stream().map(SkippedTensor::name).toList());
        assertTrue(model.skipped().get(0).reason().startsWith("depthwise convolution (1 input channel per group, 16 groups"),
                model.skipped().get(0).reason());
        assertTrue(model.skipped().get(1).reason().startsWith("embedding table"), model.skipped().get(1).reason());
        assertTrue(model.skipped().get(2).reason().startsWith("does not chain: 32 inputs"), model.skipped().get(2).reason());
        for (SkippedTensor skipped : model.skipped()) {
            long lines = log.lines()
                    .filter(l -> l.contains("WARN") && l.contains("Skipping tensor '" + skipped.name() + "'")).count();
            assertEquals(1, lines, "one warning for " + skipped.name() + " in:\n" + log);
        }
        assertEquals("features.5", model.chain().get(1).batchNorm().name(), "BatchNorm found past the depthwise conv");
    }

    @Test
    void naturalOrderWhenFileIsSorted() throws Exception {
        // Written in plain string order, as the safetensors library does: only natural order chains.
        String header = "{" + entry("classifier.0.weight", 6, 16, 0) + "," + entry("classifier.2.weight", 2, 6, 96)
                + "," + entry("features.0.weight", 3, 2, 108) + "," + entry("features.10.weight", 4, 5, 114)
                + "," + entry("features.2.weight", 5, 3, 134) + "}";
        Path file = Files.write(dir.resolve("sorted.safetensors"),
                BadFiles.safetensors(header.replace("CONV", ""), BadFiles.float32s(149)));

        ModelChain model = ModelFiles.readChain(file, ChainSelection.automatic());

        assertEquals(List.of("features.0.weight", "features.2.weight", "features.10.weight",
                "classifier.0.weight", "classifier.2.weight"), model.takenNames());
        assertTrue(model.skipped().isEmpty(), "skipped: " + model.skipped());
    }

    /** Builds a float32 header entry: 1x1 conv shapes for "features" names, fully connected otherwise. */
    private static String entry(String name, int out, int in, int startElement) {
        String shape = name.startsWith("features") ? "[" + out + "," + in + ",1,1]" : "[" + out + "," + in + "]";
        int end = startElement + out * in;
        return "\"" + name + "\":{\"dtype\":\"F32\",\"shape\":" + shape + ",\"data_offsets\":["
                + startElement * 4 + "," + end * 4 + "]}";
    }

    @Test
    void moduleOrderIsNatural() {
        ModuleOrder order = new ModuleOrder(List.of("features.0.weight", "features.1.weight", "classifier.0.weight"));
        List<String> names = new ArrayList<>(List.of("classifier.0.weight", "features.10.weight",
                "features.2.weight", "features.1.weight", "features.02.bias"));

        names.sort(order);

        assertEquals(List.of("features.1.weight", "features.02.bias", "features.2.weight", "features.10.weight",
                "classifier.0.weight"), names);
    }

    @Test
    void layersListOverridesChoice() throws Exception {
        ModelChain model = build("tiny_cnn.pth", "features.4, features.10.weight");

        assertEquals(List.of("features.4.weight", "features.10.weight"), model.takenNames());
        assertEquals(3, model.skipped().size());
        assertTrue(model.skipped().stream().allMatch(s -> s.reason().equals("not selected by --layers")));
        assertEquals("features.5", model.chain().get(0).batchNorm().name());
    }

    @Test
    void layersRegexMatchesWholeNames() throws Exception {
        assertEquals(List.of("classifier.0.weight", "classifier.2.weight"), build("tiny_cnn.pth", "classifier.*").takenNames());
        assertEquals(List.of("features.0.weight", "features.4.weight"),
                build("tiny_cnn.pth", "features\\.[04]\\.weight").takenNames());
        assertEquals(List.of("features.4.weight", "features.10.weight"),
                build("tiny_cnn.pth", "features\\.(4|10)").takenNames(), "module names match too");
    }

    @Test
    void layersThatDoNotChainRejected() {
        ChainException e = assertThrows(ChainException.class, () -> build("tiny_cnn.pth", "features.0,features.10"));

        assertTrue(e.getMessage().contains("--layers 'features.0,features.10' does not give a chain"), e.getMessage());
        assertTrue(e.getMessage().contains("has 8 outputs but 'features.10.weight' (16x16x5x5) has 16 inputs"),
                e.getMessage());
    }

    @Test
    void layersWithUnknownNameRejected() {
        ChainException e = assertThrows(ChainException.class, () -> build("tiny_cnn.pth", "features.0,fc9"));

        assertTrue(e.getMessage().contains("[fc9], which are not weight tensors"), e.getMessage());
    }

    @Test
    void layersMatchingNothingRejected() {
        ChainException e = assertThrows(ChainException.class, () -> build("tiny_cnn.pth", "decoder.*"));

        assertTrue(e.getMessage().contains("matches no weight tensor"), e.getMessage());
    }

    @Test
    void graphMapsTakenInGraphOrder() throws Exception {
        BatchNorm norm = new BatchNorm("bn", new double[] {1, 2}, new double[2], new double[2], new double[] {1, 1}, 1e-3);
        LinearMap first = LinearMap.convolution("conv", 2, 1, 1, 1, new double[] {1, 2}).withBatchNorm(norm);
        LinearMap head = LinearMap.fullyConnected("head", 3, 5, new double[15]);
        LinearMap last = LinearMap.fullyConnected("fc", 3, 8, new double[24]);
        ModelContents contents = new ModelContents(dir.resolve("g.onnx"), "onnx", List.of(), List.of(first, head, last));

        ModelChain model = new ChainBuilder().build(contents, ChainSelection.automatic());

        assertEquals(List.of("conv", "fc"), model.takenNames());
        assertSame(norm, model.chain().get(0).batchNorm(), "graph BatchNorm kept as the reader attached it");
        assertEquals("head", model.skipped().get(0).name());
    }

    @Test
    void noWeightsRejected() {
        Tensor bias = new Tensor("b", new int[] {3}, "F32", new double[3]);
        ModelContents contents = new ModelContents(dir.resolve("b.safetensors"), "safetensors", List.of(bias), List.of());

        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> new ChainBuilder().build(contents, ChainSelection.automatic()));

        assertTrue(e.getMessage().contains("no weight tensor of rank 2"), e.getMessage());
    }

    @Test
    void batchNormWithoutAffineUsesUnitScale() throws Exception {
        List<Tensor> tensors = List.of(
                new Tensor("net.0.weight", new int[] {2, 3}, "F32", new double[] {1, 0, 0, 0, 1, 0}),
                new Tensor("net.1.running_mean", new int[] {2}, "F32", new double[] {0.5, 0}),
                new Tensor("net.1.running_var", new int[] {2}, "F32", new double[] {4, 1}),
                new Tensor("net.2.weight", new int[] {2, 2}, "F32", new double[4]));
        ModelContents contents = new ModelContents(dir.resolve("m.safetensors"), "safetensors", tensors, List.of());

        ModelChain model = new ChainBuilder().build(contents, ChainSelection.automatic());

        BatchNorm norm = model.chain().get(0).batchNorm();
        assertEquals("net.1", norm.name());
        assertEquals(1 / Math.sqrt(4 + 1e-5), norm.scale(0), 1e-15);
        assertNull(model.chain().get(1).batchNorm());
    }

    @Test
    void batchNormFoundBeforeConvInSortedFile() throws Exception {
        List<Tensor> tensors = List.of(
                new Tensor("bn1.running_mean", new int[] {2}, "F32", new double[2]),
                new Tensor("bn1.running_var", new int[] {2}, "F32", new double[] {1, 1}),
                new Tensor("bn1.weight", new int[] {2}, "F32", new double[] {3, 4}),
                new Tensor("conv1.weight", new int[] {2, 3, 1, 1}, "F32", new double[6]),
                new Tensor("fc.weight", new int[] {5, 2}, "F32", new double[10]));
        ModelContents contents = new ModelContents(dir.resolve("r.safetensors"), "safetensors", tensors, List.of());

        ModelChain model = new ChainBuilder().build(contents, ChainSelection.automatic());

        assertEquals(List.of("conv1.weight", "fc.weight"), model.takenNames());
        assertEquals("bn1", model.chain().get(0).batchNorm().name());
        assertEquals(3, model.chain().get(0).batchNorm().gamma()[0]);
    }

    @Test
    void groupedConvolutionSkipped() throws Exception {
        List<Tensor> tensors = List.of(
                new Tensor("c.0.weight", new int[] {8, 3, 3, 3}, "F32", new double[216]),
                new Tensor("c.1.weight", new int[] {8, 4, 3, 3}, "F32", new double[288]),
                new Tensor("c.2.weight", new int[] {6, 8, 1, 1}, "F32", new double[48]));
        ModelContents contents = new ModelContents(dir.resolve("g.safetensors"), "safetensors", tensors, List.of());

        ModelChain model = new ChainBuilder().build(contents, ChainSelection.automatic());

        assertEquals(List.of("c.0.weight", "c.2.weight"), model.takenNames());
        assertTrue(model.skipped().get(0).reason().startsWith("grouped convolution or parallel branch (4 input channels,"
                + " a divisor of the 8 outputs of 'c.0.weight'"), model.skipped().get(0).reason());
    }

    @Test
    void layersRegexWithComma() throws Exception {
        assertEquals(List.of("features.10.weight"), build("tiny_cnn.pth", "features\\.[0-9]{2,3}\\.weight").takenNames());
    }
}

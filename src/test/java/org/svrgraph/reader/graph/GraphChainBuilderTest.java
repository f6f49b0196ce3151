package org.svrgraph.reader.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svrgraph.chain.BatchNorm;
import org.svrgraph.chain.FlattenOrder;
import org.svrgraph.chain.LinearMap;
import org.svrgraph.reader.ModelFormatException;
import org.svrgraph.reader.SkippedTensor;

class GraphChainBuilderTest {

    private static final Path FILE = Path.of("model.test");
    private final GraphChainBuilder builder = new GraphChainBuilder(FILE, FlattenOrder.CHANNELS_LAST);

    @Test
    void ordersOperationsByDataFlow() throws ModelFormatException {
        // Listed backwards: the builder must sort them.
        List<GraphOp> ops = List.of(
                GraphOp.map("fc", List.of("flat"), List.of("out"), fc("fc", 3, 8)),
                GraphOp.other("flatten", List.of("c"), List.of("flat")),
                GraphOp.map("conv", List.of("x"), List.of("c"), conv("conv", 2, 1)));

        GraphChain chain = builder.build(ops);

        assertEquals(List.of("conv", "fc"), names(chain));
        assertEquals(FlattenOrder.CHANNELS_LAST, chain.maps().get(1).flattenOrder(), "first FC after a conv");
        assertTrue(chain.skipped().isEmpty(), chain.skipped().toString());
    }

    @Test
    void batchNormAttachesThroughActivation() throws ModelFormatException {
        List<GraphOp> ops = List.of(
                GraphOp.map("conv", List.of("x"), List.of("c"), conv("conv", 2, 1)),
                GraphOp.elementwise("relu", List.of("c"), List.of("r")),
                GraphOp.batchNorm("bn", List.of("r"), List.of("b"), norm("bn", 2)));

        LinearMap map = builder.build(ops).maps().get(0);

        assertNotNull(map.batchNorm());
        assertEquals("bn", map.batchNorm().name());
    }

    @Test
    void batchNormAfterPoolingNotAttached() throws ModelFormatException {
        List<GraphOp> ops = List.of(
                GraphOp.map("conv", List.of("x"), List.of("c"), conv("conv", 2, 1)),
                GraphOp.other("pool", List.of("c"), List.of("p")),
                GraphOp.batchNorm("bn", List.of("p"), List.of("b"), norm("bn", 2)));

        GraphChain chain = builder.build(ops);

        assertNull(chain.maps().get(0).batchNorm());
        assertEquals(List.of(new SkippedTensor("bn", "", "BatchNorm that does not follow a linear map directly")),
                chain.skipped());
    }

    @Test
    void batchNormWithWrongWidthSkipped() throws ModelFormatException {
        List<GraphOp> ops = List.of(
                GraphOp.map("conv", List.of("x"), List.of("c"), conv("conv", 2, 1)),
                GraphOp.batchNorm("bn", List.of("c"), List.of("b"), norm("bn", 3)));

        GraphChain chain = builder.build(ops);

        assertNull(chain.maps().get(0).batchNorm());
        assertEquals(List.of(new SkippedTensor("bn", "", "BatchNorm of 3 channels after map 'conv', which has 2"
                + " outputs")), chain.skipped());
    }

    @Test
    void longestBranchWinsFirstOnTie() throws ModelFormatException {
        // Branches a1-a2, b1-b2-b3 and c1-c2-c3 leave the trunk. The b and c branches are longest, and
        // b comes first, so the chain is trunk-b and the maps of a and c are skipped.
        List<GraphOp> ops = List.of(
                GraphOp.map("trunk", List.of("x"), List.of("t"), fc("trunk", 4, 2)),
                GraphOp.map("a1", List.of("t"), List.of("a"), fc("a1", 4, 4)),
                GraphOp.map("a2", List.of("a"), List.of("ya"), fc("a2", 1, 4)),
                GraphOp.map("b1", List.of("t"), List.of("b"), fc("b1", 4, 4)),
                GraphOp.map("b2", List.of("b"), List.of("bb"), fc("b2", 4, 4)),
                GraphOp.map("b3", List.of("bb"), List.of("yb"), fc("b3", 1, 4)),
                GraphOp.map("c1", List.of("t"), List.of("c"), fc("c1", 4, 4)),
                GraphOp.map("c2", List.of("c"), List.of("cc"), fc("c2", 4, 4)),
                GraphOp.map("c3", List.of("cc"), List.of("yc"), fc("c3", 1, 4)));

        GraphChain chain = builder.build(ops);

        assertEquals(List.of("trunk", "b1", "b2", "b3"), names(chain));
        assertEquals(List.of("a1", "a2", "c1", "c2", "c3"), chain.skipped().stream().map(SkippedTensor::name).toList());
        assertEquals(new SkippedTensor("a2", "[1, 4]", "on a branch off the main path of the graph"),
                chain.skipped().get(1));
    }

    @Test
    void residualAddFollowsDeeperInput() throws ModelFormatException {
        // y = conv2(conv1(x)) + x: the Add reads the deeper path, so conv3 follows conv2.
        List<GraphOp> ops = List.of(
                GraphOp.map("conv1", List.of("x"), List.of("c1"), conv("conv1", 2, 2)),
                GraphOp.map("conv2", List.of("c1"), List.of("c2"), conv("conv2", 2, 2)),
                GraphOp.other("add", List.of("x", "c2"), List.of("s")),
                GraphOp.map("conv3", List.of("s"), List.of("y"), conv("conv3", 2, 2)));

        assertEquals(List.of("conv1", "conv2", "conv3"), names(builder.build(ops)));
    }

    @Test
    void skipReasonReported() throws ModelFormatException {
        List<GraphOp> ops = List.of(
                GraphOp.map("conv", List.of("x"), List.of("c"), conv("conv", 2, 1)),
                GraphOp.skipped("depthwise", List.of("c"), List.of("d"), "depthwise convolution is not supported"));

        assertEquals(List.of(new SkippedTensor("depthwise", "", "depthwise convolution is not supported")),
                builder.build(ops).skipped());
    }

    @Test
    void cycleRejected() {
        List<GraphOp> ops = List.of(
                GraphOp.other("a", List.of("b_out"), List.of("a_out")),
                GraphOp.other("b", List.of("a_out"), List.of("b_out")));

        ModelFormatException error = assertThrows(ModelFormatException.class, () -> builder.build(ops));
        assertEquals(FILE + ": the graph has a cycle through operation 'a'", error.getMessage());
    }

    @Test
    void duplicateOutputRejected() {
        List<GraphOp> ops = List.of(
                GraphOp.other("a", List.of("x"), List.of("y")),
                GraphOp.other("b", List.of("x"), List.of("y")));

        ModelFormatException error = assertThrows(ModelFormatException.class, () -> builder.build(ops));
        assertTrue(error.getMessage().contains("tensor 'y' is written by both operation 'a' and operation 'b'"),
                error.getMessage());
    }

    @Test
    void noMapsGivesEmptyChain() throws ModelFormatException {
        assertTrue(builder.build(List.of(GraphOp.other("a", List.of("x"), List.of("y")))).maps().isEmpty());
    }

    private static List<String> names(GraphChain chain) {
        return chain.maps().stream().map(LinearMap::name).toList();
    }

    private static LinearMap fc(String name, int out, int in) {
        return LinearMap.fullyConnected(name, out, in, new double[out * in]);
    }

    private static LinearMap conv(String name, int out, int in) {
        return LinearMap.convolution(name, out, in, 1, 1, new double[out * in]);
    }

    private static BatchNorm norm(String name, int channels) {
        double[] ones = new double[channels];
        java.util.Arrays.fill(ones, 1.0);
        return new BatchNorm(name, ones, new double[channels], new double[channels], ones, 1e-5);
    }
}

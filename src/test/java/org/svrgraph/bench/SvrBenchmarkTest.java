package org.svrgraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.svrgraph.chain.WeightChain;
import org.svrgraph.cli.SvrCommand;
import org.svrgraph.spectral.EjmlLinearAlgebra;
import org.svrgraph.spectral.Precision;

/** The VGG16-shaped chain and the benchmark's result lines, on small prefixes of the chain. */
class SvrBenchmarkTest {

    @Test
    void chainHasTorchvisionShapes() {
        WeightChain chain = Vgg16Chain.random(14, 1);

        assertEquals(14, chain.size());
        assertEquals("conv1_1", chain.get(0).name());
        assertEquals("64x3x3x3", chain.get(0).shapeText());
        assertEquals("512x512x3x3", chain.get(12).shapeText());
        assertEquals("4096x25088", chain.get(13).shapeText());
        assertEquals(49, chain.inputPositions(12), "7 x 7 positions per channel before fc1");
    }

    @Test
    void chainParameterCountMatchesVgg16() {
        // torchvision's VGG16 has 138,357,544 parameters, of which 13,416 are biases (one per output).
        int[] outputs = {64, 64, 128, 128, 256, 256, 256, 512, 512, 512, 512, 512, 512, 4096, 4096, 1000};
        long biases = 0;
        for (int count : outputs) {
            biases += count;
        }
        assertEquals(13_416, biases);
        assertEquals(Vgg16Chain.MAP_COUNT, outputs.length);

        long weights = 0;
        int inputs = 3;
        for (int l = 0; l < 13; l++) {
            weights += (long) outputs[l] * inputs * 9;
            inputs = outputs[l];
        }
        inputs *= 49;
        for (int l = 13; l < 16; l++) {
            weights += (long) outputs[l] * inputs;
            inputs = outputs[l];
        }

        assertEquals(138_357_544L - biases, weights);
    }

    @Test
    void layerCountOutsideRangeIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Vgg16Chain.random(17, 1));
        assertEquals("--layers must be between 1 and 16, got 17", error.getMessage());
    }

    @Test
    void linesCoverEveryStepAndStage() {
        WeightChain chain = Vgg16Chain.random(3, 7);
        SvrBenchmark benchmark = new SvrBenchmark(new EjmlLinearAlgebra(), chain);

        List<String> lines = benchmark.run(0, Precision.FLOAT64);

        assertEquals(1, count(lines, "mode=full precision=float64 stage=svd step=conv1_2 shape=64x576 seconds="));
        assertEquals(3, count(lines, "stage=svd step=conv"));
        assertEquals(2, count(lines, "stage=adjacency step=conv"));
        assertEquals(2, count(lines, "stage=significance step=conv"));
        for (String stage : List.of("svd", "adjacency", "significance", "all")) {
            assertEquals(1, count(lines, "stage=" + stage + " step=total"), stage);
        }
        // Full thin SVDs: 64 x 27 has rank 27, 64 x 576 rank 64, 128 x 576 rank 128.
        assertEquals(1, count(lines, "stage=result neurons=219 "));
    }

    @Test
    void topKLinesNameTheMode() {
        SvrBenchmark benchmark = new SvrBenchmark(new EjmlLinearAlgebra(), Vgg16Chain.random(2, 3));

        List<String> lines = benchmark.run(16, Precision.FLOAT32);

        assertTrue(lines.stream().allMatch(line -> line.startsWith("mode=top16 precision=float32 ")));
        // Ranks 16 and 16: the top 16 of 64 x 27 (rank 27) and of 64 x 576.
        assertEquals(1, count(lines, "stage=result neurons=32 "));
    }

    @Test
    void benchCommandRejectsUnknownPrecision() {
        int status = SvrCommand.execute("bench", "--layers", "1", "--precision", "float16", "--backend", "ejml");

        assertEquals(1, status);
    }

    private static long count(List<String> lines, String fragment) {
        return lines.stream().filter(line -> line.contains(fragment)).count();
    }
}

package org.svrgraph.reader;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.svrgraph.reader.graph.GraphReference;
import org.svrgraph.reader.keras.KerasH5Reader;
import org.svrgraph.reader.onnx.OnnxReader;
import org.svrgraph.reader.tfjs.TfjsReader;

/**
 * Damages the graph-format fixtures at many places, deterministically: every damaged file must be
 * read or rejected with a ModelFormatException that names it, never fail with another exception.
 */
class CorruptGraphFilesTest {

    private static final int VARIANTS = 150;

    @TempDir
    Path dir;

    @Test
    void damagedOnnxRejectedCleanly() throws IOException {
        checkDamaged(new OnnxReader(), GraphReference.fixture("small_net.onnx"), "model.onnx");
    }

    @Test
    void damagedKerasH5RejectedCleanly() throws IOException {
        checkDamaged(new KerasH5Reader(), GraphReference.fixture("small_net.h5"), "model.h5");
    }

    @Test
    void damagedTfjsJsonRejectedCleanly() throws IOException {
        Path source = GraphReference.fixture("graph_tfjs/model.json");
        Files.copy(source.resolveSibling("weights.bin"), dir.resolve("weights.bin"));
        checkDamaged(new TfjsReader(), source, "model.json");
    }

    /** Writes truncated copies and copies with one byte changed, and reads each. */
    private void checkDamaged(ModelReader reader, Path source, String name) throws IOException {
        byte[] original = Files.readAllBytes(source);
        Path file = dir.resolve(name);
        for (int k = 0; k < VARIANTS; k++) {
            byte[] damaged;
            String what;
            if (k % 3 == 0) {
                int length = (int) ((long) original.length * k / VARIANTS);
                damaged = Arrays.copyOf(original, length);
                what = "truncated to " + length + " bytes";
            } else {
                damaged = original.clone();
                int offset = (int) ((k * 7919L) % original.length);
                damaged[offset] = (byte) (damaged[offset] ^ (1 << (k % 8)) ^ (k * 37));
                what = "byte " + offset + " changed";
            }
            Files.write(file, damaged);
            try {
                reader.read(file);
            } catch (ModelFormatException e) {
                assertTrue(e.getMessage().startsWith(file.toString()), what + ": " + e.getMessage());
            } catch (Exception | StackOverflowError | OutOfMemoryError e) {
                fail(reader.format() + " file " + what + " failed with " + e, e);
            }
        }
    }
}

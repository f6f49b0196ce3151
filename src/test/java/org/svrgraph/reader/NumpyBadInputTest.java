package org.svrgraph.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NumpyBadInputTest {

    @TempDir
    Path dir;

    private ModelFormatException failure(Path file, String expectedPart) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(expectedPart), "expected '" + expectedPart + "' in: " + e.getMessage());
        return e;
    }

    @Test
    void truncatedNpz() throws Exception {
        failure(BadFiles.truncated(Fixtures.path("tiny_cnn.npz"), dir.resolve("cut.npz"), 0.5), "not a valid zip archive");
    }

    @Test
    void truncatedNpy() throws Exception {
        Path npy = BadFiles.npy(Fixtures.path("tiny_cnn.npz"), "classifier.2.weight");
        failure(BadFiles.truncated(npy, dir.resolve("cut.npy"), 0.5), "data bytes follow its header");
    }

    @Test
    void corruptedNpyHeader() throws Exception {
        byte[] good = BadFiles.npyBytes(1, "<f4", "(2, 3)", BadFiles.float32s(6));
        Path file = Files.write(dir.resolve("bad.npz"),
                Files.readAllBytes(BadFiles.zip(dir.resolve("tmp.npz"), false, "w.npy",
                        BadFiles.replace(good, "'shape': (2, 3)", "'shape': (2, 3]"))));
        failure(file, "invalid .npy header");
    }

    @Test
    void badMagic() throws Exception {
        byte[] good = BadFiles.npyBytes(1, "<f4", "(2, 3)", BadFiles.float32s(6));
        Path file = BadFiles.zip(dir.resolve("bad.npz"), true, "w.npy", BadFiles.replace(good, "NUMPY", "NUMPX"));
        failure(file, "magic");
    }

    @Test
    void headerLengthBeyondFile() throws Exception {
        byte[] bytes = BadFiles.npyBytes(2, "<f4", "(2, 3)", BadFiles.float32s(6));
        bytes[8] = (byte) 0xFF;
        bytes[11] = 0x7F;
        failure(Files.write(dir.resolve("w.npy"), bytes), "declares a header of");
    }

    @Test
    void shapeLargerThanData() throws Exception {
        byte[] bytes = BadFiles.npyBytes(1, "<f4", "(10000, 10000)", BadFiles.float32s(6));
        failure(BadFiles.zip(dir.resolve("big.npz"), true, "w.npy", bytes), "data bytes follow its header");
    }

    @Test
    void byteLengthNotMatchingShape() throws Exception {
        byte[] bytes = BadFiles.npyBytes(3, "<f4", "(10, 32)", BadFiles.float32s(100));
        failure(BadFiles.zip(dir.resolve("short.npz"), false, "w.npy", bytes), "(1280 bytes) but 400 data bytes");
    }

    @Test
    void unsupportedDtype() throws Exception {
        byte[] bytes = BadFiles.npyBytes(1, "<c8", "(2,)", BadFiles.float32s(4));
        failure(BadFiles.zip(dir.resolve("complex.npz"), false, "w.npy", bytes), "unsupported dtype '<c8'");
    }

    @Test
    void objectArrayRejected() throws Exception {
        byte[] bytes = BadFiles.npyBytes(1, "|O", "(2,)", new byte[16]);
        failure(BadFiles.zip(dir.resolve("object.npz"), false, "w.npy", bytes), "unsupported dtype '|O'");
    }

    @Test
    void bigEndianAndVersionTwoRead() throws Exception {
        byte[] data = new byte[8];
        java.nio.ByteBuffer.wrap(data).putFloat(1.5f).putFloat(-2.25f);
        Path file = BadFiles.zip(dir.resolve("be.npz"), true, "w.npy", BadFiles.npyBytes(2, ">f4", "(1, 2)", data));

        ModelContents contents = ModelFiles.read(file);

        assertEquals(1.5, contents.tensors().get(0).values()[0]);
        assertEquals(-2.25, contents.tensors().get(0).values()[1]);
    }

    @Test
    void unknownFormatListsSupported() throws Exception {
        Path file = Files.writeString(dir.resolve("model.xyz"), "hello");
        failure(file, "unknown model format; supported formats: safetensors, npz");
    }
}

package org.svrgraph.reader;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flips random bytes in the parts of each format that a reader interprets (the pickle, the JSON
 * header, the .npy header) and checks that every result is either a successful read or one
 * ModelFormatException naming the file: no other exception, no OutOfMemoryError, no hang.
 */
class CorruptedBytesTest {

    private static final int CASES = 100;

    @TempDir
    Path dir;

    private void readOrFailCleanly(Path file, String what) {
        try {
            ModelFiles.read(file);
        } catch (ModelFormatException e) {
            assertTrue(e.getMessage().startsWith(file.toString()), what + ": message names the file: " + e.getMessage());
        } catch (Throwable e) {
            fail(what + " threw " + e, e);
        }
    }

    private static byte[] mutate(byte[] original, int from, int to, Random random) {
        byte[] bytes = original.clone();
        int flips = 1 + random.nextInt(3);
        for (int k = 0; k < flips; k++) {
            bytes[from + random.nextInt(to - from)] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    @Test
    void pickleMutations() throws Exception {
        Path source = Fixtures.path("tiny_cnn_shared.pth");
        byte[] pickle;
        byte[] storage0;
        try (ZipFile zip = new ZipFile(source.toFile())) {
            pickle = zip.getInputStream(zip.getEntry("tiny_cnn_shared/data.pkl")).readAllBytes();
            storage0 = zip.getInputStream(zip.getEntry("tiny_cnn_shared/data/0")).readAllBytes();
        }
        Random random = new Random(7);
        for (int c = 0; c < CASES; c++) {
            Path file = BadFiles.zip(dir.resolve("m" + c + ".pt"), false, "a/data.pkl",
                    mutate(pickle, 2, pickle.length, random), "a/data/0", storage0);
            readOrFailCleanly(file, "pickle case " + c);
        }
    }

    @Test
    void safetensorsHeaderMutations() throws Exception {
        byte[] whole = Files.readAllBytes(Fixtures.path("tiny_cnn.safetensors"));
        long headerEnd = 8 + java.nio.ByteBuffer.wrap(whole, 0, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        Random random = new Random(11);
        for (int c = 0; c < CASES; c++) {
            Path file = Files.write(dir.resolve("m" + c + ".safetensors"), mutate(whole, 0, (int) headerEnd, random));
            readOrFailCleanly(file, "safetensors case " + c);
        }
    }

    @Test
    void npyHeaderMutations() throws Exception {
        byte[] array = Files.readAllBytes(BadFiles.npy(Fixtures.path("tiny_cnn.npz"), "features.4.weight"));
        Random random = new Random(13);
        for (int c = 0; c < CASES; c++) {
            Path file = BadFiles.zip(dir.resolve("m" + c + ".npz"), c % 2 == 0, "w.npy", mutate(array, 0, 128, random));
            readOrFailCleanly(file, "npy case " + c);
        }
    }

    @Test
    void zipSizeFieldMutations() throws Exception {
        byte[] whole = Files.readAllBytes(Fixtures.path("tiny_cnn_compressed.npz"));
        Random random = new Random(17);
        for (int c = 0; c < CASES; c++) {
            // The central directory sits at the end of the archive and declares every entry's sizes.
            Path file = Files.write(dir.resolve("m" + c + ".npz"), mutate(whole, whole.length - 600, whole.length, random));
            readOrFailCleanly(file, "zip case " + c);
        }
    }
}

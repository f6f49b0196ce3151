package org.svrgraph.reader;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PyTorchBadInputTest {

    @TempDir
    Path dir;

    private void failure(Path file, String expectedPart) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(expectedPart), "expected '" + expectedPart + "' in: " + e.getMessage());
    }

    private Path archive(String name, byte[] pickle, byte[] storage) throws Exception {
        return BadFiles.zip(dir.resolve(name), false, "archive/data.pkl", pickle, "archive/data/0", storage);
    }

    @Test
    void truncatedArchive() throws Exception {
        failure(BadFiles.truncated(Fixtures.path("tiny_cnn.pth"), dir.resolve("cut.pth"), 0.6), "not a valid zip archive");
    }

    @Test
    void truncatedPickle() throws Exception {
        byte[] pickle = PickleBytes.stateDict("w", "FloatStorage", 6, 0, new long[] {6}, new long[] {1});
        failure(archive("cut.pt", java.util.Arrays.copyOf(pickle, pickle.length - 5), BadFiles.float32s(6)),
                "ends before its STOP opcode");
    }

    @Test
    void corruptedPickle() throws Exception {
        byte[] pickle = PickleBytes.stateDict("w", "FloatStorage", 6, 0, new long[] {6}, new long[] {1});
        pickle[2] = (byte) 0xFE;
        failure(archive("bad.pt", pickle, BadFiles.float32s(6)), "unknown opcode 0xfe");
    }

    @Test
    void oversizedStringLength() throws Exception {
        byte[] pickle = new PickleBytes().protocol(2).raw('X', 0xFF, 0xFF, 0xFF, 0x7F).raw('a', 'b').bytes();
        failure(archive("long.pt", pickle, new byte[0]), "declares 2147483647 bytes but only 2 remain");
    }

    @Test
    void viewLargerThanStorage() throws Exception {
        byte[] pickle = PickleBytes.stateDict("w", "FloatStorage", 6, 0, new long[] {1000, 1000}, new long[] {1000, 1});
        failure(archive("big.pt", pickle, BadFiles.float32s(6)), "reaches element 999999 of a storage of 6 elements");
    }

    @Test
    void storageLargerThanEntry() throws Exception {
        byte[] pickle = PickleBytes.stateDict("w", "FloatStorage", 1L << 30, 0, new long[] {6}, new long[] {1});
        failure(archive("huge.pt", pickle, BadFiles.float32s(6)), "has 24 bytes, but its 1073741824 float32 elements need 4294967296");
    }

    @Test
    void storageBytesNotMatchingElements() throws Exception {
        byte[] pickle = PickleBytes.stateDict("w", "FloatStorage", 6, 0, new long[] {6}, new long[] {1});
        failure(archive("short.pt", pickle, BadFiles.float32s(5)), "has 20 bytes, but its 6 float32 elements need 24");
    }

    @Test
    void unsupportedStorageType() throws Exception {
        byte[] pickle = PickleBytes.stateDict("w", "ComplexFloatStorage", 6, 0, new long[] {6}, new long[] {1});
        failure(archive("complex.pt", pickle, new byte[48]), "unsupported type torch.ComplexFloatStorage");
    }

    @Test
    void osSystemRejected() throws Exception {
        // Equivalent of pickling os.system('echo hacked'); the reader must stop at the global.
        byte[] pickle = new PickleBytes().protocol(2).global("os", "system").string("echo hacked")
                .raw(0x85).op('R').op('.').bytes();
        failure(archive("evil.pt", pickle, new byte[0]), "references the Python global 'os.system', which is not allowed");
    }

    @Test
    void builtinsEvalViaStackGlobalRejected() throws Exception {
        byte[] pickle = new PickleBytes().protocol(4).shortString("builtins").shortString("eval").raw(0x93)
                .shortString("1+1").raw(0x85).op('R').op('.').bytes();
        failure(archive("eval.pt", pickle, new byte[0]), "'builtins.eval'");
    }

    @Test
    void pickledModuleRejected() throws Exception {
        byte[] pickle = new PickleBytes().protocol(2).global("__main__", "TinyCnn").op(')').raw(0x81).op('.').bytes();
        failure(archive("module.pt", pickle, new byte[0]), "'__main__.TinyCnn'");
    }

    @Test
    void legacyFormatRejected() throws Exception {
        failure(Files.write(dir.resolve("old.pth"), new byte[] {(byte) 0x80, 2, (byte) 0x8a, 10}), "legacy format");
    }

    @Test
    void torchScriptRejected() throws Exception {
        Path file = BadFiles.zip(dir.resolve("script.pt"), false, "m/data.pkl", new byte[] {'N', '.'},
                "m/constants.pkl", new byte[] {'.'}, "m/code/m.py", new byte[] {'#'});
        failure(file, "TorchScript");
    }

    @Test
    void noStateDict() throws Exception {
        byte[] pickle = new PickleBytes().protocol(2).op('}').string("epoch").integer(3).op('s').op('.').bytes();
        failure(archive("empty.ckpt", pickle, new byte[0]), "top-level keys: [epoch]");
    }
}

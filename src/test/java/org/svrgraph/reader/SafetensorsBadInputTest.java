package org.svrgraph.reader;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsBadInputTest {

    @TempDir
    Path dir;

    private void failure(byte[] bytes, String expectedPart) throws Exception {
        Path file = Files.write(dir.resolve("bad.safetensors"), bytes);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(expectedPart), "expected '" + expectedPart + "' in: " + e.getMessage());
    }

    private static String entry(String dtype, String shape, long begin, long end) {
        return "{\"w\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":[" + begin + "," + end + "]}}";
    }

    @Test
    void truncatedData() throws Exception {
        byte[] whole = Files.readAllBytes(Fixtures.path("tiny_cnn.safetensors"));
        failure(java.util.Arrays.copyOf(whole, whole.length / 2), "outside the");
    }

    @Test
    void truncatedInsideHeader() throws Exception {
        byte[] whole = Files.readAllBytes(Fixtures.path("tiny_cnn.safetensors"));
        failure(java.util.Arrays.copyOf(whole, 100), "the file has only 92 bytes after the length");
    }

    @Test
    void shorterThanLength() throws Exception {
        failure(new byte[] {1, 2, 3}, "fewer than the 8-byte safetensors header length");
    }

    @Test
    void corruptedHeader() throws Exception {
        failure(BadFiles.safetensors("{\"w\": {\"dtype\": \"F32\", \"shape\": [2", new byte[8]), "not valid JSON");
    }

    @Test
    void headerNotAnObject() throws Exception {
        failure(BadFiles.safetensors("[1, 2, 3]", new byte[8]), "not a JSON object");
    }

    @Test
    void declaredHeaderLargerThanFile() throws Exception {
        byte[] bytes = BadFiles.safetensors(entry("F32", "[2]", 0, 8), new byte[8]);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1L << 40);
        failure(bytes, "declares 1099511627776 bytes of JSON");
    }

    @Test
    void offsetsBeyondData() throws Exception {
        failure(BadFiles.safetensors(entry("F32", "[4]", 0, 16), new byte[8]), "outside the 8 data bytes");
    }

    @Test
    void byteLengthNotMatchingShape() throws Exception {
        failure(BadFiles.safetensors(entry("F32", "[10, 32]", 0, 400), new byte[400]),
                "(1280 bytes) but its data_offsets span 400 bytes");
    }

    @Test
    void hugeShapeRejectedBeforeAllocation() throws Exception {
        failure(BadFiles.safetensors(entry("F32", "[100000, 100000, 100000]", 0, 8), new byte[8]),
                "more than");
    }

    @Test
    void unsupportedDtype() throws Exception {
        failure(BadFiles.safetensors(entry("F8_E4M3", "[8]", 0, 8), new byte[8]), "unsupported dtype 'F8_E4M3'");
    }

    @Test
    void missingField() throws Exception {
        failure(BadFiles.safetensors("{\"w\":{\"dtype\":\"F32\",\"shape\":[2]}}", new byte[8]), "data_offsets");
    }
}

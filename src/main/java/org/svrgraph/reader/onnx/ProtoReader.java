package org.svrgraph.reader.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.svrgraph.reader.ModelFormatException;

/**
 * Reads protocol buffer wire format: a sequence of (field number, wire type) tags, each followed by
 * a varint, a fixed 32/64-bit value or a length-delimited byte string. Every length is checked
 * against the bytes that remain, so a corrupt file fails with a message instead of a huge
 * allocation. Offsets in messages count from the start of the file.
 */
final class ProtoReader {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final Path file;
    private final ByteBuffer buffer;
    private final long baseOffset;
    private int fieldNumber;
    private int wireType;

    /** Reads {@code buffer} from its position to its limit; {@code baseOffset} is its position in the file. */
    ProtoReader(Path file, ByteBuffer buffer, long baseOffset) {
        this.file = file;
        this.buffer = buffer.slice().order(ByteOrder.LITTLE_ENDIAN);
        this.baseOffset = baseOffset;
    }

    /** Advances to the next field; returns false at the end of the message. */
    boolean nextField() throws ModelFormatException {
        if (!buffer.hasRemaining()) {
            return false;
        }
        long tag = readVarint();
        fieldNumber = (int) (tag >>> 3);
        wireType = (int) (tag & 7);
        if (fieldNumber <= 0 || tag >>> 3 > 0x1FFFFFFFL) {
            throw invalid("invalid field number " + (tag >>> 3));
        }
        if (wireType != VARINT && wireType != FIXED64 && wireType != LENGTH_DELIMITED && wireType != FIXED32) {
            throw invalid("unsupported wire type " + wireType + " for field " + fieldNumber);
        }
        return true;
    }

    boolean hasRemaining() {
        return buffer.hasRemaining();
    }

    int fieldNumber() {
        return fieldNumber;
    }

    int wireType() {
        return wireType;
    }

    long readVarint() throws ModelFormatException {
        long start = offset();
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (!buffer.hasRemaining()) {
                throw new ModelFormatException(file, "truncated varint at byte offset " + start);
            }
            int b = buffer.get() & 0xFF;
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new ModelFormatException(file, "invalid varint at byte offset " + start + ": more than 10 bytes");
    }

    int readFixed32() throws ModelFormatException {
        require(4);
        return buffer.getInt();
    }

    long readFixed64() throws ModelFormatException {
        require(8);
        return buffer.getLong();
    }

    /** Returns the bytes of a length-delimited field as a little-endian view, without copying. */
    ByteBuffer readBytes() throws ModelFormatException {
        long start = offset();
        long length = readVarint();
        if (length < 0 || length > buffer.remaining()) {
            throw new ModelFormatException(file, "field " + fieldNumber + " at byte offset " + start
                    + " declares " + Long.toUnsignedString(length) + " bytes but only " + buffer.remaining()
                    + " remain; the file is truncated or corrupt");
        }
        ByteBuffer bytes = buffer.slice(buffer.position(), (int) length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.position(buffer.position() + (int) length);
        return bytes;
    }

    /** Returns a reader over the embedded message of the current length-delimited field. */
    ProtoReader readMessage() throws ModelFormatException {
        expect(LENGTH_DELIMITED);
        ByteBuffer bytes = readBytes();
        return new ProtoReader(file, bytes, offset() - bytes.remaining());
    }

    String readString() throws ModelFormatException {
        expect(LENGTH_DELIMITED);
        return StandardCharsets.UTF_8.decode(readBytes()).toString();
    }

    /** Skips the value of the current field. */
    void skip() throws ModelFormatException {
        switch (wireType) {
            case VARINT -> readVarint();
            case FIXED64 -> readFixed64();
            case FIXED32 -> readFixed32();
            default -> readBytes();
        }
    }

    void expect(int expectedWireType) throws ModelFormatException {
        if (wireType != expectedWireType) {
            throw invalid("field " + fieldNumber + " has wire type " + wireType + ", expected " + expectedWireType);
        }
    }

    /** Byte offset of the read position in the file. */
    long offset() {
        return baseOffset + buffer.position();
    }

    ModelFormatException invalid(String problem) {
        return new ModelFormatException(file, "invalid protobuf at byte offset " + offset() + ": " + problem);
    }

    private void require(int bytes) throws ModelFormatException {
        if (buffer.remaining() < bytes) {
            throw new ModelFormatException(file, "truncated " + bytes + "-byte field " + fieldNumber
                    + " at byte offset " + offset());
        }
    }
}

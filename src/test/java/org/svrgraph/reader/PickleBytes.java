package org.svrgraph.reader;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes pickle opcodes by hand, to build torch.save archives that the tests then break. */
final class PickleBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PickleBytes protocol(int version) {
        out.write(0x80);
        out.write(version);
        return this;
    }

    PickleBytes op(char opcode) {
        out.write(opcode);
        return this;
    }

    /** GLOBAL opcode: module and name as text lines. */
    PickleBytes global(String module, String name) {
        out.write('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** BINUNICODE string. */
    PickleBytes string(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write('X');
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length).array());
        out.writeBytes(bytes);
        return this;
    }

    /** SHORT_BINUNICODE string (protocol 4). */
    PickleBytes shortString(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(0x8c);
        out.write(bytes.length);
        out.writeBytes(bytes);
        return this;
    }

    /** BININT integer. */
    PickleBytes integer(long value) {
        out.write('J');
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).array());
        return this;
    }

    /** Writes a tuple of integers: MARK, BININTs, TUPLE. */
    PickleBytes ints(long... values) {
        op('(');
        for (long value : values) {
            integer(value);
        }
        return op('t');
    }

    PickleBytes raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    PickleBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /**
     * Writes the rebuild of a tensor that views storage "0" of the given class and element count
     * with the given size, stride and offset, as torch.save writes it.
     */
    PickleBytes tensor(String storageClass, long storageElements, long offset, long[] size, long[] stride) {
        return global("torch._utils", "_rebuild_tensor_v2")
                .op('(')
                .op('(').string("storage").global("torch", storageClass).string("0").string("cpu")
                .integer(storageElements).op('t').op('Q')
                .integer(offset).ints(size).ints(stride)
                .raw(0x89).global("collections", "OrderedDict").op(')').op('R')
                .op('t').op('R');
    }

    /** Builds a pickled state dict {@code {name: tensor}} with the tensor of {@link #tensor}. */
    static byte[] stateDict(String name, String storageClass, long storageElements, long offset, long[] size,
            long[] stride) {
        return new PickleBytes().protocol(2).op('}').op('(')
                .string(name).tensor(storageClass, storageElements, offset, size, stride)
                .op('u').op('.').bytes();
    }
}

package org.svrgraph.reader.pytorch;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.svrgraph.reader.ModelFormatException;

/**
 * A pickle virtual machine (protocols 0 to 5) that reads a pickle as data. Python objects become
 * Java values: None null, bool Boolean, int Long (BigInteger beyond 64 bits), float Double, str
 * String, bytes byte[], list ArrayList, tuple an unmodifiable List, dict and OrderedDict
 * LinkedHashMap, set LinkedHashSet. Globals pass through {@link AllowedGlobals}; persistent ids
 * go to the given loader. Every length is checked against the bytes left, so a corrupt pickle
 * fails with a message instead of a large allocation.
 */
final class Unpickler {

    /** Turns a persistent id into the object it stands for, such as a storage reference. */
    interface PersistentLoader {
        Object load(Object persistentId) throws ModelFormatException;
    }

    private static final int HIGHEST_PROTOCOL = 5;

    private final byte[] data;
    private final Path file;
    private final String entry;
    private final PersistentLoader persistentLoader;
    private final List<Object> stack = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();
    private int position;
    private int opcodeStart;

    Unpickler(byte[] data, Path file, String entry, PersistentLoader persistentLoader) {
        this.data = data;
        this.file = file;
        this.entry = entry;
        this.persistentLoader = persistentLoader;
    }

    /** Returns an immutable list, the representation of a Python tuple; items may be null. */
    static List<Object> tuple(List<Object> items) {
        return Collections.unmodifiableList(new ArrayList<>(items));
    }

    /** Runs the pickle to its STOP opcode and returns the object it built. */
    Object load() throws ModelFormatException {
        try {
            while (true) {
                opcodeStart = position;
                int opcode = u8();
                if (opcode == '.') {
                    return pop();
                }
                execute(opcode);
            }
        } catch (IllegalArgumentException | ClassCastException | IndexOutOfBoundsException
                | NullPointerException e) {
            throw error("is invalid: " + e);
        } catch (StackOverflowError e) {
            // Only a self-containing list used as a dict key recurses (in hashCode).
            throw error("nests objects into themselves too deeply");
        }
    }

    private void execute(int opcode) throws ModelFormatException {
        switch (opcode) {
            case 0x80 -> protocol();
            case 0x95 -> skip(8); // FRAME: framing only groups bytes
            case '(' -> marks.add(stack.size());
            case '0' -> pop();
            case '1' -> popMark();
            case '2' -> push(peek());
            case 'N' -> push(null);
            case 0x88 -> push(Boolean.TRUE);
            case 0x89 -> push(Boolean.FALSE);
            case 'J' -> push((long) s32());
            case 'K' -> push((long) u8());
            case 'M' -> push((long) (u8() | u8() << 8));
            case 0x8a -> push(longValue(u8()));
            case 0x8b -> push(longValue(length(s32())));
            case 'I' -> push(intLine(line()));
            case 'L' -> push(bigLine(line()));
            case 'G' -> push(ByteBuffer.wrap(bytes(8)).getDouble());
            case 'F' -> push(Double.parseDouble(line()));
            case 'X' -> push(utf8(length(s32() & 0xFFFFFFFFL)));
            case 0x8c -> push(utf8(u8()));
            case 0x8d -> push(utf8(length(s64())));
            case 'V' -> push(line());
            case 'T' -> push(latin1(length(s32())));
            case 'U' -> push(latin1(u8()));
            case 'S' -> push(quoted(line()));
            case 'B' -> push(bytes(length(s32() & 0xFFFFFFFFL)));
            case 'C' -> push(bytes(u8()));
            case 0x8e, 0x96 -> push(bytes(length(s64())));
            case ')' -> push(tuple(List.of()));
            case 't' -> push(tuple(popMark()));
            case 0x85 -> push(tuple(popItems(1)));
            case 0x86 -> push(tuple(popItems(2)));
            case 0x87 -> push(tuple(popItems(3)));
            case ']' -> push(new ArrayList<>());
            case 'l' -> push(new ArrayList<>(popMark()));
            case 'a' -> appendTo(peekAt(1), Collections.singletonList(pop()));
            case 'e' -> appends();
            case '}' -> push(new LinkedHashMap<>());
            case 'd' -> push(dictOf(popMark()));
            case 's' -> setItems(Arrays.asList(popAt(1), pop()));
            case 'u' -> setItemsFromMark();
            case 0x8f -> push(new LinkedHashSet<>());
            case 0x90 -> addItems();
            case 0x91 -> push(Collections.unmodifiableSet(new LinkedHashSet<>(popMark())));
            case 'c' -> push(global(line(), line()));
            case 0x93 -> stackGlobal();
            case 'R' -> reduce();
            case 0x81 -> newObject(false);
            case 0x92 -> newObject(true);
            case 'i' -> instance(global(line(), line()), popMark());
            case 'o' -> objectFromMark();
            case 'b' -> pop(); // BUILD: object state (such as OrderedDict._metadata) is not needed
            case 'Q' -> push(persistentLoader.load(pop()));
            case 'P' -> push(persistentLoader.load(line()));
            case 'q' -> memo.put((long) u8(), peek());
            case 'r' -> memo.put(s32() & 0xFFFFFFFFL, peek());
            case 'p' -> memo.put(Long.parseLong(line().strip()), peek());
            case 0x94 -> memo.put((long) memo.size(), peek());
            case 'h' -> push(memoGet(u8()));
            case 'j' -> push(memoGet(s32() & 0xFFFFFFFFL));
            case 'g' -> push(memoGet(Long.parseLong(line().strip())));
            case 0x82, 0x83, 0x84 -> throw error("uses the copyreg extension registry (EXT opcodes), which is not supported");
            case 0x97, 0x98 -> throw error("uses out-of-band buffers (protocol 5 NEXT_BUFFER), which torch.save does not write");
            default -> throw error(String.format("has unknown opcode 0x%02x; the pickle is corrupted", opcode));
        }
    }

    private void protocol() throws ModelFormatException {
        int version = u8();
        if (version > HIGHEST_PROTOCOL) {
            throw error("uses pickle protocol " + version + "; protocols 0 to " + HIGHEST_PROTOCOL + " are supported");
        }
    }

    private PickleGlobal global(String module, String name) throws ModelFormatException {
        if (!AllowedGlobals.isAllowed(module, name)) {
            throw new ModelFormatException(file, entry + " references the Python global '" + module + "." + name
                    + "', which is not allowed. Allowed: " + AllowedGlobals.describeAllowed()
                    + ". The file may contain a pickled module or code; load it in Python and save"
                    + " model.state_dict() with torch.save");
        }
        return new PickleGlobal(module, name);
    }

    private void stackGlobal() throws ModelFormatException {
        Object name = pop();
        Object module = pop();
        if (!(module instanceof String m) || !(name instanceof String n)) {
            throw error("has STACK_GLOBAL with non-string module or name");
        }
        push(global(m, n));
    }

    private void reduce() throws ModelFormatException {
        Object args = pop();
        Object callable = pop();
        push(call(callable, args));
    }

    private void newObject(boolean withKeywords) throws ModelFormatException {
        if (withKeywords) {
            pop(); // keyword arguments: none of the allowed classes takes any that matter
        }
        Object args = pop();
        Object callable = pop();
        push(call(callable, args));
    }

    private void instance(PickleGlobal global, List<Object> args) throws ModelFormatException {
        push(call(global, tuple(args)));
    }

    private void objectFromMark() throws ModelFormatException {
        List<Object> items = popMark();
        if (items.isEmpty()) {
            throw error("has OBJ without a class");
        }
        push(call(items.get(0), tuple(items.subList(1, items.size()))));
    }

    private Object call(Object callable, Object args) throws ModelFormatException {
        if (!(callable instanceof PickleGlobal global)) {
            throw error("calls a " + AllowedGlobals.describe(callable) + ", which is not an allowed global");
        }
        if (!(args instanceof List<?> list)) {
            throw error("calls " + global + " with arguments that are not a tuple");
        }
        try {
            return AllowedGlobals.call(global, new ArrayList<>(list));
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private void appendTo(Object target, List<Object> items) throws ModelFormatException {
        if (!(target instanceof ArrayList<?> list)) {
            throw error("appends to a " + AllowedGlobals.describe(target) + ", not a list");
        }
        ((List<Object>) list).addAll(items);
    }

    private void appends() throws ModelFormatException {
        List<Object> items = popMark();
        appendTo(peek(), items);
    }

    private void setItemsFromMark() throws ModelFormatException {
        setItems(popMark());
    }

    @SuppressWarnings("unchecked")
    private void setItems(List<Object> keysAndValues) throws ModelFormatException {
        if (!(peek() instanceof Map<?, ?> map)) {
            throw error("sets items on a " + AllowedGlobals.describe(peek()) + ", not a dict");
        }
        if (keysAndValues.size() % 2 != 0) {
            throw error("sets items from an odd number of keys and values");
        }
        for (int k = 0; k < keysAndValues.size(); k += 2) {
            ((Map<Object, Object>) map).put(keysAndValues.get(k), keysAndValues.get(k + 1));
        }
    }

    @SuppressWarnings("unchecked")
    private void addItems() throws ModelFormatException {
        List<Object> items = popMark();
        if (!(peek() instanceof Set<?> set)) {
            throw error("adds items to a " + AllowedGlobals.describe(peek()) + ", not a set");
        }
        ((Collection<Object>) set).addAll(items);
    }

    private Map<Object, Object> dictOf(List<Object> keysAndValues) throws ModelFormatException {
        Map<Object, Object> map = new LinkedHashMap<>();
        if (keysAndValues.size() % 2 != 0) {
            throw error("builds a dict from an odd number of keys and values");
        }
        for (int k = 0; k < keysAndValues.size(); k += 2) {
            map.put(keysAndValues.get(k), keysAndValues.get(k + 1));
        }
        return map;
    }

    private Object memoGet(long index) throws ModelFormatException {
        if (!memo.containsKey(index)) {
            throw error("reads memo entry " + index + ", which was never stored");
        }
        return memo.get(index);
    }

    // ---- stack

    private void push(Object value) {
        stack.add(value);
    }

    private Object pop() throws ModelFormatException {
        if (stack.isEmpty() || !marks.isEmpty() && marks.get(marks.size() - 1) >= stack.size()) {
            throw error("pops from an empty stack");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek() throws ModelFormatException {
        return peekAt(0);
    }

    private Object peekAt(int depth) throws ModelFormatException {
        if (stack.size() <= depth) {
            throw error("reads below the bottom of the stack");
        }
        return stack.get(stack.size() - 1 - depth);
    }

    private Object popAt(int depth) throws ModelFormatException {
        peekAt(depth);
        return stack.remove(stack.size() - 1 - depth);
    }

    private List<Object> popItems(int count) throws ModelFormatException {
        if (stack.size() < count) {
            throw error("needs " + count + " items on a stack of " + stack.size());
        }
        List<Object> items = new ArrayList<>(stack.subList(stack.size() - count, stack.size()));
        stack.subList(stack.size() - count, stack.size()).clear();
        return items;
    }

    private List<Object> popMark() throws ModelFormatException {
        if (marks.isEmpty()) {
            throw error("has no MARK to pop to");
        }
        int mark = marks.remove(marks.size() - 1);
        List<Object> items = new ArrayList<>(stack.subList(mark, stack.size()));
        stack.subList(mark, stack.size()).clear();
        return items;
    }

    // ---- bytes

    private int u8() throws ModelFormatException {
        if (position >= data.length) {
            throw error("ends before its STOP opcode; the file is truncated");
        }
        return data[position++] & 0xFF;
    }

    private int s32() throws ModelFormatException {
        return ByteBuffer.wrap(bytes(4)).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private long s64() throws ModelFormatException {
        return ByteBuffer.wrap(bytes(8)).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /** Checks a declared length against the bytes left before anything of that size is allocated. */
    private int length(long declared) throws ModelFormatException {
        if (declared < 0 || declared > data.length - position) {
            throw error("declares " + declared + " bytes but only " + (data.length - position) + " remain");
        }
        return (int) declared;
    }

    private byte[] bytes(int count) throws ModelFormatException {
        length(count);
        byte[] out = new byte[count];
        System.arraycopy(data, position, out, 0, count);
        position += count;
        return out;
    }

    private void skip(int count) throws ModelFormatException {
        length(count);
        position += count;
    }

    private String utf8(int count) throws ModelFormatException {
        return new String(bytes(count), StandardCharsets.UTF_8);
    }

    private String latin1(int count) throws ModelFormatException {
        return new String(bytes(count), StandardCharsets.ISO_8859_1);
    }

    private String line() throws ModelFormatException {
        int start = position;
        while (position < data.length && data[position] != '\n') {
            position++;
        }
        if (position >= data.length) {
            throw error("ends inside a text argument; the file is truncated");
        }
        return new String(data, start, position++ - start, StandardCharsets.ISO_8859_1);
    }

    private Object longValue(int count) throws ModelFormatException {
        if (count == 0) {
            return 0L;
        }
        byte[] littleEndian = bytes(count);
        byte[] bigEndian = new byte[count];
        for (int k = 0; k < count; k++) {
            bigEndian[k] = littleEndian[count - 1 - k];
        }
        return narrow(new BigInteger(bigEndian));
    }

    private static Object intLine(String text) {
        return switch (text) {
            case "00" -> Boolean.FALSE;
            case "01" -> Boolean.TRUE;
            default -> narrow(new BigInteger(text.strip()));
        };
    }

    private static Object bigLine(String text) {
        String digits = text.strip();
        return narrow(new BigInteger(digits.endsWith("L") ? digits.substring(0, digits.length() - 1) : digits));
    }

    private static Object narrow(BigInteger value) {
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private static String quoted(String text) {
        String value = text.strip();
        if (value.length() >= 2 && (value.charAt(0) == '\'' || value.charAt(0) == '"')) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private ModelFormatException error(String problem) {
        return new ModelFormatException(file, entry + " at byte " + opcodeStart + " " + problem);
    }
}

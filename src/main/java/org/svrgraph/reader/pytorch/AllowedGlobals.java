package org.svrgraph.reader.pytorch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.svrgraph.reader.data.ElementType;

/**
 * The Python globals a saved state dict or checkpoint needs, and the Java code that builds their
 * value. Any other global is rejected by name before anything is built, so a pickle that names
 * {@code os.system} or {@code builtins.eval} fails without running anything. The unpickler never
 * loads a class or calls a method by a name taken from the file.
 */
final class AllowedGlobals {

    /** Storage classes of {@code torch.save} files and their element types. */
    static final Map<String, ElementType> STORAGES = Map.ofEntries(
            Map.entry("FloatStorage", ElementType.FLOAT32), Map.entry("HalfStorage", ElementType.FLOAT16),
            Map.entry("BFloat16Storage", ElementType.BFLOAT16), Map.entry("DoubleStorage", ElementType.FLOAT64),
            Map.entry("LongStorage", ElementType.INT64), Map.entry("IntStorage", ElementType.INT32),
            Map.entry("ShortStorage", ElementType.INT16), Map.entry("CharStorage", ElementType.INT8),
            Map.entry("ByteStorage", ElementType.UINT8), Map.entry("BoolStorage", ElementType.BOOL),
            Map.entry("UntypedStorage", ElementType.UINT8));

    /** PyTorch dtype names of the storages, for Tensor.dtype. */
    static final Map<ElementType, String> DTYPE_NAMES = Map.of(
            ElementType.FLOAT32, "float32", ElementType.FLOAT16, "float16", ElementType.BFLOAT16, "bfloat16",
            ElementType.FLOAT64, "float64", ElementType.INT64, "int64", ElementType.INT32, "int32",
            ElementType.INT16, "int16", ElementType.INT8, "int8", ElementType.UINT8, "uint8",
            ElementType.BOOL, "bool");

    /** Functions and classes, other than storages, that may be called during unpickling. */
    private static final Set<String> CALLABLES = Set.of(
            "collections.OrderedDict",
            "torch._utils._rebuild_tensor", "torch._utils._rebuild_tensor_v2",
            "torch._utils._rebuild_parameter", "torch._utils._rebuild_parameter_with_state",
            "torch.Size", "torch.device",
            "builtins.set", "builtins.frozenset", "builtins.dict", "builtins.list", "builtins.tuple",
            "__builtin__.set", "__builtin__.frozenset",
            // Protocol 2 pickles bytes as _codecs.encode(text, 'latin1').
            "_codecs.encode",
            // Containers and scalars that training checkpoints keep hyper-parameters and metrics in.
            // They are built as Java maps and placeholders; no Python code is involved.
            "argparse.Namespace", "pytorch_lightning.utilities.parsing.AttributeDict",
            "lightning.fabric.utilities.data.AttributeDict", "lightning_fabric.utilities.data.AttributeDict",
            "numpy.core.multiarray.scalar", "numpy._core.multiarray.scalar", "numpy.dtype");

    /** dtype objects, which checkpoints may contain as plain values. */
    private static final Set<String> DTYPES = Set.of("float32", "float16", "bfloat16", "float64", "float", "half",
            "double", "int64", "int32", "int16", "int8", "uint8", "bool", "long", "int");

    private AllowedGlobals() {
    }

    /**
     * Returns whether a global may appear in the pickle. Every {@code torch.*Storage} name is
     * allowed here because it is only a marker in a persistent id; the storage's type is checked
     * when it is resolved, with a message naming the type.
     */
    static boolean isAllowed(String module, String name) {
        return CALLABLES.contains(module + "." + name)
                || module.equals("torch") && (name.endsWith("Storage") || DTYPES.contains(name));
    }

    /** Returns a summary of the allowed names, for the message that rejects another global. */
    static String describeAllowed() {
        return "collections.OrderedDict, torch._utils._rebuild_tensor_v2, torch._utils._rebuild_parameter,"
                + " torch.*Storage, torch dtypes, builtin containers, and the hyper-parameter containers and"
                + " numpy scalars of checkpoints";
    }

    /**
     * Returns the value of calling an allowed global with positional arguments, as REDUCE and
     * NEWOBJ do.
     *
     * @throws IllegalArgumentException when the global cannot be called or the arguments do not fit;
     *     the unpickler adds the file and position
     */
    static Object call(PickleGlobal global, List<Object> args) {
        return switch (global.qualifiedName()) {
            case "collections.OrderedDict", "builtins.dict", "argparse.Namespace",
                    "pytorch_lightning.utilities.parsing.AttributeDict", "lightning.fabric.utilities.data.AttributeDict",
                    "lightning_fabric.utilities.data.AttributeDict" -> dict(args);
            case "numpy.core.multiarray.scalar", "numpy._core.multiarray.scalar" -> "numpy scalar";
            case "numpy.dtype" -> "numpy dtype " + args;
            case "builtins.set", "builtins.frozenset", "__builtin__.set", "__builtin__.frozenset" ->
                    args.isEmpty() ? new LinkedHashSet<>() : new LinkedHashSet<>(collection(args.get(0), global));
            case "builtins.list" -> args.isEmpty() ? new ArrayList<>() : new ArrayList<>(collection(args.get(0), global));
            case "builtins.tuple", "torch.Size" ->
                    Unpickler.tuple(args.isEmpty() ? List.of() : new ArrayList<>(collection(args.get(0), global)));
            case "torch._utils._rebuild_tensor", "torch._utils._rebuild_tensor_v2" -> rebuildTensor(args);
            case "torch._utils._rebuild_parameter", "torch._utils._rebuild_parameter_with_state" -> {
                requireArgs(global, args, 1);
                yield args.get(0);
            }
            case "torch.device" -> "device " + args;
            case "_codecs.encode" -> {
                requireArgs(global, args, 1);
                if (!(args.get(0) instanceof String text)) {
                    throw new IllegalArgumentException("_codecs.encode expects a string, got " + describe(args.get(0)));
                }
                yield text.getBytes(StandardCharsets.ISO_8859_1);
            }
            default -> throw new IllegalArgumentException("global '" + global + "' is a value, not something to call");
        };
    }

    private static Map<Object, Object> dict(List<Object> args) {
        Map<Object, Object> map = new LinkedHashMap<>();
        if (!args.isEmpty() && args.get(0) instanceof Collection<?> pairs) {
            for (Object pair : pairs) {
                if (pair instanceof List<?> items && items.size() == 2) {
                    map.put(items.get(0), items.get(1));
                }
            }
        }
        return map;
    }

    private static TensorRef rebuildTensor(List<Object> args) {
        if (args.size() < 4 || !(args.get(0) instanceof StorageRef storage) || !(args.get(1) instanceof Long offset)
                || !(args.get(2) instanceof List<?> size) || !(args.get(3) instanceof List<?> stride)
                || size.size() != stride.size()) {
            throw new IllegalArgumentException("_rebuild_tensor expects (storage, offset, size, stride), got "
                    + describe(args));
        }
        return new TensorRef(storage, offset, longs(size), longs(stride));
    }

    private static long[] longs(List<?> items) {
        long[] values = new long[items.size()];
        for (int k = 0; k < values.length; k++) {
            if (!(items.get(k) instanceof Long value)) {
                throw new IllegalArgumentException("tensor size or stride " + items + " contains a non-integer");
            }
            values[k] = value;
        }
        return values;
    }

    private static Collection<?> collection(Object value, PickleGlobal global) {
        if (value instanceof Collection<?> items) {
            return items;
        }
        throw new IllegalArgumentException(global + " expects a list, tuple or set, got " + describe(value));
    }

    private static void requireArgs(PickleGlobal global, List<Object> args, int count) {
        if (args.size() < count) {
            throw new IllegalArgumentException(global + " expects at least " + count + " arguments, got " + args.size());
        }
    }

    /** Returns a short description of a value's Java type for messages. */
    static String describe(Object value) {
        return value == null ? "None" : value.getClass().getSimpleName();
    }
}

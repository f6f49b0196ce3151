package org.svrgraph.reader.pytorch;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svrgraph.reader.ModelContents;
import org.svrgraph.reader.ModelFormatException;
import org.svrgraph.reader.ModelReader;
import org.svrgraph.reader.Tensor;
import org.svrgraph.reader.data.FileHeads;
import org.svrgraph.reader.data.ZipArchive;

/**
 * Reads PyTorch files written by {@code torch.save} since PyTorch 1.6 (.pt, .pth, .ckpt, .bin): a
 * zip with {@code PREFIX/data.pkl}, the pickled object, and {@code PREFIX/data/KEY}, the raw bytes
 * of each storage, in the order named by {@code PREFIX/byteorder} (little-endian when absent).
 * The pickle is read as data by {@link Unpickler} with an allow-list of globals; no Java
 * deserialization or reflection touches the file. The tensors are those of a bare state dict, or
 * of the {@code state_dict} or {@code model} entry of a checkpoint dict, with their names unchanged.
 */
public final class PyTorchReader implements ModelReader {

    private static final Logger LOG = LoggerFactory.getLogger(PyTorchReader.class);

    /** A state dict's pickle is kilobytes to a few megabytes; this bound only stops a corrupted size. */
    private static final long MAX_PICKLE_BYTES = 256L << 20;

    @Override
    public String format() {
        return "pytorch";
    }

    @Override
    public boolean accepts(Path file) throws IOException {
        String name = FileHeads.lowerName(file);
        if (name.endsWith(".pt") || name.endsWith(".pth") || name.endsWith(".ckpt")) {
            return true;
        }
        if (!ZipArchive.hasZipMagic(file)) {
            return false;
        }
        try (ZipArchive zip = ZipArchive.open(file)) {
            return pickleEntry(zip) != null;
        } catch (ModelFormatException e) {
            return false;
        }
    }

    @Override
    public ModelContents read(Path file) throws IOException {
        long started = System.nanoTime();
        if (!ZipArchive.hasZipMagic(file)) {
            throw new ModelFormatException(file, "not a zip archive, so not a torch.save file of PyTorch 1.6 or later;"
                    + " the legacy format (before 1.6) is not supported: load it in Python and save it again with"
                    + " torch.save");
        }
        try (ZipArchive zip = ZipArchive.open(file)) {
            String pickle = pickleEntry(zip);
            if (pickle == null || isTorchScript(zip)) {
                throw new ModelFormatException(file, missingPickleProblem(zip));
            }
            String prefix = pickle.substring(0, pickle.length() - "data.pkl".length());
            ByteOrder order = byteOrder(zip, prefix);
            Map<String, StorageRef> storages = new HashMap<>();
            Object root = new Unpickler(zip.readAll(pickle, MAX_PICKLE_BYTES), file, pickle,
                    id -> storage(file, id, storages)).load();
            Map<String, TensorRef> stateDict = StateDicts.locate(file, root);
            StorageData data = new StorageData(zip, prefix, order);
            List<Tensor> tensors = new ArrayList<>();
            for (Map.Entry<String, TensorRef> entry : stateDict.entrySet()) {
                tensors.add(data.tensor(entry.getKey(), entry.getValue()));
            }
            LOG.info("Read {} tensors from {} ({} storages) in {} ms", tensors.size(), file, storages.size(),
                    (System.nanoTime() - started) / 1_000_000);
            return new ModelContents(file, format(), tensors, List.of());
        }
    }

    /** Returns the name of the archive's {@code PREFIX/data.pkl} entry, or null when it has none. */
    private static String pickleEntry(ZipArchive zip) {
        for (String name : zip.entryNames()) {
            int slash = name.indexOf('/');
            if (slash > 0 && name.indexOf('/', slash + 1) < 0 && name.endsWith("/data.pkl")) {
                return name;
            }
        }
        return null;
    }

    /** Returns whether the archive is TorchScript, whose data.pkl pickles scripted module objects. */
    private static boolean isTorchScript(ZipArchive zip) {
        return zip.entryNames().stream().anyMatch(n -> n.endsWith("/constants.pkl") || n.contains("/code/"));
    }

    private static String missingPickleProblem(ZipArchive zip) {
        return isTorchScript(zip)
                ? "is a TorchScript archive (torch.jit.save), which holds code; save model.state_dict() with"
                        + " torch.save instead"
                : "zip archive has no PREFIX/data.pkl entry, so it is not a torch.save file";
    }

    private static ByteOrder byteOrder(ZipArchive zip, String prefix) throws IOException {
        String entry = prefix + "byteorder";
        if (!zip.contains(entry)) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        String text = new String(zip.readAll(entry, 16), StandardCharsets.US_ASCII).strip();
        return switch (text) {
            case "little" -> ByteOrder.LITTLE_ENDIAN;
            case "big" -> ByteOrder.BIG_ENDIAN;
            default -> throw new ModelFormatException(zip.file(), entry + " is '" + text + "', not little or big");
        };
    }

    /**
     * Resolves a persistent id {@code ('storage', StorageClass, key, location, numel)} to a storage
     * reference; the same key always gives the same storage, which tensors then share.
     */
    private static StorageRef storage(Path file, Object id, Map<String, StorageRef> storages)
            throws ModelFormatException {
        if (!(id instanceof List<?> parts) || parts.size() < 5 || !"storage".equals(parts.get(0))
                || !(parts.get(1) instanceof PickleGlobal storageClass) || !(parts.get(2) instanceof String key)
                || !(parts.get(4) instanceof Long count) || count < 0) {
            throw new ModelFormatException(file, "data.pkl has a persistent id " + id
                    + " that is not ('storage', StorageClass, key, location, numel)");
        }
        var type = AllowedGlobals.STORAGES.get(storageClass.name());
        if (type == null || !storageClass.module().equals("torch")) {
            throw new ModelFormatException(file, "storage '" + key + "' has unsupported type " + storageClass
                    + "; supported: torch." + String.join(", torch.", AllowedGlobals.STORAGES.keySet()));
        }
        StorageRef storage = new StorageRef(key, type, AllowedGlobals.DTYPE_NAMES.get(type), count);
        StorageRef earlier = storages.putIfAbsent(key, storage);
        if (earlier != null && !earlier.equals(storage)) {
            throw new ModelFormatException(file, "storage '" + key + "' is declared twice with different types or sizes");
        }
        return earlier != null ? earlier : storage;
    }
}

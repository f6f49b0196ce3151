package org.svrgraph.reader.safetensors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svrgraph.reader.ModelContents;
import org.svrgraph.reader.ModelReader;
import org.svrgraph.reader.Tensor;
import org.svrgraph.reader.data.FileHeads;

/**
 * Reads safetensors models: a single {@code .safetensors} file, or a sharded model given by its
 * {@code *.safetensors.index.json} or by any of its {@code NAME-0000k-of-0000N.safetensors} shards.
 */
public final class SafetensorsReader implements ModelReader {

    private static final Logger LOG = LoggerFactory.getLogger(SafetensorsReader.class);

    @Override
    public String format() {
        return "safetensors";
    }

    @Override
    public boolean accepts(Path file) throws IOException {
        String name = FileHeads.lowerName(file);
        if (name.endsWith(".safetensors") || name.endsWith(".safetensors.index.json")) {
            return true;
        }
        return SafetensorsFile.looksLike(FileHeads.read(file, 9), Files.size(file));
    }

    @Override
    public ModelContents read(Path file) throws IOException {
        long started = System.nanoTime();
        ShardedModel sharded = ShardedModel.find(file);
        List<Tensor> tensors = sharded != null ? sharded.read() : SafetensorsFile.read(file);
        LOG.info("Read {} tensors from {}{} in {} ms", tensors.size(), file,
                sharded != null ? " (" + sharded.shardCount() + " shards)" : "",
                (System.nanoTime() - started) / 1_000_000);
        return new ModelContents(file, format(), tensors, List.of());
    }
}

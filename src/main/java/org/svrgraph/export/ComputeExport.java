package org.svrgraph.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svrgraph.spectral.LayerPair;
import org.svrgraph.spectral.SpectralLayer;
import org.svrgraph.spectral.SvrResult;

/**
 * Writes an SVR result to a directory without any database: {@code sigma_L.npy} per layer (float64,
 * descending), {@code adjacency_L.npy} per pair (float64, r_{L+1} x r_L, row i = spectral neuron i of
 * layer L+1, column j = neuron j of layer L), and {@code summary.json}.
 */
public final class ComputeExport {

    private static final Logger LOG = LoggerFactory.getLogger(ComputeExport.class);
    private static final String SUMMARY = "summary.json";
    private static final Pattern OUTPUT_FILE = Pattern.compile("(sigma|adjacency)_\\d+\\.npy|summary\\.json");

    private ComputeExport() {
    }

    /**
     * Writes the files into {@code directory}, creating it if needed, and returns the summary path.
     * Files of an earlier result in the directory (summary.json, sigma_L.npy, adjacency_L.npy) are
     * deleted first, so that a smaller model written over a larger one leaves no stale layers.
     */
    public static Path write(SvrResult result, String source, String format, Path directory) throws IOException {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new IOException("Output " + directory + " is a file, not a directory; give --out a directory");
        }
        Files.createDirectories(directory);
        deleteEarlierOutput(directory);
        for (SpectralLayer layer : result.layers()) {
            NpyWriter.write(directory.resolve("sigma_" + layer.index() + ".npy"), layer.sigma());
        }
        for (LayerPair pair : result.pairs()) {
            NpyWriter.write(directory.resolve("adjacency_" + pair.index() + ".npy"), pair.adjacency().toRowMajor(),
                    new int[] {pair.adjacency().rows(), pair.adjacency().cols()});
        }
        Path summary = directory.resolve(SUMMARY);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(summary.toFile(), ComputeSummary.of(result, source, format));
        return summary;
    }

    private static void deleteEarlierOutput(Path directory) throws IOException {
        List<Path> earlier;
        try (Stream<Path> files = Files.list(directory)) {
            earlier = files.filter(file -> OUTPUT_FILE.matcher(file.getFileName().toString()).matches()).toList();
        }
        for (Path file : earlier) {
            Files.delete(file);
        }
        if (!earlier.isEmpty()) {
            LOG.info("Deleted {} files of an earlier result in {}", earlier.size(), directory);
        }
    }
}

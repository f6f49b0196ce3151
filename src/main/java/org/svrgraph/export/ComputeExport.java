package org.svrgraph.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.svrgraph.spectral.LayerPair;
import org.svrgraph.spectral.SpectralLayer;
import org.svrgraph.spectral.SvrResult;

/**
 * Writes an SVR result to a directory without any database: {@code sigma_L.npy} per layer (float64,
 * descending), {@code adjacency_L.npy} per pair (float64, r_{L+1} x r_L, row i = spectral neuron i of
 * layer L+1, column j = neuron j of layer L), and {@code summary.json}.
 */
public final class ComputeExport {

    private ComputeExport() {
    }

    /** Writes the files into {@code directory}, creating it if needed, and returns the summary path. */
    public static Path write(SvrResult result, String source, String format, Path directory) throws IOException {
        Files.createDirectories(directory);
        for (SpectralLayer layer : result.layers()) {
            NpyWriter.write(directory.resolve("sigma_" + layer.index() + ".npy"), layer.sigma());
        }
        for (LayerPair pair : result.pairs()) {
            NpyWriter.write(directory.resolve("adjacency_" + pair.index() + ".npy"), pair.adjacency().toRowMajor(),
                    new int[] {pair.adjacency().rows(), pair.adjacency().cols()});
        }
        Path summary = directory.resolve("summary.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(summary.toFile(), ComputeSummary.of(result, source, format));
        return summary;
    }
}

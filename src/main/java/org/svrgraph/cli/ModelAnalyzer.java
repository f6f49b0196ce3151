package org.svrgraph.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.svrgraph.Progress;
import org.svrgraph.spectral.SvrOptions;
import org.svrgraph.spectral.SvrResult;

/** Turns a model file into its SVR: the step {@code svr load} runs before it writes to the database. */
@FunctionalInterface
public interface ModelAnalyzer {

    /**
     * The SVR of one model file with what the graph records about the file.
     *
     * @param format the reader's format name, such as safetensors
     * @param parameterCount weights over all linear maps of the chain
     * @param result the SVR
     */
    record AnalyzedModel(String format, long parameterCount, SvrResult result) {
    }

    /**
     * Reads the model file and computes its SVR.
     *
     * @throws IOException when the file cannot be read
     */
    AnalyzedModel analyze(Path modelFile, SvrOptions options, Progress progress) throws IOException;
}

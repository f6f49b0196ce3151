package org.svrgraph.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.svrgraph.Progress;
import org.svrgraph.chain.WeightChain;
import org.svrgraph.spectral.EjmlLinearAlgebra;
import org.svrgraph.spectral.SvrEngine;
import org.svrgraph.spectral.SvrOptions;
import org.svrgraph.spectral.SvrResult;

/** The default {@link ModelAnalyzer}: reads the file's weight chain and runs the SVR engine on it. */
final class ModelFileAnalyzer implements ModelAnalyzer {

    @Override
    public AnalyzedModel analyze(Path modelFile, SvrOptions options, Progress progress) throws IOException {
        WeightChain chain = readChain(modelFile);
        SvrResult result = new SvrEngine(new EjmlLinearAlgebra()).compute(chain, options, progress);
        return new AnalyzedModel(formatName(modelFile), chain.parameterCount(), result);
    }

    /** Reads the weight chain of a model file. */
    private static WeightChain readChain(Path modelFile) throws IOException {
        // TODO: call the reader facade (ModelFiles.readChain) once it is on main, and take the format
        // name from the reader that accepted the file instead of the file extension.
        throw new UserException("Cannot read " + modelFile + ": model file readers are not part of this build yet");
    }

    private static String formatName(Path modelFile) {
        String name = modelFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot >= 0 ? name.substring(dot + 1) : "unknown";
    }
}

package org.svrgraph.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.svrgraph.Progress;
import org.svrgraph.reader.ChainSelection;
import org.svrgraph.reader.ModelChain;
import org.svrgraph.reader.ModelFiles;
import org.svrgraph.spectral.SvrEngine;
import org.svrgraph.spectral.SvrOptions;
import org.svrgraph.spectral.SvrResult;

/** The default {@link ModelAnalyzer}: reads the file's weight chain and runs the SVR engine on it. */
final class ModelFileAnalyzer implements ModelAnalyzer {

    private final ChainSelection selection;
    private final String backend;

    /** Creates an analyzer with a {@code --layers} choice and a {@code --backend} name. */
    ModelFileAnalyzer(ChainSelection selection, String backend) {
        this.selection = selection;
        this.backend = backend;
    }

    @Override
    public AnalyzedModel analyze(Path modelFile, SvrOptions options, Progress progress) throws IOException {
        ModelChain model = ModelFiles.readChain(modelFile, selection);
        SvrResult result = new SvrEngine(Backends.select(backend)).compute(model.chain(), options, progress);
        return new AnalyzedModel(model.contents().format(), model.chain().parameterCount(), result);
    }
}

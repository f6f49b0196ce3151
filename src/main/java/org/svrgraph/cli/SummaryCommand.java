package org.svrgraph.cli;

import java.util.List;
import java.util.Map;
import org.svrgraph.analysis.AnalysisRunner;
import org.svrgraph.analysis.SavedQuery;
import org.svrgraph.storage.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code svr summary}: the per-layer spectrum and per-pair edge statistics of a stored model. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Per layer of a stored model: rank, sigma max, stable rank, near-kernel neurons; per link to"
                + " the next layer: significant edges, the strongest one, internal dimensions"
                + " (cypher/layer-summary.cypher).")
public final class SummaryCommand extends AnalysisCommand {

    @Parameters(index = "0", paramLabel = "MODEL", description = "Name of a stored model (svr models lists them).")
    String model;

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "0.1",
            description = "Near-kernel cut-off on sigma / sigma_max ($threshold). Default: 0.1.")
    double threshold;

    @Override
    void analyze(GraphStore store, AnalysisRunner runner) {
        runner.requireModels(List.of(model));
        print("Layers of '" + model + "' (near-kernel: relativeSigma < " + threshold + ")",
                runner.run(SavedQuery.LAYER_SUMMARY, Map.of("model", model, "threshold", threshold)));
    }
}

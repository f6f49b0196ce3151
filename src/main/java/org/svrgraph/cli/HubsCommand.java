package org.svrgraph.cli;

import java.util.List;
import java.util.Map;
import org.svrgraph.analysis.AnalysisRunner;
import org.svrgraph.analysis.SavedQuery;
import org.svrgraph.storage.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code svr hubs}: the spectral neurons the significant edges converge on. */
@Command(name = "hubs", mixinStandardHelpOptions = true,
        description = "Spectral neurons of a stored model ranked by GDS PageRank on the significant edges, with their"
                + " significant in- and out-degree (cypher/hubs.cypher).")
public final class HubsCommand extends AnalysisCommand {

    @Parameters(index = "0", paramLabel = "MODEL", description = "Name of a stored model (svr models lists them).")
    String model;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Rows ($limit). Default: 10.")
    int limit;

    @Override
    void analyze(GraphStore store, AnalysisRunner runner) {
        runner.requireModels(List.of(model));
        store.requireGds();
        print("Hubs of '" + model + "' (PageRank on significant edges)",
                runner.run(SavedQuery.HUBS, Map.of("model", model, "limit", limit)));
    }
}

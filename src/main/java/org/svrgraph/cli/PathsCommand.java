package org.svrgraph.cli;

import java.util.List;
import java.util.Map;
import org.svrgraph.analysis.AnalysisRunner;
import org.svrgraph.analysis.SavedQuery;
import org.svrgraph.storage.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code svr paths}: the dominant chain and the heaviest long-range paths of a stored model. */
@Command(name = "paths", mixinStandardHelpOptions = true,
        description = {"The dominant chain of a stored model: the longest runs of significant edges through the top"
                + " spectral neurons of consecutive layers (cypher/dominant-chain.cypher).",
            "Then its heaviest paths of significant edges, by GDS longest path on a DAG"
                + " (cypher/long-range-paths.cypher), or with --cypher by plain Cypher"
                + " (cypher/long-range-paths-cypher.cypher)."})
public final class PathsCommand extends AnalysisCommand {

    @Parameters(index = "0", paramLabel = "MODEL", description = "Name of a stored model (svr models lists them).")
    String model;

    @Option(names = {"-k", "--k"}, paramLabel = "K", defaultValue = "1",
            description = "Dominant chain through neurons of index < K ($k). Default: 1 (index 0 only).")
    int k;

    @Option(names = "--weight", paramLabel = "ratio|log10p", defaultValue = "log10p",
            description = "Edge weight of the heaviest paths ($weight): ratio (n*a, larger on wide links) or log10p"
                    + " (-log10 of the p-value, comparable across links). Default: log10p.")
    Weight weight;

    @Option(names = "--min-p-value", paramLabel = "P", defaultValue = "1e-300",
            description = "Smaller p-values, and p = 0, count as P for the log10p weight ($minPValue). Default: 1e-300.")
    double minPValue;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "5",
            description = "Rows per table ($limit). Default: 5.")
    int limit;

    @Option(names = "--cypher", description = "Find the heaviest paths with plain Cypher instead of GDS.")
    boolean cypher;

    @Option(names = "--min-ratio", paramLabel = "R", defaultValue = "3",
            description = "With --cypher: follow only edges with ratio >= R ($minRatio). Default: 3.")
    double minRatio;

    @Option(names = "--min-hops", paramLabel = "H", defaultValue = "2",
            description = "With --cypher: paths of at least H edges ($minHops). Default: 2.")
    int minHops;

    /** Values of {@code $weight}. */
    enum Weight { ratio, log10p }

    @Override
    void analyze(GraphStore store, AnalysisRunner runner) {
        if (k < 1 || limit < 0) {
            throw new UserException("-k must be at least 1 and --limit at least 0, got " + k + " and " + limit);
        }
        runner.requireModels(List.of(model));
        if (!cypher) {
            store.requireGds();
        }
        print("Dominant chain of '" + model + "' (significant edges through neurons of index < " + k + ")",
                runner.run(SavedQuery.DOMINANT_CHAIN, Map.of("model", model, "k", k, "limit", limit)));
        Map<String, Object> parameters = Map.of("model", model, "weight", weight.name(), "minPValue", minPValue,
                "limit", limit, "minRatio", minRatio, "minHops", minHops);
        if (cypher) {
            print("Heaviest paths (plain Cypher, edges with ratio >= " + minRatio + ", weight " + weightText() + ")",
                    runner.run(SavedQuery.LONG_RANGE_PATHS_CYPHER, parameters));
        } else {
            print("Heaviest paths (GDS longest path, weight " + weightText() + ")",
                    runner.run(SavedQuery.LONG_RANGE_PATHS, parameters));
        }
    }

    /** Returns the edge weight as a formula: the ratio n a, or -log10 of the p-value. */
    private String weightText() {
        return weight == Weight.log10p ? "-log10 p" : "ratio n*a";
    }
}

package org.svrgraph.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.svrgraph.analysis.AnalysisRunner;
import org.svrgraph.analysis.QueryResult;
import org.svrgraph.analysis.SavedQuery;
import org.svrgraph.storage.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code svr clusters}: clusters of near-kernel spectral neurons joined by significant edges. */
@Command(name = "clusters", mixinStandardHelpOptions = true,
        description = "Clusters of near-kernel spectral neurons of a stored model joined by significant edges, by GDS"
                + " weakly connected components and Louvain, largest first (cypher/near-kernel-clusters.cypher).")
public final class ClustersCommand extends AnalysisCommand {

    @Parameters(index = "0", paramLabel = "MODEL", description = "Name of a stored model (svr models lists them).")
    String model;

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "0.1",
            description = "Near-kernel cut-off on sigma / sigma_max ($threshold). Default: 0.1.")
    double threshold;

    @Option(names = "--min-size", paramLabel = "N", defaultValue = "2",
            description = "Smallest cluster listed ($minSize). Default: 2.")
    int minSize;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10",
            description = "Clusters listed per algorithm. Default: 10.")
    int limit;

    @Option(names = "--show-neurons", paramLabel = "N", defaultValue = "12",
            description = "Neurons named per cluster in table output, the rest counted. Default: 12.")
    int shownNeurons;

    /** Lines printed after the table, such as how many clusters --limit left out. */
    private final List<String> notes = new ArrayList<>();

    @Override
    void analyze(GraphStore store, AnalysisRunner runner) {
        checkThreshold(threshold);
        runner.requireModels(List.of(model));
        store.requireGds();
        print("Near-kernel clusters of '" + model + "' (relativeSigma < " + threshold + ", at least " + minSize
                + " neurons; wcc = connected components, louvain = communities)", table(runner));
        if (format == ResultTable.Format.table) {
            notes.forEach(out()::println);
            out().flush();
        }
    }

    private ResultTable table(AnalysisRunner runner) {
        QueryResult result = runner.run(SavedQuery.NEAR_KERNEL_CLUSTERS,
                Map.of("model", model, "threshold", threshold, "minSize", minSize));
        ResultTable all = ResultTable.of(result.columns(), result.records());
        int algorithm = all.columns().indexOf("algorithm");
        int neurons = all.columns().indexOf("neurons");
        Map<Object, Integer> listed = new HashMap<>();
        Map<Object, Integer> omitted = new java.util.TreeMap<>(java.util.Comparator.comparing(Object::toString));
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : all.rows()) {
            int count = listed.merge(row.get(algorithm), 1, Integer::sum);
            if (count > limit) {
                omitted.merge(row.get(algorithm), 1, Integer::sum);
                continue;
            }
            List<Object> copy = new ArrayList<>(row);
            if (format == ResultTable.Format.table && copy.get(neurons) instanceof List<?> names
                    && names.size() > shownNeurons) {
                List<Object> shown = new ArrayList<>(names.subList(0, shownNeurons));
                shown.add("... " + (names.size() - shownNeurons) + " more");
                copy.set(neurons, shown);
            }
            rows.add(copy);
        }
        omitted.forEach((name, count) -> notes.add(count + " more " + name + " clusters not listed; raise --limit"
                + " to see them."));
        return new ResultTable(all.columns(), rows);
    }
}

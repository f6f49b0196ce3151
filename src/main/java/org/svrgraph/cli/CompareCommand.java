package org.svrgraph.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.svrgraph.analysis.AnalysisRunner;
import org.svrgraph.analysis.QueryResult;
import org.svrgraph.analysis.SavedQuery;
import org.svrgraph.storage.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code svr compare}: stored models side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Stored models side by side: per layer the spectrum, near-kernel fraction, significant edges"
                + " and the index-0 edge (cypher/compare.cypher); the largest near-kernel cluster of each model"
                + " (cypher/near-kernel-clusters.cypher, needs GDS); and for models of the same architecture the"
                + " Jaccard overlap of their significant edges per layer pair (cypher/compare-overlap.cypher)."})
public final class CompareCommand extends AnalysisCommand {

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "MODEL",
            description = "Two or more stored models (svr models lists them).")
    List<String> models;

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "0.1",
            description = "Near-kernel cut-off on sigma / sigma_max ($threshold). Default: 0.1.")
    double threshold;

    @Option(names = "--min-size", paramLabel = "N", defaultValue = "2",
            description = "Smallest near-kernel cluster counted ($minSize). Default: 2.")
    int minSize;

    @Override
    void analyze(GraphStore store, AnalysisRunner runner) {
        if (models.size() < 2) {
            throw new UserException("svr compare needs at least two model names, got " + models.size() + ": " + models);
        }
        checkThreshold(threshold);
        runner.requireModels(models);
        print("Layers side by side (near-kernel: relativeSigma < " + threshold + ")",
                runner.run(SavedQuery.COMPARE, Map.of("models", models, "threshold", threshold)));
        if (store.hasGds()) {
            print("Largest near-kernel cluster (weakly connected components of at least " + minSize + " neurons)",
                    largestClusters(runner));
        } else {
            spec.commandLine().getErr().println("svr: near-kernel clusters skipped: the Graph Data Science library"
                    + " is not installed on " + store.settings().describe());
        }
        QueryResult overlap = runner.run(SavedQuery.COMPARE_OVERLAP, Map.of("models", models));
        if (overlap.records().isEmpty()) {
            out().println("No two of these models have the same architecture: no edge overlap to show.");
        } else {
            print("Overlap of significant edges at the same (layer, index) positions", overlap);
        }
    }

    private ResultTable largestClusters(AnalysisRunner runner) {
        List<List<Object>> rows = new ArrayList<>();
        for (String model : models) {
            QueryResult clusters = runner.run(SavedQuery.NEAR_KERNEL_CLUSTERS,
                    Map.of("model", model, "threshold", threshold, "minSize", minSize));
            List<Record> components = clusters.records().stream()
                    .filter(r -> r.get("algorithm").asString().equals("wcc")).toList();
            List<Object> row = new ArrayList<>();
            row.add(model);
            row.add(components.size());
            if (components.isEmpty()) {
                row.addAll(java.util.Arrays.asList(0L, null, null, 0L));
            } else {
                // The query lists components largest first.
                Record largest = components.get(0);
                row.add(largest.get("size").asLong());
                row.add(largest.get("firstLayer").asLong());
                row.add(largest.get("lastLayer").asLong());
                row.add(largest.get("edges").asLong());
            }
            rows.add(row);
        }
        return new ResultTable(List.of("model", "clusters", "largestSize", "firstLayer", "lastLayer", "edges"), rows);
    }
}

package org.svrgraph.analysis;

import java.util.Optional;
import org.svrgraph.storage.CypherFile;

/**
 * The saved analysis queries of the top-level {@code cypher/} folder, which the build puts on the
 * class path. The files are the only copy of the query text: users run them in Neo4j Browser or
 * with {@code svr query --file}, and the analysis commands load them from here.
 */
public enum SavedQuery {
    LAYER_SUMMARY("layer-summary", null),
    DOMINANT_CHAIN("dominant-chain", null),
    LONG_RANGE_PATHS("long-range-paths", "svr-paths-"),
    LONG_RANGE_PATHS_CYPHER("long-range-paths-cypher", null),
    NEAR_KERNEL_CLUSTERS("near-kernel-clusters", "svr-clusters-"),
    HUBS("hubs", "svr-hubs-"),
    COMPARE("compare", null),
    COMPARE_OVERLAP("compare-overlap", null);

    private final String fileName;
    private final String projectionPrefix;

    SavedQuery(String fileName, String projectionPrefix) {
        this.fileName = fileName;
        this.projectionPrefix = projectionPrefix;
    }

    /** Returns the file name without the {@code .cypher} extension. */
    public String fileName() {
        return fileName;
    }

    /** Returns the query text, header comment included. */
    public String text() {
        return CypherFile.load(fileName);
    }

    /** Returns whether the query calls Graph Data Science procedures. */
    public boolean usesGds() {
        return projectionPrefix != null;
    }

    /**
     * Returns the name of the GDS projection the query creates for a model. The query text builds
     * the same name from {@code $model}.
     */
    public Optional<String> projectionName(String model) {
        return usesGds() ? Optional.of(projectionPrefix + model) : Optional.empty();
    }
}

package org.svrgraph.analysis;

import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svrgraph.storage.GraphStore;
import org.svrgraph.storage.ModelCatalog;
import org.svrgraph.storage.StorageException;

/**
 * Runs saved analysis queries on a store, in read transactions. A query that projects a GDS graph
 * drops it itself at the end. The runner drops it again afterwards, also when the query failed, so
 * that no projection stays in the GDS catalog.
 */
public final class AnalysisRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AnalysisRunner.class);

    private final GraphStore store;

    public AnalysisRunner(GraphStore store) {
        this.store = store;
    }

    /**
     * Runs the query with its parameters; a GDS query takes the model name from {@code $model}.
     *
     * @throws StorageException when GDS is missing for a GDS query, or the query fails
     */
    public QueryResult run(SavedQuery query, Map<String, Object> parameters) {
        Optional<String> projection = Optional.empty();
        if (query.usesGds()) {
            store.requireGds();
            projection = query.projectionName(String.valueOf(parameters.get("model")));
        }
        long start = System.nanoTime();
        // NOTE: projections are named per model, so two runs of one GDS query on the same model at
        // the same time collide: the second fails with "graph already exists".
        try (Session session = store.session()) {
            QueryResult result = session.executeRead(tx -> {
                Result records = tx.run(query.text(), parameters);
                return new QueryResult(query, records.keys(), records.list());
            });
            LOG.debug("{} returned {} rows in {} ms", query.fileName(), result.records().size(),
                    (System.nanoTime() - start) / 1_000_000);
            return result;
        } catch (Neo4jException e) {
            throw new StorageException("Query " + query.fileName() + ".cypher failed: "
                    + e.getMessage().strip().replace('\n', ' '), e);
        } finally {
            projection.ifPresent(this::dropProjection);
        }
    }

    /** Checks that every model is stored; the queries return nothing for an unknown name. */
    public void requireModels(Iterable<String> models) {
        ModelCatalog catalog = new ModelCatalog(store);
        for (String model : models) {
            if (!catalog.exists(model)) {
                throw new StorageException("No model named '" + model + "' is stored in "
                        + store.settings().describe() + "; svr models lists the stored ones");
            }
        }
    }

    private void dropProjection(String name) {
        try (Session session = store.session()) {
            session.executeRead(tx -> tx.run("CALL gds.graph.drop($name, false) YIELD graphName RETURN graphName",
                    Map.of("name", name)).list());
        } catch (Neo4jException e) {
            // The query's own failure, if any, is the one to report.
            LOG.warn("Cannot drop the GDS projection '{}': {}", name, e.getMessage());
        }
    }
}

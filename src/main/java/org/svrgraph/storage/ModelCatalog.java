package org.svrgraph.storage;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lists, deletes and cleans up the models of a graph store. */
public final class ModelCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(ModelCatalog.class);
    /** Relationships or nodes deleted per transaction. */
    private static final int DELETE_BATCH = 20_000;
    /**
     * A staged model on an external server whose load has not written for this long is treated as
     * abandoned. Loads write a batch every few seconds, so an hour leaves a wide margin.
     */
    static final int STALE_MINUTES = 60;

    private final GraphStore store;

    public ModelCatalog(GraphStore store) {
        this.store = store;
    }

    /**
     * Creates the constraints and indexes (idempotent) and removes the staging data of loads that
     * stopped: every staged model in an embedded store, which no other process can be writing to,
     * and those without a heartbeat for {@value #STALE_MINUTES} minutes on an external server.
     */
    public void prepare() {
        try (Session session = store.session()) {
            for (String statement : CypherFile.statements("storage/schema")) {
                session.run(statement).consume();
            }
        } catch (Neo4jException e) {
            throw GraphStore.failure("Creating the graph schema on " + store.settings().describe(), e);
        }
        removeAbandonedStaging(store.embedded());
    }

    /** Deletes abandoned staging data; with {@code all}, every staged model regardless of its heartbeat. */
    public void removeAbandonedStaging(boolean all) {
        List<Record> staged;
        try (Session session = store.session()) {
            staged = session.executeRead(tx -> tx.run(CypherFile.load("storage/list-staged-models"),
                    Map.of("all", all, "staleMinutes", STALE_MINUTES)).list());
        }
        for (Record row : staged) {
            LOG.info("Removing the partial data of an interrupted {} of model '{}'",
                    row.get("retiring").asBoolean() ? "replace or delete" : "load", row.get("name").asString(""));
            deleteStaged(row.get("key").asString());
        }
    }

    /** Returns whether a complete model of this name exists. */
    public boolean exists(String name) {
        try (Session session = store.session()) {
            return session.executeRead(tx -> tx.run(CypherFile.load("storage/model-exists"), Map.of("name", name))
                    .single().get("models").asLong()) > 0;
        }
    }

    /** Returns the complete models, by name. */
    public List<StoredModel> list() {
        try (Session session = store.session()) {
            return session.executeRead(tx -> tx.run(CypherFile.load("storage/list-models")).list(ModelCatalog::toModel));
        } catch (Neo4jException e) {
            throw GraphStore.failure("Listing models on " + store.settings().describe(), e);
        }
    }

    private static StoredModel toModel(Record row) {
        Value loadedAt = row.get("loadedAt");
        return new StoredModel(row.get("name").asString(), row.get("format").asString(null),
                row.get("method").asString(null), row.get("criterion").asString(null),
                row.get("sigmaLevel").asDouble(Double.NaN), row.get("layers").asLong(0), row.get("neurons").asLong(0),
                row.get("edges").asLong(0), row.get("significantEdges").asLong(0), loadedAt.isNull() ? null : loadedAt.asZonedDateTime().toString(),
                row.get("source").asString(null));
    }

    /**
     * Deletes a model: hides it in one transaction, then deletes its relationships and nodes in
     * batches. A delete that is interrupted leaves the model hidden, and the rest is removed at the
     * next start.
     *
     * @throws StorageException when no model has this name
     */
    public void delete(String name) {
        String key = "deleted-" + UUID.randomUUID();
        long models;
        try (Session session = store.session()) {
            models = session.executeWrite(tx -> tx.run(CypherFile.load("storage/retire-model"),
                    Map.of("name", name, "key", key)).single().get("models").asLong());
        } catch (Neo4jException e) {
            throw GraphStore.failure("Deleting model '" + name + "'", e);
        }
        if (models == 0) {
            throw new StorageException("Model '" + name + "' not found on " + store.settings().describe()
                    + "; 'svr models' lists the stored models");
        }
        deleteStaged(key);
    }

    /** Deletes the staged model with this key, its layers, neurons and edges, in batches. */
    void deleteStaged(String key) {
        long start = System.nanoTime();
        long edges = deleteInBatches("storage/delete-staged-edges", key);
        long neurons = deleteInBatches("storage/delete-staged-nodes", key);
        try (Session session = store.session()) {
            session.executeWriteWithoutResult(
                    tx -> tx.run(CypherFile.load("storage/delete-staged-model"), Map.of("key", key)).consume());
        }
        LOG.debug("Deleted staged model {}: {} edges, {} neurons in {} ms", key, edges, neurons,
                (System.nanoTime() - start) / 1_000_000);
    }

    private long deleteInBatches(String query, String key) {
        long total = 0;
        try (Session session = store.session()) {
            while (true) {
                long deleted = session.executeWrite(tx -> tx.run(CypherFile.load(query),
                        Map.of("key", key, "limit", DELETE_BATCH)).single().get("deleted").asLong());
                total += deleted;
                if (deleted < DELETE_BATCH) {
                    return total;
                }
            }
        }
    }
}

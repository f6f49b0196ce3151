package org.svrgraph.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svrgraph.Version;
import org.svrgraph.spectral.LayerPair;
import org.svrgraph.spectral.SpectralLayer;
import org.svrgraph.spectral.SvrResult;

/**
 * Writes one SVR into the graph, atomically per model. Every node is first created under staging
 * labels (StagedModel, StagedLayer, StagedNeuron) that no query for models, layers or spectral
 * neurons matches. Edges join the staged neurons by internal id, in batches of parameterised
 * UNWIND queries. A last transaction relabels the nodes to Model, Layer and SpectralNeuron (and,
 * with replace, hides the old model in that same transaction). A load that fails or is killed
 * before that leaves only staging data, which this writer deletes on failure and
 * {@link ModelCatalog#removeAbandonedStaging} deletes at the next start.
 *
 * <p>Several writers may run at once on one store, for different models.
 */
public final class ModelWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ModelWriter.class);

    private final GraphStore store;
    private final WriteListener listener;

    public ModelWriter(GraphStore store, WriteListener listener) {
        this.store = store;
        this.listener = listener;
    }

    /**
     * Writes the model and publishes it.
     *
     * @throws StorageException when the name exists and replace is off, or the database fails. In
     *     both cases no part of the new model is visible, and an old model of that name is unchanged.
     */
    public LoadSummary write(ModelDescription model, SvrResult result, LoadOptions options) {
        ModelCatalog catalog = new ModelCatalog(store);
        if (!options.replace() && catalog.exists(model.name())) {
            throw existsFailure(model.name());
        }
        String key = "load-" + UUID.randomUUID();
        Map<String, Double> stages = new LinkedHashMap<>();
        boolean published = false;
        try (Session session = store.session()) {
            long start = System.nanoTime();
            List<boolean[]> selections = selectEdges(result, options.storeTop());
            long edgeTotal = 0;
            long significantTotal = 0;
            for (int l = 0; l < selections.size(); l++) {
                edgeTotal += EdgeSelection.count(selections.get(l));
                significantTotal += result.pairs().get(l).significantCount();
            }
            stages.put("select", seconds(start));

            start = System.nanoTime();
            long[] layerIds = writeModelAndLayers(session, key, model, result, options, edgeTotal);
            long[][] neuronIds = writeNeurons(session, model.name(), result, layerIds, options.batchSize());
            stages.put("nodes", seconds(start));

            start = System.nanoTime();
            new ParallelEdgeWriter(store, key, options.batchSize(), options.writers())
                    .writeAll(result.pairs(), selections, neuronIds, new EdgeProgress(listener, edgeTotal));
            stages.put("edges", seconds(start));

            start = System.nanoTime();
            String retiredKey = publish(session, key, model.name(), options.replace());
            published = true;
            stages.put("publish", seconds(start));

            if (retiredKey != null) {
                start = System.nanoTime();
                catalog.deleteStaged(retiredKey);
                stages.put("delete old", seconds(start));
            }
            LoadSummary summary = new LoadSummary(model.name(), result.layers().size(), result.neuronCount(),
                    edgeTotal, significantTotal, retiredKey != null, stages);
            LOG.info("Stored model '{}': {} layers, {} spectral neurons, {} edges ({} significant)", model.name(),
                    summary.layers(), summary.neurons(), summary.edges(), summary.significantEdges());
            return summary;
        } catch (Neo4jException e) {
            throw GraphStore.failure("Writing model '" + model.name() + "' to " + store.settings().describe(), e);
        } finally {
            if (!published) {
                removeStagingQuietly(catalog, key, model.name());
            }
        }
    }

    private static List<boolean[]> selectEdges(SvrResult result, int storeTop) {
        List<boolean[]> selections = new ArrayList<>();
        for (LayerPair pair : result.pairs()) {
            selections.add(EdgeSelection.select(pair, storeTop));
        }
        return selections;
    }

    private long[] writeModelAndLayers(Session session, String key, ModelDescription model, SvrResult result,
            LoadOptions options, long edgeTotal) {
        Map<String, Object> properties = GraphProperties.model(model, result, options, edgeTotal, Version.get());
        properties.put("stagingKey", key);
        List<Map<String, Object>> layers = new ArrayList<>();
        for (SpectralLayer layer : result.layers()) {
            layers.add(GraphProperties.layer(model.name(), layer));
        }
        return session.executeWrite(tx -> {
            tx.run(CypherFile.load("storage/create-staged-model"), Map.of("properties", properties)).consume();
            long[] ids = new long[layers.size()];
            for (Record row : tx.run(CypherFile.load("storage/create-layers"), Map.of("key", key, "layers", layers))
                    .list()) {
                ids[row.get("index").asInt()] = row.get("id").asLong();
            }
            List<Map<String, Object>> links = new ArrayList<>();
            for (LayerPair pair : result.pairs()) {
                links.add(Map.of("from", ids[pair.index()], "to", ids[pair.index() + 1],
                        "properties", GraphProperties.next(pair)));
            }
            tx.run(CypherFile.load("storage/create-next-links"), Map.of("links", links)).consume();
            return ids;
        });
    }

    /** Creates the staged neurons of all layers in batches that may span layers; returns their ids per layer. */
    private static long[][] writeNeurons(Session session, String modelName, SvrResult result, long[] layerIds,
            int batchSize) {
        long[][] ids = new long[result.layers().size()][];
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int l = 0; l < ids.length; l++) {
            SpectralLayer layer = result.layers().get(l);
            double[] intensity = result.intensities().get(l);
            ids[l] = new long[layer.rank()];
            for (int j = 0; j < layer.rank(); j++) {
                batch.add(Map.of("layerId", layerIds[l], "properties",
                        GraphProperties.neuron(modelName, layer, j, intensity[j], result.nearKernel(l, j))));
                if (batch.size() == batchSize) {
                    writeNeuronBatch(session, batch, ids);
                }
            }
        }
        writeNeuronBatch(session, batch, ids);
        return ids;
    }

    private static void writeNeuronBatch(Session session, List<Map<String, Object>> batch, long[][] ids) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, Object> parameters = Map.of("neurons", List.copyOf(batch));
        List<Record> rows = session.executeWrite(tx -> tx.run(CypherFile.load("storage/create-neurons"), parameters)
                .list());
        for (Record row : rows) {
            ids[row.get("layer").asInt()][row.get("index").asInt()] = row.get("id").asLong();
        }
        batch.clear();
    }

    /** Publishes the staged model; returns the staging key the replaced model was retired under, or null. */
    private static String publish(Session session, String key, String name, boolean replace) {
        String retiredKey = replace ? "retired-" + UUID.randomUUID() : null;
        try {
            long retired = session.executeWrite(tx -> {
                long models = 0;
                if (replace) {
                    models = tx.run(CypherFile.load("storage/retire-model"), Map.of("name", name, "key", retiredKey))
                            .single().get("models").asLong();
                }
                tx.run(CypherFile.load("storage/publish-model"), Map.of("key", key)).consume();
                return models;
            });
            return retired > 0 ? retiredKey : null;
        } catch (ClientException e) {
            if (e.code() != null && e.code().contains("ConstraintValidationFailed")) {
                throw existsFailure(name);
            }
            throw e;
        }
    }

    private static StorageException existsFailure(String name) {
        return new StorageException("Model '" + name + "' already exists; use --replace to replace it or"
                + " 'svr delete' to remove it");
    }

    private static void removeStagingQuietly(ModelCatalog catalog, String key, String name) {
        try {
            catalog.deleteStaged(key);
        } catch (RuntimeException e) {
            LOG.warn("Could not remove the partial data of model '{}' ({}); it stays hidden and is removed at the"
                    + " next start", name, e.getMessage());
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}

package org.svrgraph.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.Neo4jException;
import org.svrgraph.spectral.Precision;
import org.svrgraph.spectral.SignificanceCriterion;
import org.svrgraph.spectral.SvrMethod;
import org.svrgraph.spectral.SvrOptions;
import org.svrgraph.storage.CypherFile;
import org.svrgraph.storage.GraphStore;
import org.svrgraph.storage.StorageException;

/**
 * Reads the figure data of a model stored in Neo4j: its settings, its spectral neurons and its
 * significant edges, with the queries in {@code cypher/figure-*.cypher}. The three queries run in
 * one read transaction, so a model replaced or deleted meanwhile is read either whole or not at all.
 */
public final class StoredFigures {

    private StoredFigures() {
    }

    /**
     * Returns the figure data of the complete model named {@code name}, or empty when the store
     * contains no such model.
     *
     * @throws StorageException when the query fails or the stored model is inconsistent
     */
    public static Optional<FigureData> read(GraphStore store, String name) {
        try (Session session = store.session()) {
            return session.executeRead(tx -> read(tx, name));
        } catch (Neo4jException e) {
            throw GraphStore.failure("Reading model '" + name + "' from " + store.settings().describe(), e);
        }
    }

    private static Optional<FigureData> read(TransactionContext tx, String name) {
        Map<String, Object> parameters = Map.of("model", name);
        List<Record> models = tx.run(CypherFile.load("figure-model"), parameters).list();
        if (models.isEmpty()) {
            return Optional.empty();
        }
        SvrOptions options = options(models.get(0), name);

        List<FigureLayer> layers = new ArrayList<>();
        for (Record row : tx.run(CypherFile.load("figure-layers"), parameters).list()) {
            if (row.get("index").asInt() != layers.size()) {
                throw inconsistent(name, "its layer indexes skip from " + (layers.size() - 1) + " to "
                        + row.get("index").asInt());
            }
            layers.add(layer(row, name));
        }
        int pairCount = Math.max(0, layers.size() - 1);

        List<EdgeColumns> columns = new ArrayList<>();
        for (int l = 0; l < pairCount; l++) {
            columns.add(new EdgeColumns());
        }
        tx.run(CypherFile.load("figure-edges"), parameters).forEachRemaining(row -> {
            int pair = row.get("pair").asInt();
            int next = row.get("i").asInt();
            int previous = row.get("j").asInt();
            if (pair < 0 || pair >= pairCount || previous >= layers.get(pair).rank()
                    || next >= layers.get(pair + 1).rank()) {
                throw inconsistent(name, "an edge (" + next + ", " + previous + ") of layer pair " + pair
                        + " lies outside its " + layers.size() + " layers");
            }
            columns.get(pair).add(next, previous, row.get("coefficient").asDouble(), row.get("ratio").asDouble(),
                    row.get("pValue").asDouble(Double.NaN));
        });

        List<FigureEdges> edges = new ArrayList<>();
        for (int l = 0; l < pairCount; l++) {
            edges.add(columns.get(l).toEdges(l));
        }
        return Optional.of(new FigureData(models.get(0).get("name").asString(), options, layers, edges));
    }

    /** Returns the SVR settings stored on the Model node. A setting missing there takes the engine's default. */
    private static SvrOptions options(Record model, String name) {
        SvrOptions defaults = SvrOptions.DEFAULTS;
        try {
            return new SvrOptions(
                    SvrMethod.valueOf(model.get("method").asString(defaults.method().label())
                            .toUpperCase(Locale.ROOT)),
                    model.get("sigmaLevel").asDouble(defaults.sigmaLevel()),
                    SignificanceCriterion.fromLabel(model.get("criterion").asString(defaults.criterion().label())),
                    model.get("fdrLevel").asDouble(defaults.fdrLevel()),
                    model.get("topK").asInt(defaults.topK()),
                    Precision.valueOf(model.get("precision").asString(defaults.precision().name())
                            .toUpperCase(Locale.ROOT)),
                    model.get("foldBatchNorm").asBoolean(defaults.foldBatchNorm()),
                    model.get("nearKernelThreshold").asDouble(defaults.nearKernelThreshold()));
        } catch (IllegalArgumentException e) {
            throw inconsistent(name, "its SVR settings do not parse: " + e.getMessage());
        }
    }

    private static FigureLayer layer(Record row, String name) {
        int index = row.get("index").asInt();
        List<Integer> neuronIndex = row.get("neuronIndex").asList(Value::asInt);
        for (int j = 0; j < neuronIndex.size(); j++) {
            if (neuronIndex.get(j) != j) {
                throw inconsistent(name, "layer " + index + " has spectral neurons " + neuronIndex
                        + ", not 0 to " + (neuronIndex.size() - 1));
            }
        }
        double[] sigma = row.get("sigma").asList(Value::asDouble).stream().mapToDouble(Double::doubleValue).toArray();
        double[] intensity = row.get("intensity").asList(v -> v.asDouble(0)).stream()
                .mapToDouble(Double::doubleValue).toArray();
        List<Boolean> flags = row.get("nearKernel").asList(v -> v.asBoolean(false));
        boolean[] nearKernel = new boolean[flags.size()];
        for (int j = 0; j < nearKernel.length; j++) {
            nearKernel[j] = flags.get(j);
        }
        return new FigureLayer(row.get("name").asString(), row.get("kind").asString(), sigma, intensity, nearKernel);
    }

    private static StorageException inconsistent(String name, String problem) {
        return new StorageException("Stored model '" + name + "' is inconsistent: " + problem
                + "; reload it with 'svr load --replace'");
    }

    /** The edges of one layer pair as growing parallel arrays. */
    private static final class EdgeColumns {
        private int size;
        private int[] next = new int[16];
        private int[] previous = new int[16];
        private double[] coefficient = new double[16];
        private double[] ratio = new double[16];
        private double[] pValue = new double[16];

        void add(int i, int j, double a, double r, double p) {
            if (size == next.length) {
                int capacity = 2 * size;
                next = Arrays.copyOf(next, capacity);
                previous = Arrays.copyOf(previous, capacity);
                coefficient = Arrays.copyOf(coefficient, capacity);
                ratio = Arrays.copyOf(ratio, capacity);
                pValue = Arrays.copyOf(pValue, capacity);
            }
            next[size] = i;
            previous[size] = j;
            coefficient[size] = a;
            ratio[size] = r;
            pValue[size] = p;
            size++;
        }

        FigureEdges toEdges(int pair) {
            return new FigureEdges(pair, Arrays.copyOf(next, size), Arrays.copyOf(previous, size),
                    Arrays.copyOf(coefficient, size), Arrays.copyOf(ratio, size), Arrays.copyOf(pValue, size), size);
        }
    }
}

package org.svrgraph.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svrgraph.spectral.SvrResult;

/**
 * Write throughput of a synthetic SVR with about one million significant edges into a fresh
 * embedded store. Not part of the default test run (the class name does not end in Test); run it
 * with {@code mvn -o -q -B test -Dtest=StorageBenchmark} and read the numbers from
 * target/surefire-reports/org.svrgraph.storage.StorageBenchmark-output.txt.
 */
class StorageBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(StorageBenchmark.class);

    @TempDir
    Path dataDirectory;

    @Test
    void writeOneMillionEdges() {
        int layers = Integer.getInteger("bench.layers", 20);
        int width = Integer.getInteger("bench.width", 1000);
        // Tail probability 1 - Phi(1.62) = 0.0526: about 1M of the 19M coefficients pass.
        SvrResult result = TestModels.synthetic(layers, width, 1.62, 42);
        long expected = result.significantEdgeCount();
        try (GraphStore store = GraphStore.open(DatabaseSettings.embedded(dataDirectory))) {
            new ModelCatalog(store).prepare();
            ModelDescription model = new ModelDescription("bench", "synthetic", null, "synthetic", 0);
            int batch = Integer.getInteger("bench.batch", LoadOptions.DEFAULT_BATCH_SIZE);
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            LoadSummary summary = new ModelWriter(store, WriteListener.NONE).write(model, result,
                    LoadOptions.DEFAULTS.withBatchSize(batch).withWriters(Integer.getInteger("bench.writers", LoadOptions.DEFAULT_WRITERS)));
            double total = (System.nanoTime() - start) / 1e9;
            // Client and server share this process, so its CPU time covers both ends of Bolt.
            double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
            double load = os.getSystemLoadAverage();
            LOG.info(String.format(Locale.ROOT, "BENCH layers=%d width=%d neurons=%d edges=%d batch=%d stages=%s"
                    + " total=%.1f s edge rate=%.0f rel/s overall rate=%.0f rel/s process cpu=%.1f s (%.0f rel per cpu-s)"
                    + " load average=%.1f", layers, width, summary.neurons(), summary.edges(), batch,
                    summary.stageSeconds(), total, summary.edgesPerSecond(), summary.edges() / total, cpu,
                    summary.edges() / cpu, load));
            try (Session session = store.session()) {
                long stored = session.run("MATCH (:SpectralNeuron {model: 'bench'})-[e:SVR_EDGE]->() RETURN count(e)")
                        .single().get(0).asLong();
                assertEquals(expected, stored);
            }
            start = System.nanoTime();
            new ModelCatalog(store).delete("bench");
            LOG.info(String.format(Locale.ROOT, "BENCH delete=%.1f s", (System.nanoTime() - start) / 1e9));
        }
    }
}

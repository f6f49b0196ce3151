package org.svrgraph.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

/**
 * Kills (SIGKILL) a process in the middle of a load and checks that the model never becomes
 * visible and that the next open removes what the killed load had written.
 */
class KilledLoadTest {

    @TempDir
    Path dataDirectory;

    @Test
    void killedLoadLeavesNoModel() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("--add-opens") || argument.startsWith("--enable-native"))
                .toList());
        command.add("-Xmx1g");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(KillableLoad.class.getName());
        command.add(dataDirectory.toString());
        Process load = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long committedEdges = 0;
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(load.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.startsWith("BATCH")) {
                    committedEdges = Long.parseLong(line.substring("BATCH ".length()));
                    break;
                }
            }
        } finally {
            load.destroyForcibly();
            assertTrue(load.waitFor(60, TimeUnit.SECONDS), "the killed load process should exit");
        }
        assertTrue(committedEdges > 0, "the load should have committed a batch before it was killed");

        try (GraphStore store = GraphStore.open(DatabaseSettings.embedded(dataDirectory))) {
            try (Session session = store.session()) {
                // Before clean-up: the committed batch is there, hidden under staging labels.
                assertEquals(0, session.run("MATCH (m:Model) RETURN count(m)").single().get(0).asLong());
                assertEquals(0, session.run("MATCH (n:SpectralNeuron) RETURN count(n)").single().get(0).asLong());
                assertTrue(session.run("MATCH (:StagedNeuron)-[e:SVR_EDGE]->() RETURN count(e)").single().get(0)
                        .asLong() >= committedEdges);
            }
            new ModelCatalog(store).prepare();
            try (Session session = store.session()) {
                assertEquals(0, session.run("MATCH (n) RETURN count(n)").single().get(0).asLong());
                assertEquals(0, session.run("MATCH ()-[e]->() RETURN count(e)").single().get(0).asLong());
            }
        }
    }
}

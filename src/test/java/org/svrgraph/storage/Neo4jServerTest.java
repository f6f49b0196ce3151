package org.svrgraph.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.svrgraph.spectral.LayerPair;
import org.svrgraph.spectral.SvrResult;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * Load, query and a GDS call against the Neo4j server image that docker/docker-compose.yml runs,
 * through the external-server path (--uri). Skipped where no Docker engine is available.
 */
@Testcontainers(disabledWithoutDocker = true)
class Neo4jServerTest {

    private static final String PASSWORD = "svr-graph-test";

    @Container
    private static final Neo4jContainer SERVER = new Neo4jContainer("neo4j:2026.01")
            .withAdminPassword(PASSWORD)
            .withPlugins("graph-data-science")
            .withNeo4jConfig("dbms.security.procedures.unrestricted", "gds.*");

    @Test
    void loadQueryAndGdsOnServer() {
        DatabaseSettings settings = new DatabaseSettings(SERVER.getBoltUrl(), "neo4j", PASSWORD, null, null);
        SvrResult result = TestModels.svr(31);
        long significant = 0;
        for (LayerPair pair : result.pairs()) {
            for (double a : pair.adjacency().data()) {
                significant += a >= pair.significance().chiSquareThreshold() ? 1 : 0;
            }
        }
        try (GraphStore store = GraphStore.open(settings)) {
            assertFalse(store.embedded());
            new ModelCatalog(store).prepare();
            new ModelWriter(store, WriteListener.NONE).write(
                    TestModels.description("server's model", TestModels.chain(31)), result, LoadOptions.DEFAULTS);
            try (Session session = store.session()) {
                long edges = session.executeRead(tx -> tx.run("MATCH (:SpectralNeuron {model: $name})-[e:SVR_EDGE]->()"
                        + " RETURN count(e)", Map.of("name", "server's model")).single().get(0).asLong());
                assertEquals(significant, edges);
                assertTrue(store.hasGds());
                String version = session.run("RETURN gds.version() AS version").single().get(0).asString();
                assertFalse(version.isBlank());
            }
            new ModelCatalog(store).delete("server's model");
            assertFalse(new ModelCatalog(store).exists("server's model"));
        }
    }
}

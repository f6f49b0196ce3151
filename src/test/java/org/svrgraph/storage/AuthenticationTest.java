package org.svrgraph.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

/** The external-server path against an embedded DBMS with authentication on, as {@code svr serve --auth} runs it. */
class AuthenticationTest {

    @TempDir
    Path dataDirectory;

    @Test
    void passwordIsChecked() {
        String password = "correct-horse-1";
        try (EmbeddedNeo4j server = EmbeddedNeo4j.start(dataDirectory,
                new EmbeddedNeo4j.Listen("127.0.0.1", 0, -1, password))) {
            String uri = server.boltUri();

            StorageException wrong = assertThrows(StorageException.class,
                    () -> GraphStore.open(new DatabaseSettings(uri, "neo4j", "wrong-password", null, null)).close());
            assertTrue(wrong.getMessage().contains("wrong user name or password"), wrong.getMessage());

            StorageException none = assertThrows(StorageException.class,
                    () -> GraphStore.open(new DatabaseSettings(uri, "neo4j", null, null, null)).close());
            assertTrue(none.getMessage().contains("wrong user name or password"), none.getMessage());

            try (GraphStore store = GraphStore.open(new DatabaseSettings(uri, "neo4j", password, null, null));
                    Session session = store.session()) {
                assertEquals(2, session.run("RETURN 1 + 1 AS two").single().get("two").asInt());
                assertTrue(store.hasGds());
            }
        }
    }
}

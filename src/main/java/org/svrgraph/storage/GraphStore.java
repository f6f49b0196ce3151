package org.svrgraph.storage;

import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.SecurityException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to the graph: the Java driver over Bolt, either to an external server or to an
 * embedded DBMS this object started and stops on {@link #close()}. Every read and write of the
 * project goes through {@link #session()}, so both modes run the same code.
 */
public final class GraphStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GraphStore.class);

    private final Driver driver;
    private final EmbeddedNeo4j embedded;
    private final DatabaseSettings settings;

    private GraphStore(Driver driver, EmbeddedNeo4j embedded, DatabaseSettings settings) {
        this.driver = driver;
        this.embedded = embedded;
        this.settings = settings;
    }

    /**
     * Connects to the database the settings name, starting the embedded DBMS when no URI is given.
     * The embedded DBMS listens on a free port of 127.0.0.1 without authentication.
     *
     * @throws StorageException when the server is unreachable, rejects the credentials, or the data
     *     directory is locked by another process
     */
    public static GraphStore open(DatabaseSettings settings) {
        if (settings.external()) {
            return connect(settings, authToken(settings), null);
        }
        EmbeddedNeo4j embedded = EmbeddedNeo4j.start(settings.dataDirectory(), EmbeddedNeo4j.Listen.LOOPBACK_BOLT);
        return attach(embedded, settings);
    }

    /**
     * Connects to an embedded DBMS that the caller started, with the settings' password when it has
     * one; closing the store stops the DBMS too.
     */
    public static GraphStore attach(EmbeddedNeo4j embedded, DatabaseSettings settings) {
        try {
            return connect(settings, authToken(settings), embedded);
        } catch (RuntimeException e) {
            embedded.close();
            throw e;
        }
    }

    private static AuthToken authToken(DatabaseSettings settings) {
        return settings.password() != null ? AuthTokens.basic(settings.username(), settings.password())
                : AuthTokens.none();
    }

    private static GraphStore connect(DatabaseSettings settings, AuthToken auth, EmbeddedNeo4j embedded) {
        String uri = embedded != null ? embedded.boltUri() : settings.uri();
        Config config = Config.builder().withLogging(Logging.slf4j())
                .withConnectionTimeout(30, TimeUnit.SECONDS).build();
        Driver driver;
        try {
            driver = GraphDatabase.driver(uri, auth, config);
        } catch (IllegalArgumentException e) {
            throw new StorageException("Invalid Neo4j URI '" + uri + "': " + e.getMessage()
                    + "; expected for example bolt://localhost:7687 or neo4j+s://xxxx.databases.neo4j.io", e);
        }
        try {
            driver.verifyConnectivity();
        } catch (AuthenticationException e) {
            driver.close();
            throw new StorageException("Neo4j at " + uri + " rejected user '" + settings.username()
                    + "': wrong user name or password (set --user or $NEO4J_USERNAME, and $NEO4J_PASSWORD)", e);
        } catch (SecurityException e) {
            driver.close();
            throw new StorageException("Neo4j at " + uri + " refused the connection: " + e.getMessage(), e);
        } catch (ServiceUnavailableException e) {
            driver.close();
            throw new StorageException("Cannot reach Neo4j at " + uri + ": " + e.getMessage()
                    + "; check that the server runs and the URI is right", e);
        } catch (RuntimeException e) {
            driver.close();
            throw new StorageException("Cannot connect to Neo4j at " + uri + ": " + e.getMessage(), e);
        }
        LOG.debug("Connected to {}", settings.describe());
        return new GraphStore(driver, embedded, settings);
    }

    /** Opens a session on the configured database; close it after use. */
    public Session session() {
        SessionConfig.Builder config = SessionConfig.builder();
        if (settings.database() != null) {
            config.withDatabase(settings.database());
        }
        return driver.session(config.build());
    }

    /** Returns whether this store runs an embedded DBMS (no other process can write to it). */
    public boolean embedded() {
        return embedded != null;
    }

    /** Returns the settings this store was opened with. */
    public DatabaseSettings settings() {
        return settings;
    }

    /** Returns the embedded DBMS, or null for an external server. */
    public EmbeddedNeo4j embeddedDbms() {
        return embedded;
    }

    /** Returns whether the Graph Data Science library is installed (the function gds.version exists). */
    public boolean hasGds() {
        try (Session session = session()) {
            return session.executeRead(tx -> tx.run("SHOW FUNCTIONS YIELD name WHERE name = 'gds.version' RETURN count(*) AS n")
                    .single().get("n").asLong()) > 0;
        } catch (ClientException e) {
            LOG.debug("SHOW FUNCTIONS failed: {}", e.getMessage());
            return false;
        }
    }

    /** Throws a one-line error when GDS is missing, naming what to install. */
    public void requireGds() {
        if (!hasGds()) {
            throw new StorageException("The Graph Data Science library is not installed on " + settings.describe()
                    + "; install the GDS plugin (NEO4J_PLUGINS='[\"graph-data-science\"]' in Docker) or use the"
                    + " embedded database");
        }
    }

    /** Turns a driver failure into a one-line message naming what was being done. */
    public static StorageException failure(String action, Neo4jException e) {
        return new StorageException(action + " failed: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}

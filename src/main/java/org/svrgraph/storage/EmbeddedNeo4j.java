package org.svrgraph.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.server.configuration.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Neo4j DBMS running inside this JVM on a data directory, with Bolt (and optionally HTTP with
 * Neo4j Browser) listening on one interface and the GDS procedures registered. Everything else
 * talks to it over Bolt with the Java driver, exactly as to an external server.
 *
 * <p>Close it in a finally block: its threads are not daemons, so a JVM whose DBMS was never shut
 * down does not exit. A shutdown hook closes it on Ctrl-C as well.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    /**
     * Page cache size. Without this setting Neo4j 2026.01 took about 12 GB off-heap on a 24 GB
     * machine. SVR graphs are small (VGG16 has about 13,400 spectral neurons), so 512 MiB is plenty.
     */
    static final long PAGE_CACHE_BYTES = ByteUnit.mebiBytes(512);

    /**
     * Memory all transactions together may hold on the heap. Load batches need a few MB; the cap turns
     * a runaway query into an error instead of an OutOfMemoryError that takes the DBMS down.
     */
    static final long TRANSACTION_MEMORY_BYTES = ByteUnit.gibiBytes(2);

    private final DatabaseManagementService dbms;
    private final GraphDatabaseService database;
    private final HostnamePort boltAddress;
    private final HostnamePort httpAddress;
    private final Thread shutdownHook;
    private boolean closed;

    /**
     * Network interface, ports and authentication of the embedded DBMS.
     *
     * @param host interface for Bolt and HTTP, such as 127.0.0.1
     * @param boltPort Bolt port, 0 for any free port
     * @param httpPort HTTP port (serves Neo4j Browser at /browser/), 0 for any free port, -1 for no HTTP
     * @param authPassword password of the neo4j user with authentication on, or null for authentication off
     */
    public record Listen(String host, int boltPort, int httpPort, String authPassword) {
        /** Bolt on a free port of 127.0.0.1, no HTTP, no authentication: what every CLI command but serve uses. */
        public static final Listen LOOPBACK_BOLT = new Listen("127.0.0.1", 0, -1, null);
    }

    private EmbeddedNeo4j(DatabaseManagementService dbms, Listen listen) {
        this.dbms = dbms;
        this.database = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        this.shutdownHook = new Thread(this::shutdownQuietly, "svr-neo4j-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        ConnectorPortRegister ports = ((GraphDatabaseAPI) database).getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class);
        this.boltAddress = ports.getLocalAddress(ConnectorType.BOLT);
        this.httpAddress = listen.httpPort() >= 0 ? ports.getLocalAddress(ConnectorType.HTTP) : null;
    }

    /**
     * Starts the DBMS on {@code home} (created if missing) and registers GDS before returning, so
     * that no client sees a Bolt address whose GDS procedures are not there yet.
     *
     * @throws StorageException when another process holds the store lock, or the DBMS fails to start
     */
    public static EmbeddedNeo4j start(Path home, Listen listen) {
        long start = System.nanoTime();
        DatabaseManagementService dbms = build(home, listen);
        EmbeddedNeo4j embedded;
        try {
            embedded = new EmbeddedNeo4j(dbms, listen);
            if (listen.authPassword() != null) {
                embedded.setInitialPassword(listen.authPassword());
            }
            GlobalProcedures procedures = ((GraphDatabaseAPI) embedded.database).getDependencyResolver()
                    .resolveDependency(GlobalProcedures.class);
            GdsProcedures.register(procedures);
        } catch (RuntimeException e) {
            dbms.shutdown();
            throw e;
        }
        LOG.info("Started embedded Neo4j in {} ({} ms), Bolt on {}", home, (System.nanoTime() - start) / 1_000_000,
                embedded.boltAddress);
        return embedded;
    }

    private static DatabaseManagementService build(Path home, Listen listen) {
        try {
            Files.createDirectories(home);
        } catch (java.io.IOException e) {
            throw new StorageException("Cannot create the data directory " + home + ": " + e.getMessage(), e);
        }
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.pagecache_memory, PAGE_CACHE_BYTES)
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, TRANSACTION_MEMORY_BYTES)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(ServerSettings.allow_telemetry, false)
                .setConfig(BoltConnector.server_bolt_telemetry_enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, listen.authPassword() != null)
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*"))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ZERO)
                // Netty's default quiet period made every stop take about 10 s with Bolt on (Neo4j 2026.01).
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(listen.host(), listen.boltPort()))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(listen.host(), listen.boltPort()))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, listen.httpPort() >= 0);
        if (listen.httpPort() >= 0) {
            builder.setConfig(HttpConnector.listen_address, new SocketAddress(listen.host(), listen.httpPort()))
                    .setConfig(HttpConnector.advertised_address, new SocketAddress(listen.host(), listen.httpPort()));
        }
        try {
            return builder.build();
        } catch (RuntimeException e) {
            if (causedByStoreLock(e)) {
                throw new StorageException("The data directory " + home + " is in use by another process (store lock"
                        + " held); wait for the other svr command, give svr serve's Bolt URI with --uri, or choose"
                        + " another --data-dir", e);
            }
            throw new StorageException("Embedded Neo4j failed to start in " + home + ": " + rootMessage(e), e);
        }
    }

    /** Returns whether the failure comes from the store lock another process holds. */
    static boolean causedByStoreLock(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("FileLockException")) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && message.contains("locked by another process")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }

    /** Sets the password of the neo4j user (authentication on), replacing any earlier one. */
    private void setInitialPassword(String password) {
        dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", java.util.Map.of("password", password));
    }

    /** Bolt URI for the driver, such as bolt://127.0.0.1:41234. */
    public String boltUri() {
        return "bolt://" + boltAddress.getHost() + ":" + boltAddress.getPort();
    }

    /** Neo4j Browser URL, or null when HTTP is off. */
    public String browserUrl() {
        return httpAddress == null ? null : "http://" + httpAddress.getHost() + ":" + httpAddress.getPort() + "/browser/";
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook runs this method itself.
        }
        long start = System.nanoTime();
        dbms.shutdown();
        LOG.debug("Stopped embedded Neo4j ({} ms)", (System.nanoTime() - start) / 1_000_000);
    }

    private void shutdownQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            LOG.warn("Embedded Neo4j did not shut down cleanly: {}", e.toString());
        }
    }
}

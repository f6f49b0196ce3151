package org.svrgraph.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.svrgraph.storage.DatabaseSettings;
import org.svrgraph.storage.EmbeddedNeo4j;
import org.svrgraph.storage.GraphStore;
import org.svrgraph.storage.ModelCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code svr serve}: runs the embedded database with Bolt and Neo4j Browser until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the embedded database with Bolt and HTTP (Neo4j Browser at /browser/) and run until"
                + " Ctrl-C. Other svr commands cannot open the same data directory meanwhile; point them at the"
                + " printed Bolt URI with --uri instead.")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory of the embedded database (default: as for the other commands).")
    java.nio.file.Path dataDirectory;

    @Option(names = "--listen-address", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Interface for Bolt and HTTP. Anything but a loopback address needs --auth. Default:"
                    + " 127.0.0.1.")
    String host;

    @Option(names = "--bolt-port", paramLabel = "PORT", defaultValue = "7687",
            description = "Bolt port, 0 for any free port. Default: 7687.")
    int boltPort;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "7474",
            description = "HTTP port of Neo4j Browser, 0 for any free port. Default: 7474.")
    int httpPort;

    @Option(names = "--auth", description = "Turn authentication on: user neo4j, password from $NEO4J_PASSWORD"
            + " (at least 8 characters).")
    boolean auth;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        String password = auth ? System.getenv("NEO4J_PASSWORD") : null;
        checkListenAddress(password);
        java.nio.file.Path directory = dataDirectory != null ? dataDirectory
                : DatabaseSettings.defaultDataDirectory(System.getenv());
        EmbeddedNeo4j embedded = EmbeddedNeo4j.start(directory,
                new EmbeddedNeo4j.Listen(host, boltPort, httpPort, password));
        DatabaseSettings settings = new DatabaseSettings(null, "neo4j", password, null, directory);
        GraphStore store = GraphStore.attach(embedded, settings);
        try {
            new ModelCatalog(store).prepare();
            PrintWriter out = spec.commandLine().getOut();
            out.println("Neo4j Browser: " + embedded.browserUrl());
            out.println("Bolt:          " + embedded.boltUri() + (auth ? " (user neo4j, password from $NEO4J_PASSWORD)"
                    : " (no authentication)"));
            out.println("Data:          " + directory);
            out.println("Other svr commands: svr query --uri " + embedded.boltUri() + " ...");
            out.println("Press Ctrl-C to stop.");
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                out.println("Stopping the database in " + directory);
                out.flush();
            }));
            // The DBMS's shutdown hook stops it on Ctrl-C; until then this thread only waits.
            new CountDownLatch(1).await();
        } finally {
            store.close();
        }
        return 0;
    }

    private void checkListenAddress(String password) {
        if (auth && (password == null || password.length() < 8)) {
            throw new UserException("--auth needs the password in $NEO4J_PASSWORD, at least 8 characters long");
        }
        boolean loopback;
        try {
            loopback = InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new UserException("Invalid --listen-address '" + host + "': unknown host");
        }
        if (!loopback && !auth) {
            throw new UserException("Listening on " + host + " exposes the database to the network; add --auth and set"
                    + " $NEO4J_PASSWORD, or keep the default 127.0.0.1");
        }
    }
}

package org.svrgraph.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.svrgraph.storage.DatabaseSettings;
import picocli.CommandLine.Option;

/**
 * Options shared by every command that opens the database. Without --uri (or NEO4J_URI) the
 * command runs an embedded Neo4j on the data directory.
 */
public final class DatabaseOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory of the embedded database (default: $SVR_DATA_DIR, else"
                    + " $XDG_DATA_HOME/svr-graph/neo4j, else ~/.local/share/svr-graph/neo4j).")
    Path dataDirectory;

    @Option(names = "--uri", paramLabel = "URI",
            description = "Use this Neo4j server instead of the embedded database, such as bolt://localhost:7687 or"
                    + " neo4j+s://xxxx.databases.neo4j.io (default: $NEO4J_URI). The password is read from"
                    + " $NEO4J_PASSWORD.")
    String uri;

    @Option(names = "--user", paramLabel = "NAME",
            description = "User name on the server (default: $NEO4J_USERNAME, else neo4j).")
    String user;

    @Option(names = "--database", paramLabel = "NAME",
            description = "Database on the server (default: $NEO4J_DATABASE, else the server's default database).")
    String database;

    /** Resolves the options against the process environment. */
    public DatabaseSettings settings() {
        return settings(System.getenv());
    }

    /**
     * Resolves the options for a command that only reads or deletes: an embedded data directory must
     * exist already, so that a mistyped --data-dir reports the mistake instead of creating an empty
     * database.
     */
    public DatabaseSettings existingSettings() {
        DatabaseSettings settings = settings();
        if (!settings.external() && !Files.isDirectory(settings.dataDirectory())) {
            throw new UserException("No database at " + settings.dataDirectory() + ": nothing has been loaded there."
                    + " Load a model with svr load, or give the right --data-dir or --uri.");
        }
        return settings;
    }

    /** Resolves the options against the given environment: options first, then environment variables. */
    DatabaseSettings settings(Map<String, String> environment) {
        String resolvedUri = firstNonBlank(uri, environment.get("NEO4J_URI"));
        Path directory = dataDirectory != null ? dataDirectory : DatabaseSettings.defaultDataDirectory(environment);
        if (resolvedUri == null) {
            return new DatabaseSettings(null, null, null, null, directory);
        }
        return new DatabaseSettings(resolvedUri, firstNonBlank(user, environment.get("NEO4J_USERNAME")),
                environment.get("NEO4J_PASSWORD"), firstNonBlank(database, environment.get("NEO4J_DATABASE")),
                directory);
    }

    private static String firstNonBlank(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second != null && !second.isBlank() ? second : null;
    }
}

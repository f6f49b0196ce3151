package org.svrgraph.storage;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Location of the graph: an embedded DBMS in a data directory (when {@code uri} is null) or an
 * external Neo4j server reached over Bolt.
 *
 * @param uri Bolt or neo4j URI of an external server, or null for the embedded DBMS
 * @param username user name for an external server
 * @param password password for an external server, or null
 * @param database database name, or null for the server's default database
 * @param dataDirectory home directory of the embedded DBMS; unused with an external server
 */
public record DatabaseSettings(String uri, String username, String password, String database, Path dataDirectory) {

    /** Environment variable that overrides the default data directory. */
    public static final String DATA_DIR_VARIABLE = "SVR_DATA_DIR";

    public DatabaseSettings {
        if (uri == null) {
            Objects.requireNonNull(dataDirectory, "dataDirectory");
        }
        if (username == null) {
            username = "neo4j";
        }
    }

    /** Settings for the embedded DBMS in the given directory. */
    public static DatabaseSettings embedded(Path dataDirectory) {
        return new DatabaseSettings(null, null, null, null, dataDirectory);
    }

    /** Returns whether these settings name an external server. */
    public boolean external() {
        return uri != null;
    }

    /**
     * Returns the default data directory: $SVR_DATA_DIR, else $XDG_DATA_HOME/svr-graph/neo4j, else
     * ~/.local/share/svr-graph/neo4j.
     */
    public static Path defaultDataDirectory(Map<String, String> environment) {
        String explicit = environment.get(DATA_DIR_VARIABLE);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = environment.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("svr-graph").resolve("neo4j");
    }

    /** Describes the target for messages, without the password. */
    public String describe() {
        return external() ? uri + (database != null ? " (database " + database + ")" : "")
                : "embedded Neo4j in " + dataDirectory;
    }
}

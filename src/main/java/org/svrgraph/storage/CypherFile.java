package org.svrgraph.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cypher text loaded from {@code cypher/NAME.cypher} on the class path. The files carry a header
 * comment with what the query does and its parameters, so they can be pasted into Neo4j Browser
 * as they are.
 */
public final class CypherFile {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private CypherFile() {
    }

    /** Returns the text of {@code cypher/NAME.cypher}, such as {@code storage/create-edges}. */
    public static String load(String name) {
        return CACHE.computeIfAbsent(name, CypherFile::read);
    }

    /** Returns the statements of a file that contains several, split at semicolons that end a line. */
    public static List<String> statements(String name) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : load(name).split("\n")) {
            String code = line.strip();
            if (code.startsWith("//")) {
                continue;
            }
            current.append(line).append('\n');
            if (code.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static String read(String name) {
        String resource = "/cypher/" + name + ".cypher";
        try (InputStream in = CypherFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Cypher file " + resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read Cypher file " + resource + ": " + e.getMessage(), e);
        }
    }
}

package org.svrgraph.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.svrgraph.storage.GraphStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code svr query}: runs one read-only Cypher query and prints its result. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run a read-only Cypher query (in a read transaction) and print the result.")
public final class QueryCommand implements Callable<Integer> {

    static final class Source {
        @Parameters(index = "0", paramLabel = "CYPHER", description = "The query text.")
        String text;

        @Option(names = "--file", paramLabel = "FILE.cypher", description = "Read the query from this file.")
        Path file;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "Query parameter $NAME; numbers, true, false, null and JSON arrays are typed, anything else (or a quoted"
                    + " value) is a string. Repeatable.")
    List<String> parameters = new ArrayList<>();

    @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
            description = "Output format: table, csv (header row, then one row per record) or json (an array of"
                    + " objects). Default: table.")
    ResultTable.Format format;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String cypher = source.file != null ? readFile(source.file) : source.text;
        Map<String, Object> values = QueryParameters.parse(parameters);
        ResultTable table;
        try (GraphStore store = GraphStore.open(database.existingSettings()); Session session = store.session()) {
            table = session.executeRead(tx -> {
                Result result = tx.run(cypher, values);
                List<String> columns = result.keys();
                List<Record> records = result.list();
                return ResultTable.of(columns, records);
            });
        } catch (ClientException e) {
            String code = e.code() != null ? e.code() : "";
            if (code.contains("AccessMode") || code.contains("Forbidden")) {
                throw new UserException("svr query runs read-only queries, and this one writes: " + e.getMessage());
            }
            throw new UserException("Query failed: " + e.getMessage().strip().replace('\n', ' '), e);
        } catch (Neo4jException e) {
            throw new UserException("Query failed: " + e.getMessage(), e);
        }
        table.print(format, spec.commandLine().getOut());
        return 0;
    }

    private static String readFile(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserException("Query file not found: " + file);
        }
    }
}

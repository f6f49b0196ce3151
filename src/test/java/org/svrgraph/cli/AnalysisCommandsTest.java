package org.svrgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.svrgraph.analysis.BlockChain;
import org.svrgraph.storage.DatabaseSettings;
import org.svrgraph.storage.GraphStore;
import org.svrgraph.storage.LoadOptions;
import org.svrgraph.storage.ModelCatalog;
import org.svrgraph.storage.ModelWriter;
import org.svrgraph.storage.WriteListener;
import picocli.CommandLine;

/**
 * Runs svr summary, paths, clusters and compare as the command line does, on BlockChain models
 * written into an embedded database in a temp dir (each command opens it, as separate runs would).
 */
class AnalysisCommandsTest {

    @TempDir
    static Path data;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void load() {
        try (GraphStore store = GraphStore.open(DatabaseSettings.embedded(data))) {
            new ModelCatalog(store).prepare();
            ModelWriter writer = new ModelWriter(store, WriteListener.NONE);
            writer.write(BlockChain.description("blocks"), BlockChain.svr(true, 11, BlockChain.MAPS),
                    LoadOptions.DEFAULTS);
            writer.write(BlockChain.description("unmixed"), BlockChain.svr(false, 12, BlockChain.MAPS),
                    LoadOptions.DEFAULTS);
        }
    }

    private int svr(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine commandLine = SvrCommand.commandLine(CommandLine.defaultFactory());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--data-dir";
        all[args.length + 1] = data.toString();
        return commandLine.execute(all);
    }

    private List<String> lines() {
        return out.toString().lines().toList();
    }

    @Test
    void summaryPrintsOneCsvRowPerLayer() {
        assertEquals(0, svr("summary", "blocks", "--format", "csv"), err.toString());

        List<String> lines = lines();
        assertEquals(1 + BlockChain.MAPS, lines.size(), out.toString());
        List<String> header = List.of(lines.get(0).split(","));
        for (int l = 0; l < BlockChain.MAPS - 1; l++) {
            List<String> row = List.of(lines.get(1 + l).split(",(?![^\\[]*\\])"));
            assertEquals("9", row.get(header.indexOf("significantEdges")), lines.get(1 + l));
            assertEquals("5", row.get(header.indexOf("nearKernel")));
            assertEquals("0", row.get(header.indexOf("strongestFrom")));
            assertEquals("17", row.get(header.indexOf("internalDimension")));
        }
    }

    @Test
    void pathsPrintTheChainFirst() {
        assertEquals(0, svr("paths", "blocks", "--weight", "ratio", "--limit", "2"), err.toString());

        String text = out.toString();
        assertTrue(text.contains("Dominant chain of 'blocks'"), text);
        assertTrue(text.contains("[\"0:0\",\"1:0\",\"2:0\",\"3:0\",\"4:0\"] | [22.0,22.0,22.0,22.0] | 88.0"), text);
        assertTrue(text.contains("Heaviest paths (GDS longest path, weight ratio n*a)"), text);
        String gds = text.substring(text.indexOf("Heaviest paths"));
        assertTrue(gds.contains("[\"0:0\",\"1:0\",\"2:0\",\"3:0\",\"4:0\"]"), gds);
        assertTrue(gds.contains("| 88.0"), gds);
        assertTrue(gds.contains("(2 rows)"), gds);
    }

    @Test
    void pathsWithCypherNeedNoGds() {
        assertEquals(0, svr("paths", "blocks", "--cypher", "--weight", "ratio", "--min-ratio", "5", "--limit", "1",
                "--format", "csv"), err.toString());

        List<String> rows = lines().stream().filter(line -> line.startsWith("0,4,4,")).toList();
        assertEquals(2, rows.size(), out.toString());
        // The chain row of the dominant-chain table, then the heaviest plain-Cypher path: the chain, 4 x 22.
        String path = rows.get(1);
        assertEquals(88.0, Double.parseDouble(path.substring(path.lastIndexOf(',') + 1)), 1e-9, path);
    }

    @Test
    void clustersListTheTwoBlocks() {
        assertEquals(0, svr("clusters", "blocks", "--format", "csv"), err.toString());

        List<String> wcc = lines().stream().filter(line -> line.startsWith("wcc,")).toList();
        assertEquals(2, wcc.size(), out.toString());
        assertTrue(wcc.get(0).startsWith("wcc,15,0,4,5,"), wcc.get(0));
        assertTrue(wcc.get(1).startsWith("wcc,10,0,4,5,"), wcc.get(1));
    }

    @Test
    void compareShowsCountsClustersAndOverlap() {
        assertEquals(0, svr("compare", "blocks", "unmixed"), err.toString());

        String text = out.toString();
        assertTrue(text.contains("0     | blocks  | 22   | 1.0      |"), text);
        assertTrue(text.contains("blocks  | 2        | 15          | 0          | 4         | 16"), text);
        assertTrue(text.contains("unmixed | 3        | 15          | 0          | 4         | 16"), text);
        assertTrue(text.contains("blocks | unmixed | 0     | 9      | 7      | 7      | 0.7778"), text);
    }

    @Test
    void unknownModelFailsWithOneLine() {
        assertEquals(1, svr("summary", "nope"));
        assertTrue(err.toString().startsWith("svr: No model named 'nope'"), err.toString());
    }

    @Test
    void clustersWithNoNearKernelNeuronListNothing() {
        // No relativeSigma is below 0, so nothing is projected and the query returns no rows.
        assertEquals(0, svr("clusters", "blocks", "--threshold", "0", "--format", "csv"), err.toString());
        assertEquals(1, lines().size(), out.toString());
        assertEquals(0, svr("compare", "blocks", "unmixed", "--threshold", "0"), err.toString());
    }

    @Test
    void thresholdOutsideZeroToOneIsRejected() {
        assertEquals(1, svr("clusters", "blocks", "--threshold", "-0.3"));
        assertTrue(err.toString().contains("between 0 and 1"), err.toString());
        assertEquals(1, svr("compare", "blocks", "unmixed", "--threshold", "1.5"));
        assertTrue(err.toString().contains("between 0 and 1"), err.toString());
    }

    @Test
    void clustersSayWhatTheLimitLeftOut() {
        assertEquals(0, svr("clusters", "blocks", "--limit", "1"), err.toString());
        assertTrue(out.toString().contains("1 more wcc clusters not listed"), out.toString());
    }

    @Test
    void compareNeedsTwoModels() {
        assertEquals(1, svr("compare", "blocks"));
        assertTrue(err.toString().contains("at least two model names, got 1"), err.toString());
    }
}

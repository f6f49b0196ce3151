package org.svrgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.svrgraph.chain.LinearMap;
import org.svrgraph.chain.WeightChain;
import org.svrgraph.spectral.EjmlLinearAlgebra;
import org.svrgraph.spectral.LayerPair;
import org.svrgraph.spectral.SvrEngine;
import org.svrgraph.spectral.SvrResult;
import org.svrgraph.storage.DatabaseSettings;
import org.svrgraph.storage.GraphStore;
import picocli.CommandLine;

/** Runs load, models, query and delete as the command line does, on an embedded database in a temp dir. */
class StorageCommandsTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static WeightChain chain() {
        Random random = new Random(21);
        List<LinearMap> maps = new ArrayList<>();
        int[] widths = {10, 12, 9, 6};
        for (int l = 0; l + 1 < widths.length; l++) {
            double[] weights = new double[widths[l + 1] * widths[l]];
            for (int k = 0; k < weights.length; k++) {
                weights[k] = random.nextGaussian();
            }
            maps.add(LinearMap.fullyConnected("fc" + l + ".weight", widths[l + 1], widths[l], weights));
        }
        return new WeightChain(maps);
    }

    /** Runs the svr command line with an analyzer that returns the SVR of {@link #chain()}. */
    private int svr(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        ModelAnalyzer analyzer = (file, options, progress) -> new ModelAnalyzer.AnalyzedModel("test",
                chain().parameterCount(), new SvrEngine(new EjmlLinearAlgebra()).compute(chain(), options, progress));
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == LoadCommand.class) {
                    return type.cast(new LoadCommand(analyzer));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine commandLine = SvrCommand.commandLine(factory);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void loadQueryListDelete() throws Exception {
        Path data = temp.resolve("db");
        Path model = Files.writeString(temp.resolve("tiny net.safetensors"), "not read by the test analyzer");
        String name = "tiny \"net\", v1";

        assertEquals(0, svr("load", model.toString(), "--name", name, "--sigma", "1", "--data-dir", data.toString()),
                err.toString());
        SvrResult result = new SvrEngine(new EjmlLinearAlgebra()).compute(chain(),
                new org.svrgraph.spectral.SvrOptions(org.svrgraph.spectral.SvrMethod.SVR, 1,
                        org.svrgraph.spectral.SignificanceCriterion.CHI_SQUARE, 0.05, 0,
                        org.svrgraph.spectral.Precision.FLOAT64, false, 0.1));
        long significant = 0;
        for (LayerPair pair : result.pairs()) {
            for (double a : pair.adjacency().data()) {
                significant += a >= pair.significance().chiSquareThreshold() ? 1 : 0;
            }
        }
        assertTrue(out.toString().contains("edges stored: " + significant), out.toString());

        // csv: header row, then one row per record, with RFC 4180 quoting of the awkward name.
        assertEquals(0, svr("query", "MATCH (m:Model {name: $name})-[:HAS_LAYER]->(l:Layer) RETURN m.name AS model,"
                + " l.index AS layer, l.rank AS rank ORDER BY layer", "--param", "name=" + name, "--format", "csv",
                "--data-dir", data.toString()), err.toString());
        String[] lines = out.toString().split("\r\n");
        assertEquals("model,layer,rank", lines[0]);
        assertEquals(4, lines.length);
        assertEquals("\"tiny \"\"net\"\", v1\",0,10", lines[1]);
        assertEquals("\"tiny \"\"net\"\", v1\",2,6", lines[3]);

        // json: an array of objects keyed by column.
        assertEquals(0, svr("query", "MATCH (:SpectralNeuron {model: $name})-[e:SVR_EDGE]->() RETURN count(e) AS edges,"
                + " min(e.ratio) >= 0 AS nonNegative", "--param", "name=" + name, "--format", "json",
                "--data-dir", data.toString()), err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(1, json.size());
        assertEquals(significant, json.get(0).get("edges").asLong());
        assertTrue(json.get(0).get("nonNegative").asBoolean());

        assertEquals(1, svr("query", "CREATE (n:Intruder) RETURN n", "--data-dir", data.toString()));
        assertTrue(err.toString().contains("read-only"), err.toString());

        assertEquals(0, svr("models", "--format", "csv", "--data-dir", data.toString()), err.toString());
        assertTrue(out.toString().contains("\"tiny \"\"net\"\", v1\",test,svr,chi2,1.0,3," + (10 + 9 + 6) + "," + significant),
                out.toString());

        assertEquals(0, svr("delete", name, "--data-dir", data.toString()), err.toString());
        assertEquals(1, svr("delete", name, "--data-dir", data.toString()));
        assertTrue(err.toString().startsWith("svr: Model 'tiny \"net\", v1' not found"), err.toString());
        assertEquals(0, svr("models", "--format", "json", "--data-dir", data.toString()), err.toString());
        assertEquals(0, new ObjectMapper().readTree(out.toString()).size());
    }

    @Test
    void errorsAreOneLine() throws Exception {
        Path data = temp.resolve("locked");
        assertEquals(1, svr("load", temp.resolve("missing.onnx").toString(), "--data-dir", data.toString()));
        assertEquals("svr: Model file not found: " + temp.resolve("missing.onnx"), err.toString().strip());

        try (GraphStore holder = GraphStore.open(DatabaseSettings.embedded(data))) {
            assertEquals(1, svr("models", "--data-dir", data.toString()));
            assertTrue(err.toString().contains("is in use by another process"), err.toString());
            assertEquals(1, err.toString().strip().lines().count(), err.toString());
        }

        assertEquals(1, svr("models", "--uri", "bolt://127.0.0.1:1"));
        assertTrue(err.toString().startsWith("svr: Cannot reach Neo4j at bolt://127.0.0.1:1"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    @Test
    void missingDataDirectoryIsNotCreated() {
        Path typo = temp.resolve("no-such-db");
        for (String command : new String[] {"models", "query", "delete"}) {
            String[] args = switch (command) {
                case "query" -> new String[] {"query", "RETURN 1", "--data-dir", typo.toString()};
                case "delete" -> new String[] {"delete", "m", "--data-dir", typo.toString()};
                default -> new String[] {"models", "--data-dir", typo.toString()};
            };
            assertEquals(1, svr(args), command);
            assertTrue(err.toString().contains("No database at " + typo), err.toString());
            assertFalse(java.nio.file.Files.exists(typo), command + " must not create " + typo);
        }
    }
}

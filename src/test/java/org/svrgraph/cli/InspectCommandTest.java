package org.svrgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.svrgraph.reader.Fixtures;
import picocli.CommandLine;

class InspectCommandTest {

    private record Run(int status, String out, String err) {
    }

    private static Run inspect(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new SvrCommand());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        String[] full = new String[args.length + 1];
        full[0] = "inspect";
        System.arraycopy(args, 0, full, 1, args.length);
        return new Run(commandLine.execute(full), out.toString(), err.toString());
    }

    @Test
    void printsTensorsChainAndSkips() {
        Path file = Fixtures.path("extras.safetensors");

        Run run = inspect(file.toString());

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("Format: safetensors"), run.out());
        assertTrue(run.out().matches("(?s).*features\\.1\\.running_var\\s+\\[8]\\s+F32.*"), run.out());
        assertTrue(run.out().contains("Chain (5 maps"), run.out());
        assertTrue(run.out().matches("(?s).*\\n  0\\s+features\\.0\\.weight\\s+conv\\s+8x3x3x3\\s+8x27\\s+-\\s+features\\.1 .*"),
                run.out());
        assertTrue(run.out().matches("(?s).*\\n  3\\s+classifier\\.0\\.weight\\s+fc\\s+32x256\\s+32x256\\s+channels-first\\s+no.*"),
                run.out());
        assertTrue(run.out().contains("Skipped (3):"), run.out());
        assertTrue(run.out().contains("  aux_head.weight [5, 32]: does not chain"), run.out());
    }

    @Test
    void layersOptionApplies() {
        Run run = inspect(Fixtures.path("tiny_cnn.pth").toString(), "--layers", "classifier.*");

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("Chain (2 maps"), run.out());
        assertTrue(run.out().contains("features.0.weight [8, 3, 3, 3]: not selected by --layers"), run.out());
    }

    @Test
    void badFileGivesOneLine() {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        int status;
        try {
            status = SvrCommand.execute("inspect", "/nonexistent/model.pth");
        } finally {
            System.setErr(original);
        }

        assertEquals(1, status);
        assertEquals("svr: /nonexistent/model.pth: file not found", err.toString().strip());
    }
}

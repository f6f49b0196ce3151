package org.svrgraph.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.svrgraph.analysis.AnalysisRunner;
import org.svrgraph.analysis.QueryResult;
import org.svrgraph.storage.GraphStore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Base of the commands that run saved analysis queries on stored models: database options, output
 * format, and printing of titled result tables.
 */
abstract class AnalysisCommand implements Callable<Integer> {

    /** Significant digits of floating-point values in table output; csv and json keep them all. */
    private static final MathContext TABLE_DIGITS = new MathContext(4);

    @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
            description = "Output format: table (numbers to 4 significant digits, titled sections), csv or json"
                    + " (full precision, one block per section). Default: table.")
    ResultTable.Format format;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    /** Runs the analysis on an open store. */
    abstract void analyze(GraphStore store, AnalysisRunner runner);

    @Override
    public Integer call() {
        try (GraphStore store = GraphStore.open(database.existingSettings())) {
            analyze(store, new AnalysisRunner(store));
        }
        return 0;
    }

    /** Rejects a near-kernel threshold outside [0, 1], the range of sigma / sigma_max. */
    static void checkThreshold(double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new UserException("--threshold is a fraction of sigma_max between 0 and 1, got " + threshold);
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Prints a result under a title line (the title only in table format). */
    void print(String title, QueryResult result) {
        print(title, ResultTable.of(result.columns(), result.records()));
    }

    void print(String title, ResultTable table) {
        PrintWriter out = out();
        if (format == ResultTable.Format.table) {
            out.println(title);
            readable(table).print(format, out);
            out.println();
        } else {
            table.print(format, out);
        }
        out.flush();
    }

    /** Rounds floating-point values, also inside lists and maps, for the aligned table. */
    static ResultTable readable(ResultTable table) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            rows.add(row.stream().map(AnalysisCommand::round).toList());
        }
        return new ResultTable(table.columns(), rows);
    }

    private static Object round(Object value) {
        if (value instanceof Double number && Double.isFinite(number) && number != 0) {
            return new BigDecimal(number).round(TABLE_DIGITS).doubleValue();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(AnalysisCommand::round).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> rounded = new LinkedHashMap<>();
            map.forEach((key, inner) -> rounded.put(key, round(inner)));
            return rounded;
        }
        return value;
    }
}

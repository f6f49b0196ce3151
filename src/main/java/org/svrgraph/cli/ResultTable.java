package org.svrgraph.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.IsoDuration;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Point;
import org.neo4j.driver.types.Relationship;

/**
 * Query results as plain Java values (strings, numbers, booleans, lists, maps; nodes and
 * relationships as maps), printed as an aligned table, CSV or JSON.
 *
 * @param columns column names in order
 * @param rows one list of values per record, in column order
 */
public record ResultTable(List<String> columns, List<List<Object>> rows) {

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    /** Output formats of {@code svr query} and {@code svr models}. */
    public enum Format { table, csv, json }

    /** Converts driver records into a table. */
    public static ResultTable of(List<String> columns, List<Record> records) {
        List<List<Object>> rows = new ArrayList<>();
        for (Record record : records) {
            List<Object> row = new ArrayList<>();
            for (String column : columns) {
                row.add(plain(record.get(column)));
            }
            rows.add(row);
        }
        return new ResultTable(List.copyOf(columns), rows);
    }

    /** Converts a driver value into strings, numbers, booleans, lists and maps. */
    static Object plain(Value value) {
        return plainObject(value.asObject());
    }

    private static Object plainObject(Object value) {
        if (value instanceof Node node) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("elementId", node.elementId());
            map.put("labels", node.labels());
            map.put("properties", plainObject(node.asMap()));
            return map;
        }
        if (value instanceof Relationship relationship) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("elementId", relationship.elementId());
            map.put("type", relationship.type());
            map.put("start", relationship.startNodeElementId());
            map.put("end", relationship.endNodeElementId());
            map.put("properties", plainObject(relationship.asMap()));
            return map;
        }
        if (value instanceof Path path) {
            List<Object> elements = new ArrayList<>();
            for (Path.Segment segment : path) {
                if (elements.isEmpty()) {
                    elements.add(plainObject(segment.start()));
                }
                elements.add(plainObject(segment.relationship()));
                elements.add(plainObject(segment.end()));
            }
            if (elements.isEmpty()) {
                elements.add(plainObject(path.start()));
            }
            return elements;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((key, inner) -> out.put(String.valueOf(key), plainObject(inner)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ResultTable::plainObject).toList();
        }
        if (value instanceof TemporalAccessor || value instanceof IsoDuration || value instanceof Point) {
            return value.toString();
        }
        return value;
    }

    /** Prints the table in the given format. */
    public void print(Format format, PrintWriter out) {
        switch (format) {
            case table -> printTable(out);
            case csv -> printCsv(out);
            case json -> printJson(out);
        }
        out.flush();
    }

    private void printCsv(PrintWriter out) {
        out.print(String.join(",", columns.stream().map(ResultTable::csvField).toList()) + "\r\n");
        for (List<Object> row : rows) {
            List<String> fields = new ArrayList<>();
            for (Object value : row) {
                fields.add(csvField(value == null ? "" : text(value)));
            }
            out.print(String.join(",", fields) + "\r\n");
        }
    }

    /** Quotes a field as RFC 4180 requires: when it contains a comma, a quote or a line break. */
    static String csvField(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private void printJson(PrintWriter out) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (List<Object> row : rows) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                object.put(columns.get(c), row.get(c));
            }
            objects.add(object);
        }
        try {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(objects));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the result as JSON: " + e.getMessage(), e);
        }
    }

    private void printTable(PrintWriter out) {
        int[] widths = new int[columns.size()];
        List<List<String>> cells = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = columns.get(c).length();
        }
        for (List<Object> row : rows) {
            List<String> texts = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                String text = row.get(c) == null ? "null" : text(row.get(c));
                texts.add(text);
                widths[c] = Math.max(widths[c], text.length());
            }
            cells.add(texts);
        }
        printTableRow(out, columns, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        printTableRow(out, rule, widths);
        for (List<String> row : cells) {
            printTableRow(out, row, widths);
        }
        out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
    }

    private static void printTableRow(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append(" | ");
            }
            line.append(cells.get(c)).append(" ".repeat(widths[c] - cells.get(c).length()));
        }
        out.println(line.toString().stripTrailing());
    }

    /** Scalars as their text, lists and maps as JSON. */
    private static String text(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                return value.toString();
            }
        }
        return String.valueOf(value);
    }
}

package org.svrgraph.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code --param name=value} options. A value is an integer, a float, true, false or null
 * when it reads as one, and a list when it is a JSON array such as {@code ["vgg-plain","vgg-bn"]}.
 * Anything else is a string. Single or double quotes around a value force a string, so
 * {@code --param name='42'} passes the text 42.
 */
final class QueryParameters {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private QueryParameters() {
    }

    static Map<String, Object> parse(List<String> assignments) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (String assignment : assignments) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                throw new UserException("Invalid --param '" + assignment + "'; expected name=value");
            }
            parameters.put(assignment.substring(0, equals).strip(), value(assignment.substring(equals + 1)));
        }
        return parameters;
    }

    static Object value(String text) {
        if (text.length() >= 2 && (text.startsWith("'") && text.endsWith("'")
                || text.startsWith("\"") && text.endsWith("\""))) {
            return text.substring(1, text.length() - 1);
        }
        if (text.startsWith("[") && text.endsWith("]")) {
            return list(text);
        }
        switch (text) {
            case "true":
                return true;
            case "false":
                return false;
            case "null":
                return null;
            default:
                break;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notInteger) {
            try {
                double number = Double.parseDouble(text);
                // Double.parseDouble also takes "NaN", "Infinity" and hex floats; keep those as text.
                return text.matches("[-+]?[0-9.]+([eE][-+]?[0-9]+)?") ? number : text;
            } catch (NumberFormatException notNumber) {
                return text;
            }
        }
    }

    /** Parses a JSON array such as ["vgg-plain","vgg-bn"] or [1,2], for list parameters like $models. */
    private static Object list(String text) {
        try {
            return JSON.readValue(text, List.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserException("Invalid list parameter value " + text + "; expected a JSON array such as"
                    + " [\"vgg-plain\",\"vgg-bn\"]: " + e.getOriginalMessage());
        }
    }
}

package org.svrgraph.reader.numpy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parser for the Python literals an .npy header is written in: a dict of strings, booleans and
 * tuples of integers. It evaluates nothing, so a header cannot run code.
 */
final class PythonLiteral {

    private static final int MAX_DEPTH = 8;

    private final String text;
    private int position;

    private PythonLiteral(String text) {
        this.text = text;
    }

    /** Parses one literal that spans the whole text, apart from white space. */
    static Object parse(String text) {
        PythonLiteral parser = new PythonLiteral(text);
        Object value = parser.value(0);
        parser.skipSpace();
        if (parser.position != text.length()) {
            throw parser.error("unexpected text after the literal");
        }
        return value;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("literal nested deeper than " + MAX_DEPTH);
        }
        skipSpace();
        if (position >= text.length()) {
            throw error("literal ends early");
        }
        char c = text.charAt(position);
        return switch (c) {
            case '{' -> dict(depth);
            case '(' -> sequence(depth, ')');
            case '[' -> sequence(depth, ']');
            case '\'', '"' -> string(c);
            default -> c == '-' || Character.isDigit(c) ? integer() : word();
        };
    }

    private Map<String, Object> dict(int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        position++;
        while (true) {
            skipSpace();
            if (peek() == '}') {
                position++;
                return map;
            }
            Object key = value(depth + 1);
            if (!(key instanceof String name)) {
                throw error("dict key is not a string");
            }
            skipSpace();
            expect(':');
            map.put(name, value(depth + 1));
            skipSpace();
            if (peek() == ',') {
                position++;
            } else if (peek() != '}') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> sequence(int depth, char close) {
        List<Object> items = new ArrayList<>();
        position++;
        while (true) {
            skipSpace();
            if (peek() == close) {
                position++;
                return items;
            }
            items.add(value(depth + 1));
            skipSpace();
            if (peek() == ',') {
                position++;
            } else if (peek() != close) {
                throw error("expected ',' or '" + close + "'");
            }
        }
    }

    private String string(char quote) {
        int end = text.indexOf(quote, position + 1);
        if (end < 0) {
            throw error("string is not closed");
        }
        String value = text.substring(position + 1, end);
        position = end + 1;
        return value;
    }

    private Long integer() {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        while (position < text.length() && Character.isDigit(text.charAt(position))) {
            position++;
        }
        if (position < text.length() && text.charAt(position) == 'L') {
            position++; // Python 2 long suffix, written by old numpy versions
            return parseLong(text.substring(start, position - 1));
        }
        return parseLong(text.substring(start, position));
    }

    private Long parseLong(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw error("invalid integer '" + digits + "'");
        }
    }

    private Object word() {
        int start = position;
        while (position < text.length() && Character.isLetter(text.charAt(position))) {
            position++;
        }
        String word = text.substring(start, position);
        return switch (word) {
            case "True" -> Boolean.TRUE;
            case "False" -> Boolean.FALSE;
            case "None" -> null;
            default -> throw error("unexpected token '" + (word.isEmpty() ? text.charAt(start) : word) + "'");
        };
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        position++;
    }

    private char peek() {
        if (position >= text.length()) {
            throw error("literal ends early");
        }
        return text.charAt(position);
    }

    private void skipSpace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(problem + " at character " + position);
    }
}

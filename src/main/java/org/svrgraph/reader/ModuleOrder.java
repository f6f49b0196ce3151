package org.svrgraph.reader;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders dotted tensor and module names the way a network computes them, for state-dict formats
 * that have no graph. Names are compared segment by segment: numeric segments by value, so
 * {@code features.2} comes before {@code features.10}, and text segments by where they first
 * appear in the file, so {@code features} stays before {@code classifier} as PyTorch saved them.
 * Numeric segments sort before text segments at the same depth.
 */
final class ModuleOrder implements Comparator<String> {

    private final Map<String, Integer> firstAppearance = new HashMap<>();

    /** Builds the order from tensor names in file order. */
    ModuleOrder(List<String> namesInFileOrder) {
        for (String name : namesInFileOrder) {
            for (String segment : name.split("\\.")) {
                firstAppearance.putIfAbsent(segment, firstAppearance.size());
            }
        }
    }

    @Override
    public int compare(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int s = 0; s < Math.min(left.length, right.length); s++) {
            int order = compareSegment(left[s], right[s]);
            if (order != 0) {
                return order;
            }
        }
        int byDepth = Integer.compare(left.length, right.length);
        // Names equal by value but not by text, such as "x.02" and "x.2", still need an order.
        return byDepth != 0 ? byDepth : a.compareTo(b);
    }

    private int compareSegment(String left, String right) {
        if (left.equals(right)) {
            return 0;
        }
        boolean leftNumeric = isNumber(left);
        boolean rightNumeric = isNumber(right);
        if (leftNumeric && rightNumeric) {
            String a = stripLeadingZeros(left);
            String b = stripLeadingZeros(right);
            // Comparing lengths first compares numbers of any size without parsing them.
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        if (leftNumeric != rightNumeric) {
            return leftNumeric ? -1 : 1;
        }
        Integer leftRank = firstAppearance.get(left);
        Integer rightRank = firstAppearance.get(right);
        if (leftRank != null && rightRank != null) {
            return Integer.compare(leftRank, rightRank);
        }
        return left.compareTo(right);
    }

    /** Returns the module of a tensor name: everything before its last dot, or "" when it has none. */
    static String moduleOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }

    private static boolean isNumber(String segment) {
        if (segment.isEmpty()) {
            return false;
        }
        for (int k = 0; k < segment.length(); k++) {
            if (!Character.isDigit(segment.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static String stripLeadingZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }
}

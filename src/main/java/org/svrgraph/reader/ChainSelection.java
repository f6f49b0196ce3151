package org.svrgraph.reader;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.svrgraph.chain.ChainException;

/**
 * The choice of weight tensors that form the chain: automatic from names and shapes, or given by
 * the user with {@code --layers} as a comma-separated list of names or as one regular expression.
 *
 * @param layers the {@code --layers} value, or null for the automatic choice
 */
public record ChainSelection(String layers) {

    /** Returns the automatic choice: every map that chains, in module order. */
    public static ChainSelection automatic() {
        return new ChainSelection(null);
    }

    /** Returns the choice given by {@code --layers}, where null or blank means automatic. */
    public static ChainSelection of(String layers) {
        return new ChainSelection(layers == null || layers.isBlank() ? null : layers.strip());
    }

    /** Returns whether the user chose the layers. */
    public boolean isManual() {
        return layers != null;
    }

    /**
     * Returns the chosen names among {@code candidates} (given in module order). A name matches a
     * candidate equal to it or to it plus {@code .weight}, so module names work too. A value whose
     * comma-separated items all name candidates is a list and keeps the user's order. Otherwise the
     * value is a regular expression that must match a whole name, and keeps module order. A value
     * with commas that is neither is reported as a list with unknown names.
     *
     * @throws ChainException when a listed name is not a candidate, the expression is invalid, or
     *     nothing matches
     */
    public List<String> choose(List<String> candidates) {
        List<String> items = List.of(layers.split(","));
        List<String> listed = new ArrayList<>();
        for (String item : items) {
            String match = findName(item.strip(), candidates);
            if (match == null) {
                listed = null;
                break;
            }
            listed.add(match);
        }
        if (listed != null) {
            return listed;
        }
        if (items.size() > 1) {
            // A comma may belong to an expression, as in a{1,2}; only when that fails is it a list.
            try {
                return matchExpression(candidates);
            } catch (ChainException notAnExpression) {
                List<String> missing = items.stream().map(String::strip)
                        .filter(i -> findName(i, candidates) == null).toList();
                throw new ChainException("--layers names " + missing + ", which are not weight tensors of the model;"
                        + " weight tensors: " + candidates);
            }
        }
        return matchExpression(candidates);
    }

    private List<String> matchExpression(List<String> candidates) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(layers);
        } catch (PatternSyntaxException e) {
            throw new ChainException("--layers '" + layers + "' is neither a weight tensor name nor a valid"
                    + " regular expression: " + e.getDescription());
        }
        List<String> chosen = candidates.stream()
                .filter(name -> pattern.matcher(name).matches() || pattern.matcher(moduleOf(name)).matches())
                .toList();
        if (chosen.isEmpty()) {
            throw new ChainException("--layers '" + layers + "' matches no weight tensor; the expression must"
                    + " match a whole name; weight tensors: " + candidates);
        }
        return chosen;
    }

    private static String findName(String item, List<String> candidates) {
        if (candidates.contains(item)) {
            return item;
        }
        return candidates.contains(item + ".weight") ? item + ".weight" : null;
    }

    private static String moduleOf(String name) {
        return name.endsWith(".weight") ? name.substring(0, name.length() - ".weight".length()) : name;
    }
}

package org.svrgraph.cli;

import org.svrgraph.reader.ChainSelection;
import picocli.CommandLine.Option;

/** The {@code --layers} option shared by every command that builds a chain from a model file. */
public final class LayersMixin {

    @Option(names = "--layers", paramLabel = "NAMES|REGEX",
            description = "Which weight tensors form the chain: comma-separated tensor or module names, kept in the"
                    + " given order, or one regular expression matching whole names, kept in module order"
                    + " (default: every map that chains, in module order).")
    String layers;

    /** Returns the chain selection the option gives: automatic when it is absent. */
    public ChainSelection selection() {
        return ChainSelection.of(layers);
    }
}

package org.svrgraph.cli;

import java.util.concurrent.Callable;
import org.svrgraph.storage.GraphStore;
import org.svrgraph.storage.ModelCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code svr delete}: removes one model with its layers, spectral neurons and edges. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a stored model with all its nodes and edges. The model disappears from queries at once;"
                + " its data is then deleted in batches.")
public final class DeleteCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "The model's name, as 'svr models' lists it.")
    String name;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (GraphStore store = GraphStore.open(database.existingSettings())) {
            ModelCatalog catalog = new ModelCatalog(store);
            catalog.prepare();
            catalog.delete(name);
        }
        spec.commandLine().getOut().println("Deleted model '" + name + "'");
        spec.commandLine().getOut().flush();
        return 0;
    }
}

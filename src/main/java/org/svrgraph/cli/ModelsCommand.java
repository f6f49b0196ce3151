package org.svrgraph.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.svrgraph.storage.GraphStore;
import org.svrgraph.storage.ModelCatalog;
import org.svrgraph.storage.StoredModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code svr models}: lists the models stored in the graph. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List the models stored in the graph.")
public final class ModelsCommand implements Callable<Integer> {

    @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
            description = "Output format: table, csv or json. Default: table.")
    ResultTable.Format format;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<StoredModel> models;
        try (GraphStore store = GraphStore.open(database.existingSettings())) {
            models = new ModelCatalog(store).list();
        }
        List<List<Object>> rows = new ArrayList<>();
        for (StoredModel model : models) {
            rows.add(Arrays.asList(model.name(), model.format(), model.method(), model.criterion(), model.sigmaLevel(),
                    model.layers(), model.neurons(), model.edges(), model.significantEdges(), model.loadedAt(),
                    model.source()));
        }
        new ResultTable(List.of("name", "format", "method", "criterion", "sigma", "layers", "neurons", "edges",
                "significantEdges", "loadedAt", "source"), rows).print(format, spec.commandLine().getOut());
        return 0;
    }
}

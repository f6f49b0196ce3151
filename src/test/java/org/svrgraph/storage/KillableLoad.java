package org.svrgraph.storage;

import java.nio.file.Path;

/**
 * A load for {@link KilledLoadTest} to kill: opens the embedded store in the given directory,
 * starts loading a synthetic model in small batches, prints {@code BATCH} after the first batch
 * is committed, then keeps writing slowly until the parent process kills it.
 */
final class KillableLoad {

    private KillableLoad() {
    }

    public static void main(String[] args) {
        Path directory = Path.of(args[0]);
        try (GraphStore store = GraphStore.open(DatabaseSettings.embedded(directory))) {
            new ModelCatalog(store).prepare();
            WriteListener signal = (written, total) -> {
                System.out.println("BATCH " + written);
                System.out.flush();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            new ModelWriter(store, signal).write(new ModelDescription("killed", "synthetic", null, "synthetic", 0),
                    TestModels.synthetic(4, 300, 1.0, 7), LoadOptions.DEFAULTS.withBatchSize(1000));
        }
        System.out.println("FINISHED");
    }
}

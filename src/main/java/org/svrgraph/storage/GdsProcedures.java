package org.svrgraph.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.neo4j.internal.kernel.api.exceptions.ProcedureException;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the Graph Data Science procedures and functions with an embedded DBMS. A Neo4j server
 * scans its plugins directory for them, but an embedded DBMS does not: the GDS jars list their
 * classes in META-INF/services/org.neo4j.procedure.Procedure and ...UserFunction, and each class
 * is registered here. (The GDS kernel extension itself is found by Neo4j through
 * META-INF/services/org.neo4j.kernel.extension.ExtensionFactory.)
 */
final class GdsProcedures {

    private static final Logger LOG = LoggerFactory.getLogger(GdsProcedures.class);
    private static final String PROCEDURE_LIST = "META-INF/services/org.neo4j.procedure.Procedure";
    private static final String FUNCTION_LIST = "META-INF/services/org.neo4j.procedure.UserFunction";
    private static final String AGGREGATION_LIST = "META-INF/services/org.neo4j.procedure.UserAggregationFunction";

    private GdsProcedures() {
    }

    /** Registers every listed class; returns the number of classes registered. */
    static int register(GlobalProcedures procedures) {
        long start = System.nanoTime();
        ClassLoader loader = GdsProcedures.class.getClassLoader();
        int procedureCount = 0;
        int functionCount = 0;
        for (String name : listedClasses(loader, PROCEDURE_LIST)) {
            procedureCount += registerOne(name, loader, procedures::registerProcedure);
        }
        for (String name : listedClasses(loader, FUNCTION_LIST)) {
            functionCount += registerOne(name, loader, procedures::registerFunction);
        }
        for (String name : listedClasses(loader, AGGREGATION_LIST)) {
            functionCount += registerOne(name, loader, procedures::registerAggregationFunction);
        }
        LOG.debug("Registered {} procedure and {} function classes in {} ms", procedureCount, functionCount,
                (System.nanoTime() - start) / 1_000_000);
        return procedureCount + functionCount;
    }

    private interface Registration {
        void register(Class<?> type) throws ProcedureException;
    }

    private static int registerOne(String className, ClassLoader loader, Registration registration) {
        try {
            registration.register(Class.forName(className, true, loader));
            return 1;
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.warn("Skipped procedure class {}: {}", className, e.toString());
        } catch (ProcedureException e) {
            // Registered already, for instance by a second DBMS in the same JVM: nothing to do.
            LOG.debug("Procedure class {} not registered: {}", className, e.getMessage());
        }
        return 0;
    }

    /** Reads the class names from every copy of a service list on the class path. */
    private static List<String> listedClasses(ClassLoader loader, String resource) {
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> lists = loader.getResources(resource);
            while (lists.hasMoreElements()) {
                URL list = lists.nextElement();
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(list.openStream(), StandardCharsets.UTF_8))) {
                    reader.lines().map(line -> line.replaceFirst("#.*", "").strip())
                            .filter(line -> !line.isEmpty()).forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new StorageException("Cannot read the procedure list " + resource + " from the class path: "
                    + e.getMessage(), e);
        }
        return names;
    }
}

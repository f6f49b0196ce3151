package org.svrgraph.cli;

import java.io.IOException;
import org.svrgraph.Version;
import org.svrgraph.chain.ChainException;
import org.svrgraph.reader.ModelFormatException;
import org.svrgraph.storage.StorageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code svr} command: entry point that wires the subcommands and turns failures into one line. */
@Command(name = "svr", mixinStandardHelpOptions = true, versionProvider = SvrCommand.VersionProvider.class,
        description = "Singular Value Representation of trained neural networks, stored in Neo4j.",
        subcommands = {
            CommandLine.HelpCommand.class,
            InspectCommand.class,
            ComputeCommand.class,
            LoadCommand.class,
            ModelsCommand.class,
            DeleteCommand.class,
            QueryCommand.class,
            ServeCommand.class,
            PlotCommand.class,
            SummaryCommand.class,
            PathsCommand.class,
            ClustersCommand.class,
            HubsCommand.class,
            CompareCommand.class,
            BenchCommand.class,
        })
public final class SvrCommand implements Runnable {

    /** The SLF4J provider configured by simplelogger.properties. */
    static final String SLF4J_PROVIDER = "org.slf4j.simple.SimpleServiceProvider";

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        // Neo4j's server jar brings a second SLF4J provider. Naming ours makes log lines reach the console
        // and keeps SLF4J from warning about the choice on every run.
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", SLF4J_PROVIDER);
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status: 0 success, 1 failure, 2 usage error. */
    public static int execute(String... args) {
        return commandLine(CommandLine.defaultFactory()).execute(args);
    }

    /** Creates the command line with the failure handler; the factory creates the subcommands. */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine commandLine = new CommandLine(new SvrCommand(), factory);
        commandLine.setExecutionExceptionHandler(SvrCommand::reportFailure);
        return commandLine;
    }

    /** Prints an expected failure (bad input, unreachable database) as one line, without a stack trace. */
    private static int reportFailure(Exception failure, CommandLine commandLine, CommandLine.ParseResult parsed) {
        String message = failure.getMessage() != null ? failure.getMessage() : failure.toString();
        commandLine.getErr().println("svr: " + message);
        boolean expected = failure instanceof ModelFormatException || failure instanceof ChainException
                || failure instanceof IllegalArgumentException || failure instanceof IOException
                || failure instanceof UserException || failure instanceof StorageException;
        if (!expected) {
            org.slf4j.LoggerFactory.getLogger(SvrCommand.class).debug("Unexpected failure", failure);
            commandLine.getErr().println("svr: run with -Dorg.slf4j.simpleLogger.defaultLogLevel=debug for details");
        }
        return 1;
    }

    /** Supplies {@code svr --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"svr " + Version.get()};
        }
    }
}

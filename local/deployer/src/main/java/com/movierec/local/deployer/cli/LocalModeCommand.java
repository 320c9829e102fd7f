package com.movierec.local.deployer.cli;

import com.movierec.local.deployer.deploy.DeployListener;
import com.movierec.local.deployer.deploy.DeploymentFailedException;
import com.movierec.local.deployer.deploy.LocalDeployer;
import com.movierec.local.deployer.deploy.StageDeployment;
import com.movierec.local.deployer.deploy.assembly.CloudAssembly;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code up} (personalize-local, the stage deployed into it, the API and the web page served until Ctrl-C), and
 * {@code deploy} and {@code destroy} of a synthesized stage against a running personalize-local; a line per stack and
 * per Personalize resource is printed as it happens, every stack event goes to the deploy log. Exit codes: 0 done;
 * 1 the deploy or destroy failed (the failed resource and reason are printed); 2 bad options; 3 the assembly, a
 * template or the options cannot be used (nothing was changed).
 */
@Command(name = "movierec-local-mode", mixinStandardHelpOptions = true,
        description = "Deploys the synthesized stacks of a stage locally, against personalize-local.",
        subcommands = {Up.class, LocalModeCommand.Deploy.class, LocalModeCommand.Destroy.class})
public final class LocalModeCommand implements Callable<Integer> {
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int UNUSABLE = 3;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        // The handlers log through Log4j: its lines go to stderr, stdout belongs to the progress lines.
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "localmode-log4j2.xml");
        }
        // Both the handlers' Log4j and the API's own JSON logger offer SLF4J a provider: choose, so SLF4J need not
        // warn about finding two.
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.apache.logging.slf4j.SLF4JServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        // Log4j must not stop itself when the JVM shuts down: main stops it, after up's Delete path (see StopSignal).
        if (System.getProperty("log4j2.shutdownHookEnabled") == null) {
            System.setProperty("log4j2.shutdownHookEnabled", "false");
        }
        PrintWriter err = new PrintWriter(System.err, true);
        int exitCode = run(new PrintWriter(System.out, true), err, () -> StopSignal.onSignals(err), args);
        LogManager.shutdown();
        System.exit(exitCode);
    }

    /** Without Ctrl-C handling: {@code up} serves until the JVM ends. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, StopSignal::new, args);
    }

    /** {@code stopSignals} gives {@code up} what tells it to stop serving (Ctrl-C or SIGTERM in a real process). */
    static int run(PrintWriter out, PrintWriter err, Supplier<StopSignal> stopSignals, String... args) {
        CommandLine commandLine = new CommandLine(new LocalModeCommand(), new Factory(stopSignals))
                .setOut(out).setErr(err);
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("error: " + e.getMessage());
            return e instanceof DeploymentFailedException ? FAILED : UNUSABLE;
        });
        return commandLine.execute(args);
    }

    /** picocli's default factory, but {@code up} gets its stop signal. */
    private record Factory(Supplier<StopSignal> stopSignals) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            return type == Up.class ? type.cast(new Up(stopSignals))
                    : CommandLine.defaultFactory().create(type);
        }
    }

    /** Without a subcommand: the usage, and the exit code of bad options. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    private abstract static class Operation implements Callable<Integer> {
        @Mixin
        DeploymentArguments arguments;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            CloudAssembly assembly = CloudAssembly.load(arguments.target.cdkOut);
            DeployProgress progress = arguments.progress.open(out);
            try (progress) {
                run(new LocalDeployer(), assembly, progress, out);
            } finally {
                out.println("Every stack event: " + progress.logFile());
            }
            return 0;
        }

        abstract void run(LocalDeployer deployer, CloudAssembly assembly, DeployListener progress, PrintWriter out);
    }

    @Command(name = "deploy", mixinStandardHelpOptions = true,
            description = "Deploys the stage's stacks in order; a stack deployed before is updated.")
    static final class Deploy extends Operation {
        @Override
        void run(LocalDeployer deployer, CloudAssembly assembly, DeployListener progress, PrintWriter out) {
            StageDeployment deployment = deployer.deploy(assembly, arguments.target.stage,
                    arguments.options(progress));
            deployment.stacks().forEach(stack -> stack.outputValues().forEach((name, value) ->
                    out.println(stack.stackName() + "." + name + " = " + value)));
        }
    }

    @Command(name = "destroy", mixinStandardHelpOptions = true,
            description = "Deletes the stage's deployed stacks, the last one first.")
    static final class Destroy extends Operation {
        @Override
        void run(LocalDeployer deployer, CloudAssembly assembly, DeployListener progress, PrintWriter out) {
            deployer.destroy(assembly, arguments.target.stage, arguments.options(progress));
        }
    }
}

package org.jvpn.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the jvpn command line: {@code jvpn demo} and {@code jvpn run CONFIG}. */
@Command(name = "jvpn", mixinStandardHelpOptions = true, version = "jvpn 0.1.0-SNAPSHOT",
        description = "Pure-Java IPsec (IKEv1 + ESP) site-to-site VPN.",
        subcommands = {DemoCommand.class, RunCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code for a bad configuration file or bad usage. */
    public static final int EXIT_CONFIG = 2;

    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int execute(String... args) {
        if (args.length > 0 && args[0].equals("demo") && !DemoCommand.wantsVerbose(args)
                && System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, "warn");
        }
        CommandLine cl = new CommandLine(new Main()); // invalid usage exits with 2 (picocli ExitCode.USAGE)
        return cl.execute(args);
    }
}

package org.jvpn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.jvpn.cli.demo.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jvpn demo}. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Two gateways in this JVM over real UDP on loopback (127.0.0.1 and 127.0.0.2): main mode and quick "
                + "mode with PFS, pings from a host behind A to a host behind B through ESP, the SA tables, counters, "
                + "an outer pcap and a Wireshark key log.",
                "Exit code 0 when the tunnel came up and at most the first ping was lost, 1 otherwise."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--count", defaultValue = "100", description = "pings to send (default ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--interval", defaultValue = "10ms", converter = DurationConverter.class,
            description = "between pings (default ${DEFAULT-VALUE})")
    Duration interval = Duration.ofMillis(10);

    @Option(names = "--ports", defaultValue = "15500,14500", split = ",",
            description = "IKE and NAT-T UDP ports of both gateways (default ${DEFAULT-VALUE})")
    int[] ports = {15500, 14500};

    @Option(names = "--out", description = "directory for outer.pcap and the key log (default: a new temporary directory)")
    @Nullable Path out;

    @Option(names = "--verbose", description = "log the gateways' state changes (info level)")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        if (ports.length != 2 || ports[0] == ports[1]) {
            System.err.println("jvpn demo: --ports needs two different ports, e.g. 15500,14500");
            return Main.EXIT_CONFIG;
        }
        Path dir = out != null ? out : Files.createTempDirectory("jvpn-demo-");
        Demo.Settings s = Demo.Settings.defaults(dir).withPorts(ports[0], ports[1]);
        s = new Demo.Settings(s.addressA(), s.addressB(), s.ikePort(), s.nattPort(), count, interval, s.upTimeout(), dir);
        Demo.Result r;
        try {
            r = Demo.run(s, System.out);
        } catch (java.io.UncheckedIOException e) {
            System.err.println("jvpn demo: " + e.getMessage());
            System.err.println("jvpn demo: are ports " + ports[0] + "/" + ports[1] + " in use? Try e.g. --ports 25500,24500");
            return 1;
        }
        System.out.println(r.success() ? "\ndemo OK: the tunnel carried the pings" : "\ndemo FAILED");
        return r.success() ? 0 : 1;
    }

    static boolean wantsVerbose(String[] args) {
        for (String a : args) {
            if (a.equals("--verbose")) {
                return true;
            }
        }
        return false;
    }
}

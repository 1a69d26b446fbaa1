package org.jvpn.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.ConnectionHandle;
import org.jvpn.api.ConnectionState;
import org.jvpn.api.GatewayOptions;
import org.jvpn.api.VpnGateway;
import org.jvpn.api.config.GatewayConfig;
import org.jvpn.api.config.IpsecSiteConnection;
import org.jvpn.api.spi.io.DatagramTransport;
import org.jvpn.cli.capture.CapturingTransport;
import org.jvpn.cli.config.ConfigFile;
import org.jvpn.cli.config.ConfigFileException;
import org.jvpn.cli.config.JvpnSettings;
import org.jvpn.cli.inner.InnerHostDevice;
import org.jvpn.ike.gateway.UdpTransport;
import org.jvpn.testkit.pcap.PcapWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jvpn run CONFIG}: one real gateway from a configuration file. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a gateway from a JSON file holding the four Neutron VPNaaS resources (ikepolicies, "
                + "ipsecpolicies, vpnservice, ipsec_site_connections) and a jvpn section (see vpn-cli/README.md).",
                "The inner side is a built-in host answering ICMP echo and UDP echo at the configured inner addresses.",
                "Type 'status' (or send nothing and use --status-interval) for the SA table; SIGINT/SIGTERM or "
                        + "'quit' stops it, sending Deletes.",
                "Exit codes: 0 stopped cleanly (or up with --exit-when-up), 1 runtime failure or not up in time, "
                        + "2 bad configuration."})
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger("jvpn");

    @Parameters(index = "0", paramLabel = "CONFIG", description = "the configuration file (JSON)")
    Path config = Path.of("jvpn.json");

    @Option(names = "--exit-when-up", paramLabel = "TIMEOUT", converter = DurationConverter.class,
            description = "print the SA table and exit 0 as soon as every admin-up connection is UP; exit 1 after "
                    + "TIMEOUT (e.g. 30s) otherwise. The gateway is stopped (Deletes sent) before exiting.")
    @Nullable Duration exitWhenUp;

    @Option(names = "--status-interval", paramLabel = "INTERVAL", converter = DurationConverter.class,
            description = "print the SA table every INTERVAL (e.g. 10s)")
    @Nullable Duration statusInterval;

    @Option(names = "--pcap", paramLabel = "FILE", description = "capture the inner packets (both directions) into FILE")
    @Nullable Path innerPcap;

    @Option(names = "--outer-pcap", paramLabel = "FILE", description = "capture the outer UDP datagrams into FILE")
    @Nullable Path outerPcap;

    @Option(names = "--check", description = "only read and validate the configuration, print it and exit")
    boolean check;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        ConfigFile file;
        try {
            file = ConfigFile.read(config);
        } catch (ConfigFileException e) {
            System.err.println("jvpn: invalid configuration: " + e.getMessage());
            return Main.EXIT_CONFIG;
        }
        GatewayConfig gc = file.gateway();
        JvpnSettings js = file.settings();
        for (String w : gc.warnings()) {
            System.err.println("jvpn: warning: " + w);
        }
        if (check) {
            out.println("configuration OK: " + gc);
            return 0;
        }
        KeyLogFiles keyLog = null;
        if (js.keyLogDir() != null) {
            keyLog = new KeyLogFiles(js.keyLogDir());
            System.err.println("*************************************************************************************");
            System.err.println("jvpn: WARNING: writing IKE and ESP SESSION KEYS to " + js.keyLogDir().toAbsolutePath());
            System.err.println("jvpn: anyone holding these files can decrypt this gateway's traffic. Debugging only;");
            System.err.println("jvpn: remove key_log_dir from the configuration for real use, and delete the files.");
            System.err.println("*************************************************************************************");
        }
        int mtu = gc.connections().stream().mapToInt(IpsecSiteConnection::mtu).min().orElse(1500);
        InnerHostDevice device = new InnerHostDevice(js.innerHosts(), js.udpEchoPort(), mtu);
        List<PcapWriter> captures = new ArrayList<>();
        if (innerPcap != null) {
            PcapWriter w = PcapWriter.create(innerPcap, PcapWriter.LINKTYPE_RAW);
            captures.add(w);
            device.capture(w);
        }
        DatagramTransport transport = new UdpTransport(gc.service().localAddress(), js.ikePort(), js.nattPort());
        if (outerPcap != null) {
            PcapWriter w = PcapWriter.create(outerPcap, PcapWriter.LINKTYPE_RAW);
            captures.add(w);
            transport = new CapturingTransport(transport, gc.service().localAddress(), w);
        }
        GatewayOptions.Builder ob = GatewayOptions.builder().transport(transport).tunnel(device)
                .ports(js.ikePort(), js.nattPort());
        if (keyLog != null) {
            ob.keyLog(keyLog);
        }
        VpnGateway gateway = VpnGateway.create(gc, ob.build());
        for (ConnectionHandle h : gateway.connections()) {
            h.addListener(ev -> {
                String detail = ev.detail() == null ? "" : ": " + ev.detail();
                if (ev.kind() == org.jvpn.api.ConnectionEvent.Kind.NEGOTIATION_FAILED) {
                    LOG.warn("{} {} -> {}{}", ev.connection(), ev.kind(), ev.state(), detail);
                } else {
                    LOG.info("{} {} -> {}{}", ev.connection(), ev.kind(), ev.state(), detail);
                }
            });
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            shutdown(gateway, captures);
            stopped.countDown();
        }, "jvpn-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            gateway.start();
        } catch (RuntimeException e) {
            System.err.println("jvpn: " + e.getMessage());
            if (Runtime.getRuntime().removeShutdownHook(hook)) {
                shutdown(gateway, captures);
            }
            return 1;
        }
        LOG.info("gateway '{}' started on {} (UDP {}/{}), inner host {} (UDP echo port {}), {} connection(s)",
                gc.service().name(), gc.service().localAddress().getHostAddress(), js.ikePort(), js.nattPort(),
                js.innerHosts().stream().map(a -> a.getHostAddress()).toList(), js.udpEchoPort(), gc.connections().size());

        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jvpn-status");
            t.setDaemon(true);
            return t;
        });
        try {
            if (statusInterval != null && !statusInterval.isZero()) {
                long ms = statusInterval.toMillis();
                timer.scheduleAtFixedRate(() -> out.print(gateway.statusReport()), ms, ms, TimeUnit.MILLISECONDS);
            }
            if (exitWhenUp != null) {
                boolean up = awaitAllUp(gateway, exitWhenUp);
                out.print(gateway.statusReport());
                out.flush();
                if (!up) {
                    for (ConnectionHandle h : gateway.connections()) {
                        if (h.state() != ConnectionState.UP) {
                            System.err.printf(Locale.ROOT, "jvpn: connection %s is %s after %ds%s%n", h.name(), h.state(),
                                    exitWhenUp.toSeconds(), h.lastError().map(e -> ": " + e).orElse(""));
                        }
                    }
                }
                if (Runtime.getRuntime().removeShutdownHook(hook)) {
                    shutdown(gateway, captures);
                }
                return up ? 0 : 1;
            }
            startConsole(gateway, out);
            stopped.await();
            return 0;
        } finally {
            timer.shutdownNow();
        }
    }

    /** Reads commands from stdin: {@code status}, {@code quit}. EOF is ignored (run in the background). */
    private static void startConsole(VpnGateway gateway, PrintStream out) {
        Thread t = new Thread(() -> {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            try {
                String line;
                while ((line = in.readLine()) != null) {
                    String cmd = line.trim().toLowerCase(Locale.ROOT);
                    switch (cmd) {
                        case "" -> { }
                        case "status", "s" -> {
                            out.print(gateway.statusReport());
                            out.flush();
                        }
                        case "quit", "exit", "stop" -> System.exit(0);
                        default -> System.err.println("jvpn: commands: status, quit");
                    }
                }
            } catch (IOException e) {
                LOG.debug("stdin closed: {}", e.toString());
            }
        }, "jvpn-console");
        t.setDaemon(true);
        t.start();
    }

    private static boolean awaitAllUp(VpnGateway gateway, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ConnectionHandle h : gateway.connections()) {
            if (!h.config().adminStateUp() || !gateway.config().service().adminStateUp()) {
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !h.awaitUp(Duration.ofNanos(left))) {
                return false;
            }
        }
        return true;
    }

    private static void shutdown(VpnGateway gateway, List<PcapWriter> captures) {
        LOG.info("stopping: sending Deletes");
        try {
            gateway.stop(Duration.ofSeconds(3));
        } catch (RuntimeException e) {
            LOG.warn("stop failed: {}", e.toString());
        }
        for (PcapWriter w : captures) {
            synchronized (w) {
                try {
                    w.close();
                } catch (IOException e) {
                    LOG.warn("closing a capture failed: {}", e.toString());
                }
            }
        }
        LOG.info("stopped");
    }

}

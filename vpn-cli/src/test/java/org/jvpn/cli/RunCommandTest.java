package org.jvpn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvpn.api.GatewayOptions;
import org.jvpn.api.VpnGateway;
import org.jvpn.cli.config.ConfigFile;
import org.jvpn.cli.inner.InnerHostDevice;
import org.jvpn.cli.inner.PingResult;
import org.jvpn.testkit.ip.IpPackets;
import org.jvpn.testkit.pcap.PcapReader;

/**
 * {@code jvpn run A.json --exit-when-up} against site B (the other loopback example) running in-process
 * on the same two free ports; then B's inner host pings A's while A runs as {@code jvpn run}.
 */
class RunCommandTest {

    @Test
    void runBringsTheTunnelUpAndExitsZero(@TempDir Path dir) throws Exception {
        int[] ports = freePorts();
        Path a = withPorts(Path.of("examples", "loopback-site-a.json"), dir.resolve("a.json"), ports,
                dir.resolve("keys").toString());
        Path b = withPorts(Path.of("examples", "loopback-site-b.json"), dir.resolve("b.json"), ports, null);
        ConfigFile fb = ConfigFile.read(b);
        InnerHostDevice devB = new InnerHostDevice(fb.settings().innerHosts(), 7, 1400);
        try (VpnGateway gwB = VpnGateway.create(fb.gateway(), GatewayOptions.builder().tunnel(devB)
                .ports(ports[0], ports[1]).build())) {
            gwB.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream saved = System.out;
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int rc;
            try {
                rc = Main.execute("run", a.toString(), "--exit-when-up", "15s", "--outer-pcap",
                        dir.resolve("outer.pcap").toString());
            } finally {
                System.setOut(saved);
            }
            String text = out.toString(StandardCharsets.UTF_8);
            assertEquals(0, rc, text);
            assertTrue(text.contains("connection to-b: UP"), text);
            assertTrue(Files.size(dir.resolve("keys").resolve("esp_sa")) > 0, "key log written");
            assertTrue(PcapReader.read(dir.resolve("outer.pcap")).size() >= 9, "main mode and quick mode captured");
        }
    }

    @Test
    void innerHostOfRunAnswersPings(@TempDir Path dir) throws Exception {
        int[] ports = freePorts();
        Path a = withPorts(Path.of("examples", "loopback-site-a.json"), dir.resolve("a.json"), ports, null);
        Path b = withPorts(Path.of("examples", "loopback-site-b.json"), dir.resolve("b.json"), ports, null);
        ConfigFile fa = ConfigFile.read(a);
        ConfigFile fb = ConfigFile.read(b);
        // site A as `run` builds it, site B as an embedding host would; B pings A's built-in inner host
        InnerHostDevice devA = new InnerHostDevice(fa.settings().innerHosts(), fa.settings().udpEchoPort(), 1500);
        InnerHostDevice devB = new InnerHostDevice(fb.settings().innerHosts(), 7, 1400);
        try (VpnGateway gwB = VpnGateway.create(fb.gateway(), GatewayOptions.builder().tunnel(devB).ports(ports[0], ports[1]).build());
             VpnGateway gwA = VpnGateway.create(fa.gateway(), GatewayOptions.builder().tunnel(devA).ports(ports[0], ports[1]).build())) {
            gwB.start();
            gwA.start();
            assertTrue(gwA.connection("to-b").orElseThrow().awaitUp(Duration.ofSeconds(15)), gwA.statusReport());
            assertTrue(gwB.connection("to-a").orElseThrow().awaitUp(Duration.ofSeconds(15)), gwB.statusReport());
            PingResult r = devB.ping(IpPackets.address("10.2.0.20"), IpPackets.address("10.1.0.10"), 20,
                    Duration.ofMillis(5), 56).await(Duration.ofSeconds(5), Duration.ofSeconds(15));
            assertTrue(r.received() >= 19, r.summary());
            assertTrue(devA.counters().echoRequestsAnswered() >= 19, devA.counters().toString());
        }
    }

    private static Path withPorts(Path example, Path target, int[] ports, @org.jspecify.annotations.Nullable String keyLogDir) throws Exception {
        String s = Files.readString(example).replace("\"ike_port\": 15500", "\"ike_port\": " + ports[0])
                .replace("\"natt_port\": 14500", "\"natt_port\": " + ports[1]
                        + (keyLogDir == null ? "" : ", \"key_log_dir\": \"" + keyLogDir.replace("\\", "\\\\") + "\""));
        return Files.writeString(target, s);
    }

    /** Two UDP ports free on both 127.0.0.1 and 127.0.0.2 right now. */
    static int[] freePorts() throws SocketException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int[] p = new int[2];
            try (DatagramSocket x = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                 DatagramSocket y = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
                p[0] = x.getLocalPort();
                p[1] = y.getLocalPort();
            }
            if (p[0] != p[1] && free(p[0]) && free(p[1])) {
                return p;
            }
        }
        throw new IllegalStateException("no two free UDP ports on 127.0.0.1 and 127.0.0.2");
    }

    private static boolean free(int port) {
        try (DatagramSocket a = new DatagramSocket(new InetSocketAddress("127.0.0.1", port));
             DatagramSocket b = new DatagramSocket(new InetSocketAddress("127.0.0.2", port))) {
            return true;
        } catch (SocketException e) {
            return false;
        }
    }
}

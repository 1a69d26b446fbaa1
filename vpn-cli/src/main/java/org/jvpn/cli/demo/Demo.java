package org.jvpn.cli.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.ConnectionHandle;
import org.jvpn.api.ConnectionStats;
import org.jvpn.api.GatewayOptions;
import org.jvpn.api.VpnGateway;
import org.jvpn.api.config.GatewayConfig;
import org.jvpn.api.config.IkePolicy;
import org.jvpn.api.config.IpsecPolicy;
import org.jvpn.api.config.IpsecSiteConnection;
import org.jvpn.api.config.VpnService;
import org.jvpn.api.spi.crypto.RandomSource;
import org.jvpn.api.spi.io.DatagramTransport;
import org.jvpn.api.spi.keylog.KeyLogSink;
import org.jvpn.cli.capture.CapturingTransport;
import org.jvpn.cli.inner.InnerHostDevice;
import org.jvpn.cli.inner.PingResult;
import org.jvpn.cli.inner.PingSession;
import org.jvpn.ike.gateway.UdpTransport;
import org.jvpn.testkit.ip.IpPackets;
import org.jvpn.testkit.pcap.PcapWriter;
import org.jvpn.testkit.pcap.WiresharkKeyLog;

/**
 * The demo: two gateways in one JVM over real UDP on loopback. Site A (127.0.0.1, subnet 10.1.0.0/24,
 * host 10.1.0.10) initiates main mode and quick mode with PFS to site B (127.0.0.2, subnet 10.2.0.0/24,
 * host 10.2.0.20, response-only); the host behind A pings the host behind B through ESP; both SA tables,
 * the counters, an outer pcap of A's datagrams and a Wireshark key log are written.
 */
public final class Demo {

    public static final String IKE_PROPOSAL = "aes256-sha256-modp2048";
    public static final String ESP_PROPOSAL = "aes128gcm16-modp2048";
    public static final String HOST_A = "10.1.0.10";
    public static final String HOST_B = "10.2.0.20";

    /**
     * What the demo does.
     *
     * @param addressA   gateway A's outer address (default 127.0.0.1)
     * @param addressB   gateway B's outer address (default 127.0.0.2)
     * @param ikePort    IKE port of both gateways (default 15500)
     * @param nattPort   NAT-T port of both gateways (default 14500)
     * @param count      pings (default 100)
     * @param interval   between pings (default 10 ms)
     * @param upTimeout  how long the tunnel may take to come up (default 5 s)
     * @param outDir     where the pcap and key log go
     */
    public record Settings(InetAddress addressA, InetAddress addressB, int ikePort, int nattPort, int count, Duration interval,
                           Duration upTimeout, Path outDir) {

        public static Settings defaults(Path outDir) {
            return new Settings(IpPackets.address("127.0.0.1"), IpPackets.address("127.0.0.2"), 15500, 14500, 100,
                    Duration.ofMillis(10), Duration.ofSeconds(5), outDir);
        }

        public Settings withPorts(int ike, int natt) {
            return new Settings(addressA, addressB, ike, natt, count, interval, upTimeout, outDir);
        }
    }

    /**
     * What happened.
     *
     * @param up          whether both ends were UP
     * @param ping        the ping results (null when the tunnel did not come up)
     * @param outerPcap   the outer capture (gateway A's datagrams)
     * @param keyLogDir   the Wireshark configuration directory holding the key tables
     * @param statusA     gateway A's SA table after the pings
     * @param statusB     gateway B's SA table after the pings
     * @param statsA      A's connection counters
     * @param statsB      B's connection counters
     * @param espSas      ESP SAs in the key log
     */
    public record Result(boolean up, @Nullable PingResult ping,
                         Path outerPcap, Path keyLogDir, String statusA, String statusB, ConnectionStats statsA,
                         ConnectionStats statsB, int espSas) {

        /** Tunnel up and at most the first ping lost. */
        public boolean success() {
            return up && ping != null && ping.transmitted() > 0 && ping.lost() <= 1;
        }
    }

    private Demo() {}

    /** Runs the demo, printing progress and results to {@code out}. */
    public static Result run(Settings s, PrintStream out) throws IOException, InterruptedException {
        IkePolicy ike = IkePolicy.fromProposal("demo-ike", IKE_PROPOSAL);
        IpsecPolicy esp = IpsecPolicy.fromProposal("demo-esp", ESP_PROPOSAL);
        byte[] pskBytes = RandomSource.secure().nextBytes(24);
        String psk = HexFormat.of().formatHex(pskBytes);
        java.util.Arrays.fill(pskBytes, (byte) 0);

        VpnService svcA = VpnService.builder("site-a").localAddress(s.addressA()).localSubnets("10.1.0.0/24").build();
        VpnService svcB = VpnService.builder("site-b").localAddress(s.addressB()).localSubnets("10.2.0.0/24").build();
        IpsecSiteConnection toB = IpsecSiteConnection.builder("a-to-b").service(svcA).ikePolicy(ike).ipsecPolicy(esp)
                .peerAddress(s.addressB()).peerCidrs("10.2.0.0/24").psk(psk).build();
        IpsecSiteConnection toA = IpsecSiteConnection.builder("b-to-a").service(svcB).ikePolicy(ike).ipsecPolicy(esp)
                .peerAddress(s.addressA()).peerCidrs("10.1.0.0/24").psk(psk).initiator("response-only").build();

        InetAddress hostA = IpPackets.address(HOST_A);
        InetAddress hostB = IpPackets.address(HOST_B);
        InnerHostDevice devA = new InnerHostDevice(List.of(hostA), 7, 1400);
        InnerHostDevice devB = new InnerHostDevice(List.of(hostB), 7, 1400);
        Path pcapPath = s.outDir().resolve("outer.pcap");
        Path keyDir = s.outDir().resolve("wireshark");
        WiresharkKeyLog keyLog = new WiresharkKeyLog();
        PcapWriter pcap = PcapWriter.create(pcapPath, PcapWriter.LINKTYPE_RAW);

        out.printf(Locale.ROOT, "jvpn demo: site A %s (10.1.0.0/24, host %s)  <== IKEv1 + ESP-in-UDP ==>  site B %s "
                + "(10.2.0.0/24, host %s)%n", s.addressA().getHostAddress(), HOST_A, s.addressB().getHostAddress(), HOST_B);
        out.printf(Locale.ROOT, "  IKE %s (main mode, PSK), ESP %s (quick mode with PFS), UDP ports %d/%d%n",
                IKE_PROPOSAL, ESP_PROPOSAL, s.ikePort(), s.nattPort());

        DatagramTransport ta = new CapturingTransport(new UdpTransport(s.addressA(), s.ikePort(), s.nattPort()),
                s.addressA(), pcap);
        DatagramTransport tb = new UdpTransport(s.addressB(), s.ikePort(), s.nattPort());
        VpnGateway a = VpnGateway.create(GatewayConfig.of(svcA, List.of(toB)), options(ta, devA, s, keyLog));
        VpnGateway b = VpnGateway.create(GatewayConfig.of(svcB, List.of(toA)), options(tb, devB, s, KeyLogSink.none()));
        List<VpnGateway> started = new ArrayList<>();
        try {
            b.start();
            started.add(b);
            a.start();
            started.add(a);
            ConnectionHandle ha = a.connection("a-to-b").orElseThrow();
            ConnectionHandle hb = b.connection("b-to-a").orElseThrow();
            long t0 = System.nanoTime();
            boolean up = ha.awaitUp(s.upTimeout()) && hb.awaitUp(s.upTimeout());
            long upMs = (System.nanoTime() - t0) / 1_000_000;
            PingResult ping = null;
            if (up) {
                out.printf(Locale.ROOT, "%ntunnel up in %d ms%n%nPING %s from %s: %d echo requests, interval %d ms%n",
                        upMs, HOST_B, HOST_A, s.count(), s.interval().toMillis());
                PingSession session = devA.ping(hostA, hostB, s.count(), s.interval(), 56);
                Duration sending = s.interval().multipliedBy(s.count());
                ping = session.await(Duration.ofSeconds(1), sending.plusSeconds(3));
                out.println();
                out.print(ping.summary());
            } else {
                out.printf(Locale.ROOT, "%ntunnel NOT up after %d ms:%n  A: %s %s%n  B: %s %s%n", upMs, ha.state(),
                        ha.lastError().orElse(""), hb.state(), hb.lastError().orElse(""));
            }
            String statusA = a.statusReport();
            String statusB = b.statusReport();
            out.printf(Locale.ROOT, "%n%s%n%s", statusA, statusB);
            out.printf(Locale.ROOT, "%ninner host A (%s): %s%ninner host B (%s): %s%n", HOST_A, devA.counters(), HOST_B, devB.counters());
            ConnectionStats sa = ha.stats();
            ConnectionStats sb = hb.stats();
            stopAll(started);
            started.clear();
            synchronized (pcap) {
                pcap.close();
            }
            keyLog.writeTo(keyDir);
            out.printf(Locale.ROOT, "%nouter capture (gateway A's UDP datagrams): %s (%d packets)%n", pcapPath, pcap.records());
            out.printf(Locale.ROOT, "key log (SECRETS of this demo's SAs, Wireshark tables esp_sa and ikev1_decryption_table): %s%n",
                    keyDir);
            out.printf(Locale.ROOT, "decrypt it:%n  WIRESHARK_CONFIG_DIR=%s tshark -r %s -d udp.port==%d,isakmp "
                    + "-d udp.port==%d,udpencap%n", keyDir, pcapPath, s.ikePort(), s.nattPort());
            out.printf(Locale.ROOT, "  (Wireshark: copy the files into your profile, or start it with the same "
                    + "WIRESHARK_CONFIG_DIR, and Decode As UDP %d ISAKMP, UDP %d UDPENCAP)%n", s.ikePort(), s.nattPort());
            return new Result(up, ping, pcapPath, keyDir, statusA, statusB, sa, sb, keyLog.espSaLines().size());
        } finally {
            stopAll(started);
            synchronized (pcap) {
                pcap.close();
            }
        }
    }

    private static GatewayOptions options(DatagramTransport t, InnerHostDevice dev, Settings s, KeyLogSink keyLog) {
        return GatewayOptions.builder().transport(t).tunnel(dev).keyLog(keyLog).ports(s.ikePort(), s.nattPort()).build();
    }

    private static void stopAll(List<VpnGateway> gateways) {
        for (VpnGateway g : gateways) {
            g.stop(Duration.ofSeconds(1));
        }
    }
}

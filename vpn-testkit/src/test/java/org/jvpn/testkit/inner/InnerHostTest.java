package org.jvpn.testkit.inner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvpn.api.spi.io.PacketBuffer;
import org.jvpn.testkit.SeededRandom;
import org.jvpn.testkit.TestSupport;
import org.jvpn.testkit.VpnAssertions;
import org.jvpn.testkit.ip.IpPackets;
import org.jvpn.testkit.net.Impairments;
import org.jvpn.testkit.net.VirtualHost;
import org.jvpn.testkit.net.VirtualNetwork;
import org.jvpn.testkit.time.VirtualScheduler;

/**
 * Two memory tunnel devices joined by a stand-in "gateway" that carries each inner packet as one UDP
 * datagram over the virtual network (no encryption): the inner hosts, the network and the captures
 * work together as they will with real gateways.
 */
class InnerHostTest {

    /** Not 500/4500, so tshark does not take the carried inner packets for IKE or ESP. */
    private static final int CARRIER_PORT = 5555;

    private final VirtualScheduler s = new VirtualScheduler();
    private final VirtualNetwork net = new VirtualNetwork(s, new SeededRandom(99));
    private final VirtualHost gwA = net.host("198.51.100.1", CARRIER_PORT);
    private final VirtualHost gwB = net.host("203.0.113.2", CARRIER_PORT);
    private final MemoryTunnelDevice devA = new MemoryTunnelDevice("a", s);
    private final MemoryTunnelDevice devB = new MemoryTunnelDevice("b", s);
    private final InnerHost hostA4 = devA.addHost("10.1.0.2");
    private final InnerHost hostB4 = devB.addHost("10.2.0.2");
    private final InnerHost hostA6 = devA.addHost("2001:db8:1::2");
    private final InnerHost hostB6 = devB.addHost("2001:db8:2::2");

    InnerHostTest() throws IOException {
        join(devA, gwA, gwB.endpoint(CARRIER_PORT));
        join(devB, gwB, gwA.endpoint(CARRIER_PORT));
        net.link("198.51.100.1", "203.0.113.2").impair(Impairments.none().withDelay(Duration.ofMillis(15)));
    }

    private static void join(MemoryTunnelDevice dev, VirtualHost gw, InetSocketAddress peer) throws IOException {
        dev.open(p -> {
            assertTrue(p.headroom() >= PacketBuffer.DEFAULT_HEADROOM && p.tailroom() >= PacketBuffer.DEFAULT_TAILROOM);
            gw.send(CARRIER_PORT, peer, p);
        });
        gw.open((port, remote, dg) -> dev.write(dg));
    }

    @Test
    void pingV4AndV6WithRttOnVirtualTime() throws IOException {
        Pinger p4 = hostA4.pinger("10.2.0.2").start(5, Duration.ofSeconds(1));
        Pinger p6 = hostA6.pinger("2001:db8:2::2").start(5, Duration.ofSeconds(1));
        s.runFor(Duration.ofSeconds(6));
        VpnAssertions.assertAllPingsAnswered(p4);
        VpnAssertions.assertAllPingsAnswered(p6);
        assertEquals(Duration.ofMillis(30), p4.stats().rttAvg());
        assertEquals(Duration.ofMillis(30), p6.stats().rttMax());
        assertTrue(p4.summary().contains("5 packets transmitted, 5 received, 0% packet loss"), p4.summary());
        VpnAssertions.assertNoBadChecksums(hostA4, hostB4, hostA6, hostB6);
        VpnAssertions.assertDeviceDroppedNothing(devA);
        Path dir = TestSupport.samples();
        net.writePcap(dir.resolve("outer-udp-carried-pings.pcap"));
        devA.capture().writePcap(dir.resolve("inner-pings-a.pcap"));
        assertEquals(20, devA.capture().size()); // 5 requests out and 5 replies in, per address family
    }

    @Test
    void pingLossIsReportedLikePing() {
        net.link("198.51.100.1", "203.0.113.2").impair(Impairments.none().withLoss(30));
        Pinger p = hostA4.pinger("10.2.0.2").start(100, Duration.ofMillis(100));
        s.runFor(Duration.ofSeconds(11));
        PingStats st = p.stats();
        assertEquals(100, st.transmitted());
        assertTrue(st.received() < 70 && st.received() > 30, st.summary());
        assertTrue(st.summary().startsWith("100 packets transmitted, " + st.received() + " received, "
                + (100 - st.received()) + "% packet loss"), st.summary());
    }

    @Test
    void udpEchoAndNumberedStreams() {
        hostB4.udpEcho(7);
        List<byte[]> echoed = new ArrayList<>();
        hostA4.onUdp(5000, (src, port, data) -> echoed.add(data));
        hostA4.sendUdp(5000, hostB4.address(), 7, new byte[] {1, 2, 3});
        UdpSink sink = hostB6.udpSink(9000);
        UdpSource src = hostA6.udpSource(9001, "2001:db8:2::2", 9000).start(1000, Duration.ofMillis(1), 200);
        s.runFor(Duration.ofSeconds(2));
        assertEquals(1, echoed.size());
        VpnAssertions.assertStreamDeliveredInOrder(src, sink);
        assertEquals(1000, sink.stats(src.sent()).unique());
    }

    @Test
    void streamsReportLossDuplicationAndReordering() {
        net.link("198.51.100.1", "203.0.113.2").impair(Impairments.none().withLoss(5).withDuplication(5)
                .withReordering(5, Duration.ofMillis(3)).withDelay(Duration.ofMillis(10)));
        UdpSink sink = hostB4.udpSink(9000);
        UdpSource src = hostA4.udpSource(9001, "10.2.0.2", 9000).start(2000, Duration.ofMillis(1), 64);
        s.runFor(Duration.ofSeconds(3));
        UdpStreamStats st = sink.stats(src.sent());
        assertTrue(st.lost() > 50 && st.lost() < 150, st.toString());
        assertTrue(st.duplicates() > 40, st.toString());
        assertTrue(st.reordered() > 40, st.toString());
        assertEquals(0, st.corrupt());
        assertEquals(st.received(), st.unique() + st.duplicates());
        VpnAssertions.assertStreamLossAtMost(src, sink, 10);
    }

    @Test
    void oversizePacketsAndUnknownDestinationsAreCounted() {
        assertFalse(hostA4.sendUdp(1, hostB4.address(), 2, new byte[MemoryTunnelDevice.DEFAULT_MTU]));
        devA.write(PacketBuffer.copyOf(IpPackets.udp(hostB4.address(), 1, IpPackets.address("10.1.0.99"), 2, new byte[1])));
        s.runUntilIdle();
        assertEquals(1, devA.stats().droppedOversize());
        assertEquals(1, devA.stats().droppedNoHost());
    }

    @Test
    void tsharkReadsTheSamplesWithoutMalformedFrames() throws Exception {
        assumeTrue(TestSupport.tshark() != null, "tshark not installed");
        pingV4AndV6WithRttOnVirtualTime();
        hostB4.udpEcho(7);
        hostA4.sendUdp(5000, hostB4.address(), 7, new byte[100]);
        s.runFor(Duration.ofSeconds(1));
        Path outer = TestSupport.samples().resolve("tshark-outer.pcap");
        Path inner = TestSupport.samples().resolve("tshark-inner.pcap");
        net.writePcap(outer);
        devB.capture().writePcap(inner);
        for (Path f : List.of(outer, inner)) {
            String bad = TestSupport.tshark(List.of("-r", f.toString(), "-Y",
                    "_ws.malformed || _ws.expert.severity >= warning || ip.checksum.status == \"Bad\""
                    + " || udp.checksum.status == \"Bad\" || icmp.checksum.status == \"Bad\"",
                    "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE"));
            assertEquals("", bad, f + " has malformed or bad-checksum frames");
            String all = TestSupport.tshark(List.of("-r", f.toString()));
            assertTrue(all.lines().count() > 20, all);
        }
        String inner6 = TestSupport.tshark(List.of("-r", inner.toString(), "-Y", "icmpv6.type == 129"));
        assertEquals(5, inner6.lines().count(), inner6);
    }
}

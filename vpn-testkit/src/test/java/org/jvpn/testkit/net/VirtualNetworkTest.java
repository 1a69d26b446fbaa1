package org.jvpn.testkit.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvpn.api.spi.io.PacketBuffer;
import org.jvpn.testkit.SeededRandom;
import org.jvpn.testkit.TestSupport;
import org.jvpn.testkit.ip.IpPackets;
import org.jvpn.testkit.time.VirtualScheduler;

class VirtualNetworkTest {

    private final VirtualScheduler s = new VirtualScheduler();
    private final VirtualNetwork net = new VirtualNetwork(s, new SeededRandom(20250101));
    private final VirtualHost a = net.host("198.51.100.1");
    private final VirtualHost b = net.host("198.51.100.2");
    private final List<Long> got = new ArrayList<>();
    private final List<InetSocketAddress> from = new ArrayList<>();

    VirtualNetworkTest() throws IOException {
        a.open((port, remote, dg) -> { });
        b.open((port, remote, dg) -> {
            got.add(ByteBuffer.wrap(dg.array(), dg.offset(), dg.length()).getLong());
            from.add(remote);
            assertTrue(dg.headroom() >= PacketBuffer.DEFAULT_HEADROOM);
            assertTrue(dg.tailroom() >= PacketBuffer.DEFAULT_TAILROOM);
        });
    }

    private void sendNumbered(int n, int size) {
        for (long i = 0; i < n; i++) {
            byte[] p = new byte[size];
            ByteBuffer.wrap(p).putLong(i);
            assertTrue(a.send(500, b.endpoint(500), p));
        }
    }

    /** Loss of 20% over 10,000 datagrams: sigma = sqrt(10000*0.2*0.8) = 40, so ±1.5% is beyond 3.7 sigma. */
    private static LinkStats lossRun(long seed) {
        VirtualScheduler s = new VirtualScheduler();
        VirtualNetwork net = new VirtualNetwork(s, new SeededRandom(seed));
        VirtualHost x = net.host("198.51.100.1");
        VirtualHost y = net.host("198.51.100.2");
        long[] received = {0};
        x.open((p, r, d) -> { });
        y.open((p, r, d) -> received[0]++);
        net.link("198.51.100.1", "198.51.100.2").impair(Impairments.none().withLoss(20));
        for (int i = 0; i < 10_000; i++) {
            x.send(500, y.endpoint(500), new byte[] {1, 2, 3});
        }
        s.runUntilIdle();
        LinkStats st = net.link("198.51.100.1", "198.51.100.2").stats();
        assertEquals(st.delivered(), received[0]);
        return st;
    }

    @Test
    void twentyPercentLossLandsInBandAndRepeatsWithTheSameSeed() {
        LinkStats first = lossRun(42);
        assertEquals(10_000, first.sent());
        assertTrue(first.lossPercent() >= 18.5 && first.lossPercent() <= 21.5, "loss " + first.lossPercent());
        assertEquals(10_000, first.lost() + first.delivered());
        assertEquals(first, lossRun(42));
        LinkStats other = lossRun(43);
        assertTrue(other.lossPercent() >= 18.5 && other.lossPercent() <= 21.5, "loss " + other.lossPercent());
        assertFalse(first.equals(other), "another seed gives another run");
    }

    @Test
    void zeroDelayDeliversOnTheNextRunNeverInsideSend() {
        sendNumbered(1, 16);
        assertTrue(got.isEmpty());
        s.runDue();
        assertEquals(List.of(0L), got);
        assertEquals(a.endpoint(500), from.get(0));
    }

    @Test
    void senderKeepsItsBuffer() {
        byte[] p = new byte[16];
        ByteBuffer.wrap(p).putLong(7);
        a.send(500, b.endpoint(500), p);
        p[7] = 9;
        s.runDue();
        assertEquals(List.of(7L), got);
    }

    @Test
    void delayAndJitterAreOnVirtualTime() {
        net.link("198.51.100.1", "198.51.100.2").impair(Impairments.none().withDelay(Duration.ofMillis(50))
                .withJitter(Duration.ofMillis(10)));
        sendNumbered(100, 16);
        s.advance(Duration.ofMillis(39));
        assertTrue(got.isEmpty());
        s.advance(Duration.ofMillis(21));
        assertEquals(100, got.size());
    }

    @Test
    void duplicationAndReorderingAreCounted() {
        net.link("198.51.100.1", "198.51.100.2").impair(Impairments.none().withDuplication(10)
                .withReordering(10, Duration.ofMillis(5)));
        for (int i = 0; i < 1000; i++) {
            sendNumbered(0, 0);
            byte[] p = new byte[8];
            ByteBuffer.wrap(p).putLong(i);
            a.send(500, b.endpoint(500), p);
            s.advance(Duration.ofMillis(1));
        }
        s.runUntilIdle();
        LinkStats st = net.link("198.51.100.1", "198.51.100.2").stats();
        assertEquals(1000 + st.duplicated(), got.size());
        assertTrue(st.duplicated() > 60 && st.duplicated() < 140, "duplicated " + st.duplicated());
        assertTrue(st.reordered() > 60, "reordered " + st.reordered());
        long outOfOrder = 0;
        long max = -1;
        for (long v : got) {
            if (v < max) {
                outOfOrder++;
            }
            max = Math.max(max, v);
        }
        assertTrue(outOfOrder > 50, "arrivals out of order " + outOfOrder);
    }

    @Test
    void mtuDropsLargerDatagramsAndCountsThem() {
        net.link("198.51.100.1", "198.51.100.2").impair(Impairments.none().withMtu(1400));
        sendNumbered(1, 1400 - 28);
        sendNumbered(1, 1400 - 27);
        s.runDue();
        assertEquals(1, got.size());
        assertEquals(1, net.link("198.51.100.1", "198.51.100.2").stats().mtuDropped());
    }

    @Test
    void partitionCutsAndHeals() {
        Link l = net.link("198.51.100.1", "198.51.100.2").impair(Impairments.none().withDelay(Duration.ofMillis(10)));
        sendNumbered(1, 8); // in flight when the link is cut
        l.partition();
        sendNumbered(1, 8);
        s.advance(Duration.ofMillis(20));
        assertTrue(got.isEmpty());
        assertEquals(2, l.stats().partitionDropped());
        l.heal();
        sendNumbered(1, 8);
        s.advance(Duration.ofMillis(20));
        assertEquals(1, got.size());
    }

    @Test
    void closedHostsAndUnboundPortsRefuseAndDrop() {
        assertFalse(a.send(1234, b.endpoint(500), new byte[1]));
        assertEquals(1, a.sendRejected());
        a.send(500, b.endpoint(999), new byte[1]);
        a.send(500, new InetSocketAddress(IpPackets.address("192.0.2.99"), 500), new byte[1]);
        s.runDue();
        assertEquals(1, b.undeliverable());
        assertEquals(1, net.noRoute());
        b.close();
        a.send(500, b.endpoint(500), new byte[1]);
        s.runDue();
        assertTrue(got.isEmpty());
        assertEquals(List.of(), b.localEndpoints());
        assertEquals(List.of(a.endpoint(500), a.endpoint(4500)), a.localEndpoints());
    }

    @Test
    void receivedBuffersArePoisonedAfterTheCallback() {
        PacketBuffer[] kept = new PacketBuffer[1];
        VirtualHost c = net.host("198.51.100.3");
        c.open((p, r, d) -> kept[0] = d);
        a.send(500, c.endpoint(500), new byte[] {1, 2, 3});
        s.runDue();
        assertEquals(0, kept[0].length());
    }

    @Test
    void captureHoldsTheWireViewAndWritesAPcap() throws IOException {
        a.send(4500, b.endpoint(4500), new byte[] {(byte) 0xff});
        s.runDue();
        assertEquals(1, net.capture().size());
        var ip = net.capture().entries().get(0).ip();
        assertEquals(a.address(), ip.source());
        var udp = ip.udp();
        assertEquals(4500, udp.sourcePort());
        assertArrayEquals(new byte[] {(byte) 0xff}, udp.data());
        assertTrue(ip.checksumsOk());
        net.writePcap(TestSupport.samples().resolve("outer-nat-keepalive.pcap"));
    }
}

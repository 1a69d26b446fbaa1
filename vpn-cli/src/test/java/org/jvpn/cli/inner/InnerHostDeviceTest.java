package org.jvpn.cli.inner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvpn.api.spi.io.PacketBuffer;
import org.jvpn.testkit.ip.IpPacket;
import org.jvpn.testkit.ip.IpPackets;

class InnerHostDeviceTest {

    static final InetAddress HOST = IpPackets.address("203.0.113.130");
    static final InetAddress HOST6 = IpPackets.address("2001:db8:1::130");
    static final InetAddress PEER = IpPackets.address("203.0.113.1");
    static final InetAddress PEER6 = IpPackets.address("2001:db8:2::1");
    static final long TIMEOUT_S = 10;

    final InnerHostDevice dev = new InnerHostDevice(List.of(HOST, HOST6), 7, 1500);
    final BlockingQueue<byte[]> toGateway = new LinkedBlockingQueue<>();
    final BlockingQueue<String> bufferShapes = new LinkedBlockingQueue<>();

    InnerHostDeviceTest() throws Exception {
        dev.open(b -> {
            bufferShapes.add(b.headroom() + "/" + b.tailroom());
            toGateway.add(b.toByteArray());
        });
    }

    @AfterEach
    void close() {
        dev.close();
    }

    private IpPacket next() throws InterruptedException {
        byte[] p = toGateway.poll(TIMEOUT_S, TimeUnit.SECONDS);
        assertNotNull(p, "nothing sent to the gateway");
        IpPacket ip = IpPacket.parse(p);
        assertTrue(ip.checksumsOk(), "bad checksum in " + ip);
        return ip;
    }

    @Test
    void answersIpv4EchoWithCorrectChecksums() throws Exception {
        byte[] data = "hello through the tunnel".getBytes(StandardCharsets.US_ASCII);
        assertTrue(dev.write(PacketBuffer.copyOf(IpPackets.echoRequest(PEER, HOST, 0x1234, 7, data))));
        IpPacket r = next();
        assertEquals(HOST, r.source());
        assertEquals(PEER, r.destination());
        IpPacket.Echo e = r.echo();
        assertNotNull(e);
        assertFalse(e.request());
        assertEquals(0x1234, e.identifier());
        assertEquals(7, e.sequence());
        assertArrayEquals(data, e.data());
        assertEquals(1, dev.counters().echoRequestsAnswered());
        String shape = bufferShapes.poll(TIMEOUT_S, TimeUnit.SECONDS);
        assertNotNull(shape);
        String[] hr = shape.split("/");
        assertTrue(Integer.parseInt(hr[0]) >= PacketBuffer.DEFAULT_HEADROOM, shape);
        assertTrue(Integer.parseInt(hr[1]) >= PacketBuffer.DEFAULT_TAILROOM, shape);
    }

    @Test
    void answersIpv6Echo() throws Exception {
        byte[] data = new byte[100];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        assertTrue(dev.write(PacketBuffer.copyOf(IpPackets.echoRequest(PEER6, HOST6, 9, 65535, data))));
        IpPacket r = next();
        assertEquals(6, r.version());
        assertEquals(HOST6, r.source());
        IpPacket.Echo e = r.echo();
        assertNotNull(e);
        assertFalse(e.request());
        assertEquals(65535, e.sequence());
        assertArrayEquals(data, e.data());
    }

    @Test
    void echoesUdpOnTheConfiguredPortOnly() throws Exception {
        byte[] data = "ping over udp".getBytes(StandardCharsets.US_ASCII);
        assertTrue(dev.write(PacketBuffer.copyOf(IpPackets.udp(PEER, 40000, HOST, 7, data))));
        IpPacket r = next();
        IpPacket.Udp u = r.udp();
        assertNotNull(u);
        assertEquals(7, u.sourcePort());
        assertEquals(40000, u.destinationPort());
        assertArrayEquals(data, u.data());
        assertEquals(PEER, r.destination());

        assertTrue(dev.write(PacketBuffer.copyOf(IpPackets.udp(PEER6, 40001, HOST6, 7, data))));
        IpPacket r6 = next();
        assertNotNull(r6.udp());
        assertEquals(40001, r6.udp().destinationPort());

        dev.write(PacketBuffer.copyOf(IpPackets.udp(PEER, 40000, HOST, 9, data)));
        assertEquals(1, dev.counters().unanswered());
        assertEquals(2, dev.counters().udpEchoed());
    }

    @Test
    void ignoresPacketsNotForItOrBroken() throws Exception {
        assertFalse(dev.write(PacketBuffer.copyOf(IpPackets.echoRequest(PEER, IpPackets.address("203.0.113.131"), 1, 1, new byte[8]))));
        byte[] bad = IpPackets.echoRequest(PEER, HOST, 1, 1, new byte[8]);
        bad[bad.length - 1] ^= 1;
        assertFalse(dev.write(PacketBuffer.copyOf(bad)));
        assertFalse(dev.write(PacketBuffer.copyOf(new byte[] {0x45, 0, 0})));
        assertEquals(1, dev.counters().notForUs());
        assertEquals(1, dev.counters().badChecksum());
        assertEquals(1, dev.counters().malformed());
        // a valid request afterwards is still answered, and is the only thing sent
        dev.write(PacketBuffer.copyOf(IpPackets.echoRequest(PEER, HOST, 2, 2, new byte[8])));
        assertEquals(2, next().echo().identifier());
        assertNull(toGateway.poll());
    }

    @Test
    void pingsBetweenTwoHostsWiredBackToBack() throws Exception {
        InetAddress a = IpPackets.address("10.1.0.10");
        InetAddress b = IpPackets.address("10.2.0.20");
        try (InnerHostDevice hostA = new InnerHostDevice(List.of(a), 7, 1400);
             InnerHostDevice hostB = new InnerHostDevice(List.of(b), 7, 1400)) {
            // each device's outbound packets are written into the other, as a tunnel would
            hostA.open(hostB::write);
            hostB.open(hostA::write);
            PingSession s = hostA.ping(a, b, 20, Duration.ofMillis(1), 56);
            PingResult r = s.await(Duration.ofSeconds(TIMEOUT_S), Duration.ofSeconds(TIMEOUT_S));
            assertEquals(20, r.transmitted());
            assertEquals(20, r.received(), r.summary());
            assertEquals(0, r.duplicates());
            assertEquals(0, r.corrupt());
            assertEquals(0, s.unanswered().length);
            assertNotNull(r.rttMin());
            assertTrue(r.rttMin().compareTo(r.rttMax()) <= 0);
            assertTrue(r.summary().contains("20 packets transmitted, 20 received, 0% packet loss, time "), r.summary());
            assertTrue(r.summary().contains("rtt min/avg/max/mdev = "), r.summary());
            assertEquals(20, hostB.counters().echoRequestsAnswered());
        }
    }

    @Test
    void pingWithoutAnswersReportsFullLoss() throws Exception {
        // the device's outbound packets go nowhere
        PingSession s = new InnerHostDevice(List.of(HOST), 7, 1500).ping(HOST, PEER, 3, Duration.ofMillis(1), 16);
        PingResult r = s.await(Duration.ZERO, Duration.ofSeconds(TIMEOUT_S));
        assertEquals(0, r.received());
        assertTrue(r.summary().contains("100% packet loss"), r.summary());
    }
}

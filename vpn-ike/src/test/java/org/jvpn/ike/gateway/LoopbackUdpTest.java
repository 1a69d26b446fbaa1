package org.jvpn.ike.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvpn.api.ConnectionHandle;
import org.jvpn.api.ConnectionStats;
import org.jvpn.api.GatewayOptions;
import org.jvpn.api.VpnGateway;
import org.jvpn.api.config.GatewayConfig;
import org.jvpn.api.config.IkePolicy;
import org.jvpn.api.config.IpsecPolicy;
import org.jvpn.api.config.IpsecSiteConnection;
import org.jvpn.api.spi.io.PacketBuffer;
import org.jvpn.api.spi.io.TunnelDevice;
import org.jvpn.testkit.ip.IpPacket;
import org.jvpn.testkit.ip.IpPackets;

/**
 * Two gateways over REAL UDP on loopback (127.0.0.1 and 127.0.0.2, unusual high ports), each on its own
 * event loop and the system clock: the tunnel comes up and carries ICMP echoes both ways. The inner side
 * is a small real-time device: it answers echo requests itself and counts the replies it gets.
 */
class LoopbackUdpTest {

    private static final int IKE_PORT = 47_500;
    private static final int NATT_PORT = 47_501;
    private static final int PINGS = 5;

    /** A real-time tunnel device with one inner host at {@code address}: it answers pings and counts replies. */
    static final class EchoDevice implements TunnelDevice {
        final InetAddress address;
        final CountDownLatch replies;
        final Set<Integer> seenSeq = ConcurrentHashMap.newKeySet();
        final AtomicLong requestsAnswered = new AtomicLong();
        private volatile @Nullable Receiver receiver;

        EchoDevice(String address, int expectedReplies) {
            this.address = IpPackets.address(address);
            this.replies = new CountDownLatch(expectedReplies);
        }

        @Override
        public void open(Receiver r) {
            receiver = r;
        }

        /** The inner host sends an IP packet into the tunnel. */
        void inject(byte[] ip) {
            Receiver r = receiver;
            if (r == null) {
                throw new IllegalStateException("device not open");
            }
            PacketBuffer b = PacketBuffer.allocate(PacketBuffer.DEFAULT_HEADROOM + ip.length + PacketBuffer.DEFAULT_TAILROOM,
                    PacketBuffer.DEFAULT_HEADROOM);
            b.append(ip.length);
            System.arraycopy(ip, 0, b.array(), b.offset(), ip.length);
            r.onPacket(b);
        }

        @Override
        public boolean write(PacketBuffer packet) {
            IpPacket ip = IpPacket.parse(packet.toByteArray());
            IpPacket.Echo echo = ip.echo();
            if (echo == null || !ip.destination().equals(address) || !echo.checksumOk()) {
                return false;
            }
            if (echo.request()) {
                requestsAnswered.incrementAndGet();
                inject(IpPackets.echoReply(address, ip.source(), echo.identifier(), echo.sequence(), echo.data()));
            } else if (seenSeq.add(echo.sequence())) {
                replies.countDown();
            }
            return true;
        }

        @Override
        public int mtu() {
            return 1400;
        }

        @Override
        public void close() {
            receiver = null;
        }
    }

    private static VpnGateway gateway(IpsecSiteConnection c, EchoDevice dev, long seed) {
        GatewayOptions opts = GatewayOptions.builder()
                .tunnel(dev)
                .ports(IKE_PORT, NATT_PORT)
                .random(new org.jvpn.testkit.SeededRandom(seed))
                .build();
        return VpnGateway.create(GatewayConfig.of(c.service(), List.of(c)), opts);
    }

    @Test
    @Timeout(30)
    void tunnelOverLoopbackCarriesPings() throws InterruptedException {
        IkePolicy ike = IkePolicy.fromProposal("aes256-sha256-modp2048");
        IpsecPolicy esp = IpsecPolicy.fromProposal("aes128gcm16-modp2048");
        IpsecSiteConnection ca = Sites.connection("to-b", "127.0.0.1", "10.1.0.0/24", "127.0.0.2", "10.2.0.0/24", ike, esp, Sites.PSK);
        IpsecSiteConnection cb = Sites.connection("to-a", "127.0.0.2", "10.2.0.0/24", "127.0.0.1", "10.1.0.0/24", ike, esp, Sites.PSK);
        EchoDevice devA = new EchoDevice(Sites.A_HOST, PINGS);
        EchoDevice devB = new EchoDevice(Sites.B_HOST, PINGS);
        try (VpnGateway a = gateway(ca, devA, 1); VpnGateway b = gateway(cb, devB, 2)) {
            a.start();
            b.start();
            ConnectionHandle ha = a.connection("to-b").orElseThrow();
            ConnectionHandle hb = b.connection("to-a").orElseThrow();
            assertTrue(ha.awaitUp(Duration.ofSeconds(10)), () -> "A not up: " + ha.state() + " " + ha.lastError().orElse(""));
            assertTrue(hb.awaitUp(Duration.ofSeconds(10)), () -> "B not up: " + hb.state() + " " + hb.lastError().orElse(""));
            InetAddress hostA = IpPackets.address(Sites.A_HOST);
            InetAddress hostB = IpPackets.address(Sites.B_HOST);
            byte[] data = "jvpn loopback ping".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (int seq = 1; seq <= PINGS; seq++) {
                devA.inject(IpPackets.echoRequest(hostA, hostB, 0x1234, seq, data));
                devB.inject(IpPackets.echoRequest(hostB, hostA, 0x4321, seq, data));
            }
            assertTrue(devA.replies.await(10, TimeUnit.SECONDS), () -> "A got " + devA.seenSeq.size() + " replies; " + a.statusReport());
            assertTrue(devB.replies.await(10, TimeUnit.SECONDS), () -> "B got " + devB.seenSeq.size() + " replies; " + b.statusReport());
            assertEquals(PINGS, devA.requestsAnswered.get());
            assertEquals(PINGS, devB.requestsAnswered.get());
            ConnectionStats sa = ha.stats();
            assertTrue(sa.packetsOut() >= 2 * PINGS && sa.packetsIn() >= 2 * PINGS, sa::toString);
            assertEquals("127.0.0.2:" + NATT_PORT, ha.ikeSa().orElseThrow().remoteEndpoint());
            assertEquals(1, ha.ipsecSas().size());

            // Stopping A sends Deletes over real UDP: B's SAs go.
            CountDownLatch bDown = new CountDownLatch(1);
            hb.addListener(ev -> {
                if (ev.state() != org.jvpn.api.ConnectionState.UP) {
                    bDown.countDown();
                }
            });
            a.stop(Duration.ofSeconds(2));
            assertTrue(bDown.await(10, TimeUnit.SECONDS), () -> "B still " + hb.state());
            assertTrue(hb.ipsecSas().isEmpty(), () -> hb.ipsecSas().toString());
        }
    }
}

package org.jvpn.ike.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.jvpn.api.IkeSaInfo;
import org.jvpn.api.config.Dpd;
import org.jvpn.api.config.InitiatorMode;
import org.jvpn.api.config.IkePolicy;
import org.jvpn.api.config.IpsecPolicy;
import org.jvpn.testkit.inner.Pinger;
import org.jvpn.testkit.ip.IpPackets;
import org.jvpn.testkit.junit.TestArtifacts;
import org.jvpn.testkit.junit.VpnTest;
import org.jvpn.testkit.net.Link;
import org.jvpn.testkit.net.NatBox;
import org.jvpn.testkit.net.VirtualHost;

/**
 * Gateway A behind a NAT (private 192.168.1.2, public 203.0.113.1), gateway B on the public network:
 * main mode floats to 4500 through the NAT, ESP-in-UDP passes it, and NAT-keepalives keep the mapping
 * alive over an idle period longer than the NAT's idle timeout (60 s by default; keepalives every 20 s).
 */
@VpnTest
class NatTraversalTest {

    private static final String A_PRIVATE = "192.168.1.2";
    private static final String NAT_PUBLIC = "203.0.113.1";
    private static final IkePolicy IKE = IkePolicy.fromProposal("aes256-sha256-ecp256");
    private static final IpsecPolicy ESP = IpsecPolicy.fromProposal("aes128gcm16");

    private static Sites behindNat(TestArtifacts world, NatBox nat) {
        VirtualHost privateA = nat.host(A_PRIVATE, 500, 4500);
        Sites.Ends ends = new Sites.Ends(A_PRIVATE, "10.1.0.0/24", Sites.A_HOST, Sites.B_OUTER, "10.2.0.0/24", Sites.B_HOST);
        // DPD off on both sides: during the idle period only NAT-keepalives may cross the NAT.
        return Sites.create(world, ends, privateA, NAT_PUBLIC, world.network().host(Sites.B_OUTER, 500, 4500), Sites.B_OUTER,
                IKE, ESP, IKE, ESP, Sites.PSK, Sites.PSK,
                c -> c.toBuilder().dpd(Dpd.disabled()).build(),
                // B knows A by the NAT's address; A identifies itself with its private address.
                c -> c.toBuilder().peerId(A_PRIVATE).initiator(InitiatorMode.RESPONSE_ONLY).dpd(Dpd.disabled()).build());
    }

    @Test
    void floatsTo4500ThroughTheNatAndCarriesTraffic(TestArtifacts world) {
        NatBox nat = world.network().nat(NAT_PUBLIC);
        Sites s = behindNat(world, nat);
        s.start();
        assertTrue(s.awaitUp(Duration.ofSeconds(10)), s::describe);
        InetSocketAddress natt = nat.publicEndpointOf(new InetSocketAddress(IpPackets.address(A_PRIVATE), 4500));
        assertNotNull(natt, () -> "no NAT mapping for " + A_PRIVATE + ":4500: " + nat.mappings());
        assertTrue(natt.getPort() != 4500, "the NAT should have rewritten the port");
        IkeSaInfo atB = s.handleB().ikeSa().orElseThrow();
        assertEquals(NAT_PUBLIC + ":" + natt.getPort(), atB.remoteEndpoint());
        assertTrue(atB.localEndpoint().endsWith(":4500"), atB.localEndpoint());
        IkeSaInfo atA = s.handleA().ikeSa().orElseThrow();
        assertEquals(Sites.B_OUTER + ":4500", atA.remoteEndpoint());
        assertTrue(atA.natDetected(), "A is behind a NAT and should know it");
        Pinger[] p = s.pingBothWays(10);
        assertEquals(10, p[0].stats().received(), p[0]::summary);
        assertEquals(10, p[1].stats().received(), p[1]::summary);
        assertTrue(nat.stats().translatedIn() > 0);
    }

    @Test
    void keepalivesHoldTheMappingOverALongIdlePeriod(TestArtifacts world) {
        NatBox nat = world.network().nat(NAT_PUBLIC);
        assertEquals(Duration.ofSeconds(60), nat.idleTimeout());
        Sites s = behindNat(world, nat);
        s.start();
        assertTrue(s.awaitUp(Duration.ofSeconds(10)), s::describe);
        InetSocketAddress before = nat.publicEndpointOf(new InetSocketAddress(IpPackets.address(A_PRIVATE), 4500));
        Link link = world.network().link(NAT_PUBLIC, Sites.B_OUTER);
        long sentBefore = link.stats().sent();
        // Idle for 3.5 NAT timeouts: no inner traffic at all.
        s.scheduler().advance(Duration.ofSeconds(210));
        long idleDatagrams = link.stats().sent() - sentBefore;
        assertTrue(idleDatagrams >= 8, () -> "expected NAT-keepalives every 20 s, saw " + idleDatagrams + " datagrams");
        InetSocketAddress after = nat.publicEndpointOf(new InetSocketAddress(IpPackets.address(A_PRIVATE), 4500));
        assertEquals(before, after, "the 4500 mapping expired or changed despite keepalives");
        // B's host can still reach A's host: the inbound path through the NAT is open.
        Pinger p = s.hostB.pinger(Sites.A_HOST).start(5, Duration.ofMillis(100));
        s.scheduler().advance(Duration.ofSeconds(2));
        assertEquals(5, p.stats().received(), p::summary);
        assertTrue(s.bothUp(), s::describe);
    }
}

package org.jvpn.ike.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.jvpn.api.ConnectionEvent;
import org.jvpn.api.config.Dpd;
import org.jvpn.api.config.DpdAction;
import org.jvpn.api.config.InitiatorMode;
import org.jvpn.api.config.IkePolicy;
import org.jvpn.api.config.IpsecPolicy;
import org.jvpn.testkit.inner.Pinger;
import org.jvpn.testkit.ip.IpPackets;
import org.jvpn.testkit.junit.TestArtifacts;
import org.jvpn.testkit.junit.VpnTest;
import org.jvpn.testkit.net.NatBox;
import org.jvpn.testkit.net.VirtualHost;

/**
 * NAT rebinding: gateway A sits behind a NAT whose idle timeout (10 s) is shorter than the NAT-keepalive
 * interval (20 s), so A's 4500 mapping expires while the tunnel is idle and comes back on another public
 * port. B follows A to the new port on the first authenticated ESP packet from it: traffic recovers in
 * both directions without a renegotiation.
 */
@VpnTest
class NatRebindingTest {

    private static final String A_PRIVATE = "192.168.1.2";
    private static final String NAT_PUBLIC = "203.0.113.1";
    private static final IkePolicy IKE = IkePolicy.fromProposal("aes256-sha256-ecp256");
    private static final IpsecPolicy ESP = IpsecPolicy.fromProposal("aes128gcm16");

    private static Sites behindNat(TestArtifacts world, NatBox nat, Dpd dpdA) {
        VirtualHost privateA = nat.host(A_PRIVATE, 500, 4500);
        Sites.Ends ends = new Sites.Ends(A_PRIVATE, "10.1.0.0/24", Sites.A_HOST, Sites.B_OUTER, "10.2.0.0/24", Sites.B_HOST);
        return Sites.create(world, ends, privateA, NAT_PUBLIC, world.network().host(Sites.B_OUTER, 500, 4500), Sites.B_OUTER,
                IKE, ESP, IKE, ESP, Sites.PSK, Sites.PSK,
                c -> c.toBuilder().dpd(dpdA).build(),
                c -> c.toBuilder().peerId(A_PRIVATE).initiator(InitiatorMode.RESPONSE_ONLY).dpd(Dpd.disabled()).build());
    }

    @Test
    void peerFollowsANewNatMappingOnAnAuthenticatedIkeMessage(TestArtifacts world) {
        NatBox nat = world.network().nat(NAT_PUBLIC).idleTimeout(Duration.ofSeconds(10));
        // A probes with DPD after 15 s idle: the R-U-THERE is the first packet through the new mapping.
        Sites s = behindNat(world, nat, Dpd.of(DpdAction.HOLD, 15, 60));
        s.start();
        assertTrue(s.awaitUp(Duration.ofSeconds(10)), s::describe);
        InetSocketAddress a4500 = new InetSocketAddress(IpPackets.address(A_PRIVATE), 4500);
        InetSocketAddress before = nat.publicEndpointOf(a4500);
        String inSpiAtB = s.handleB().ipsecSas().get(0).inboundSpi();
        s.scheduler().advance(Duration.ofSeconds(17));
        InetSocketAddress after = nat.publicEndpointOf(a4500);
        assertNotNull(after, () -> "no mapping: " + nat.mappings());
        assertNotEquals(before, after);
        assertEquals(NAT_PUBLIC + ":" + after.getPort(), s.handleB().ikeSa().orElseThrow().remoteEndpoint());
        // B's ESP goes to the new mapping too, with the same SAs.
        Pinger fromB = s.hostB.pinger(Sites.A_HOST).start(5, Duration.ofMillis(200));
        s.scheduler().advance(Duration.ofSeconds(2));
        assertEquals(5, fromB.stats().received(), fromB::summary);
        assertEquals(inSpiAtB, s.handleB().ipsecSas().get(0).inboundSpi());
        assertTrue(s.bothUp(), s::describe);
    }

    @Test
    void peerFollowsANewNatMappingWithoutRenegotiating(TestArtifacts world) {
        NatBox nat = world.network().nat(NAT_PUBLIC).idleTimeout(Duration.ofSeconds(10));
        Sites s = behindNat(world, nat, Dpd.disabled());
        java.util.List<ConnectionEvent> eventsB = new java.util.ArrayList<>();
        s.handleB().addListener(eventsB::add);
        s.start();
        assertTrue(s.awaitUp(Duration.ofSeconds(10)), s::describe);
        InetSocketAddress a4500 = new InetSocketAddress(IpPackets.address(A_PRIVATE), 4500);
        InetSocketAddress before = nat.publicEndpointOf(a4500);
        assertNotNull(before);
        Pinger[] p = s.pingBothWays(3);
        assertEquals(3, p[0].stats().received(), p[0]::summary);
        String inSpiAtB = s.handleB().ipsecSas().get(0).inboundSpi() + "";
        eventsB.clear();

        // Idle past the NAT timeout: the mapping goes; A's next packet gets a new public port.
        s.scheduler().advance(Duration.ofSeconds(15));
        assertEquals(null, nat.publicEndpointOf(a4500), "the mapping should have expired");
        Pinger fromA = s.hostA.pinger(Sites.B_HOST).start(5, Duration.ofMillis(200));
        s.scheduler().advance(Duration.ofSeconds(3));
        InetSocketAddress after = nat.publicEndpointOf(a4500);
        assertNotNull(after);
        assertNotEquals(before, after, "the NAT should have handed out another port");
        assertTrue(fromA.stats().received() >= 4, fromA::summary);
        assertEquals(NAT_PUBLIC + ":" + after.getPort(), s.handleB().ikeSa().orElseThrow().remoteEndpoint());
        // B -> A flows to the new mapping too.
        Pinger fromB = s.hostB.pinger(Sites.A_HOST).start(5, Duration.ofMillis(200));
        s.scheduler().advance(Duration.ofSeconds(3));
        assertEquals(5, fromB.stats().received(), fromB::summary);
        // No renegotiation: the same IPsec SAs.
        assertEquals(inSpiAtB, s.handleB().ipsecSas().get(0).inboundSpi() + "");
        assertEquals(1, s.handleB().ipsecSas().size(), s::describe);
        assertEquals(0, eventsB.stream().filter(e -> e.kind() == ConnectionEvent.Kind.IPSEC_SA_ESTABLISHED
                || e.kind() == ConnectionEvent.Kind.IPSEC_SA_REKEYED).count(), eventsB::toString);
    }
}

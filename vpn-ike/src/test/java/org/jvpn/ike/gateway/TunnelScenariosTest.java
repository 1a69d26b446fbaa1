package org.jvpn.ike.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.jvpn.api.ConnectionState;
import org.jvpn.api.IkeSaInfo;
import org.jvpn.api.IpsecSaInfo;
import org.jvpn.api.config.InitiatorMode;
import org.jvpn.api.config.IkePolicy;
import org.jvpn.api.config.IpsecPolicy;
import org.jvpn.api.config.IpsecSiteConnection;
import org.jvpn.testkit.inner.InnerHost;
import org.jvpn.testkit.inner.Pinger;
import org.jvpn.testkit.junit.TestArtifacts;
import org.jvpn.testkit.junit.VpnTest;
import org.jvpn.testkit.net.Impairments;
import org.jvpn.testkit.net.Link;

/**
 * Two jvpn gateways on the testkit network: IPv6 inside and outside, several CIDRs, initiator modes,
 * admin state, stop, run-time removal and update, and a lossy, reordering, duplicating path.
 */
@VpnTest
class TunnelScenariosTest {

    private static final IkePolicy IKE = IkePolicy.fromProposal("aes128-sha256-ecp256");
    private static final IpsecPolicy ESP = IpsecPolicy.fromProposal("aes128gcm16-ecp256");
    private static final UnaryOperator<IpsecSiteConnection> SAME = c -> c;
    private static final UnaryOperator<IpsecSiteConnection> RESPONDER = c -> c.toBuilder().initiator(InitiatorMode.RESPONSE_ONLY).build();

    private static Sites up(TestArtifacts world, Sites.Ends ends, UnaryOperator<IpsecSiteConnection> ta,
            UnaryOperator<IpsecSiteConnection> tb) {
        Sites s = Sites.create(world, ends, IKE, ESP, IKE, ESP, Sites.PSK, Sites.PSK, ta, tb);
        s.start();
        assertTrue(s.awaitUp(Duration.ofSeconds(10)), () -> "not up: " + s.describe());
        return s;
    }

    private static void assertPingsBothWays(Sites s, int count) {
        Pinger[] p = s.pingBothWays(count);
        assertEquals(count, p[0].stats().received(), () -> "A->B " + p[0].summary() + " " + s.describe());
        assertEquals(count, p[1].stats().received(), () -> "B->A " + p[1].summary() + " " + s.describe());
    }

    @Test
    void ipv6InnerTraffic(TestArtifacts world) {
        Sites s = up(world, Sites.V6_INNER, SAME, SAME);
        assertPingsBothWays(s, 10);
        IpsecSaInfo sa = s.handleA().ipsecSas().get(0);
        assertEquals("fd00:1::/64", sa.localSubnet());
        assertEquals("fd00:2::/64", sa.peerSubnet());
    }

    @Test
    void ipv6OuterAddresses(TestArtifacts world) {
        Sites s = up(world, Sites.V6_OUTER, SAME, SAME);
        assertPingsBothWays(s, 10);
        IkeSaInfo ike = s.handleA().ikeSa().orElseThrow();
        assertTrue(ike.remoteEndpoint().startsWith("2001:db8:0:0:0:0:0:2") || ike.remoteEndpoint().startsWith("2001:db8::2"),
                ike.remoteEndpoint());
        assertTrue(ike.remoteEndpoint().endsWith(":4500"), ike.remoteEndpoint());
    }

    @Test
    void twoByTwoCidrsGiveFourSaPairs(TestArtifacts world) {
        Sites s = Sites.create(world, Sites.V4, IKE, ESP, IKE, ESP, Sites.PSK, Sites.PSK,
                c -> c.toBuilder().localCidrs("10.1.0.0/24", "10.11.0.0/24").peerCidrs("10.2.0.0/24", "10.12.0.0/24").build(),
                c -> c.toBuilder().localCidrs("10.2.0.0/24", "10.12.0.0/24").peerCidrs("10.1.0.0/24", "10.11.0.0/24").build());
        InnerHost a2 = s.hostA.device().addHost("10.11.0.10");
        InnerHost b2 = s.hostB.device().addHost("10.12.0.20");
        s.start();
        assertTrue(s.awaitUp(Duration.ofSeconds(10)), s::describe);
        s.scheduler().advance(Duration.ofSeconds(2));
        assertEquals(4, s.handleA().ipsecSas().size(), () -> s.handleA().ipsecSas().toString());
        assertEquals(4, s.handleB().ipsecSas().size(), () -> s.handleB().ipsecSas().toString());
        List<Pinger> pingers = List.of(s.hostA.pinger("10.2.0.20").start(5, Duration.ofMillis(100)),
                s.hostA.pinger("10.12.0.20").start(5, Duration.ofMillis(100)),
                a2.pinger("10.2.0.20").start(5, Duration.ofMillis(100)),
                a2.pinger("10.12.0.20").start(5, Duration.ofMillis(100)),
                b2.pinger("10.11.0.10").start(5, Duration.ofMillis(100)));
        s.scheduler().advance(Duration.ofSeconds(3));
        for (Pinger p : pingers) {
            assertEquals(5, p.stats().received(), p::summary);
        }
        Set<String> pairs = new HashSet<>();
        for (IpsecSaInfo sa : s.handleA().ipsecSas()) {
            pairs.add(sa.localSubnet() + ">" + sa.peerSubnet());
            assertTrue(sa.packetsOut() >= 5 && sa.packetsIn() >= 5, sa::toString);
        }
        assertEquals(Set.of("10.1.0.0/24>10.2.0.0/24", "10.1.0.0/24>10.12.0.0/24", "10.11.0.0/24>10.2.0.0/24",
                "10.11.0.0/24>10.12.0.0/24"), pairs);
    }

    @Test
    void responseOnlyWaitsForThePeer(TestArtifacts world) {
        Sites s = up(world, Sites.V4, RESPONDER, SAME);
        assertFalse(s.handleA().ikeSa().orElseThrow().initiator(), "the response-only side initiated");
        assertTrue(s.handleB().ikeSa().orElseThrow().initiator());
        assertPingsBothWays(s, 3);
    }

    @Test
    void twoResponseOnlySidesNeverComeUpUntilAskedTo(TestArtifacts world) {
        Sites s = Sites.create(world, Sites.V4, IKE, ESP, IKE, ESP, Sites.PSK, Sites.PSK, RESPONDER, RESPONDER);
        s.start();
        s.hostA.pinger(Sites.B_HOST).start(5, Duration.ofSeconds(1)); // traffic does not trigger a response-only side
        assertFalse(s.awaitUp(Duration.ofSeconds(60)));
        assertEquals(ConnectionState.DOWN, s.handleA().state());
        assertEquals(ConnectionState.DOWN, s.handleB().state());
        assertEquals(0, world.network().link(Sites.A_OUTER, Sites.B_OUTER).stats().sent());
        s.handleA().initiate();
        assertTrue(s.awaitUp(Duration.ofSeconds(10)), s::describe);
    }

    @Test
    void adminDownNeverComesUp(TestArtifacts world) {
        Sites s = Sites.create(world, Sites.V4, IKE, ESP, IKE, ESP, Sites.PSK, Sites.PSK, SAME,
                c -> c.toBuilder().adminStateUp(false).build());
        s.start();
        assertFalse(s.awaitUp(Duration.ofSeconds(120)));
        assertEquals(ConnectionState.DOWN, s.handleB().state());
        assertTrue(s.handleB().ikeSa().isEmpty());
        assertNotEquals(ConnectionState.UP, s.handleA().state());
        s.handleB().initiate();
        s.scheduler().advance(Duration.ofSeconds(5));
        assertFalse(s.bothUp(), "an admin-down connection came up on initiate()");
    }

    @Test
    void stopSendsDeletesAndThePeersSasGo(TestArtifacts world) {
        Sites s = up(world, Sites.V4, SAME, RESPONDER);
        s.a.stop(Duration.ofSeconds(1));
        s.scheduler().advance(Duration.ofSeconds(1));
        assertTrue(s.handleB().ipsecSas().isEmpty(), () -> s.handleB().ipsecSas().toString());
        assertTrue(s.handleB().ikeSa().isEmpty(), () -> s.handleB().ikeSa().toString());
        assertNotEquals(ConnectionState.UP, s.handleB().state());
        assertEquals(ConnectionState.DOWN, s.handleA().state());
        assertTrue(s.handleA().ipsecSas().isEmpty());
    }

    @Test
    void removingAConnectionDeletesThePeersSas(TestArtifacts world) {
        Sites s = up(world, Sites.V4, SAME, RESPONDER);
        assertTrue(s.a.removeConnection("to-b"));
        s.scheduler().advance(Duration.ofSeconds(1));
        assertTrue(s.a.connection("to-b").isEmpty());
        assertTrue(s.a.connections().isEmpty());
        assertTrue(s.handleB().ipsecSas().isEmpty(), () -> s.handleB().ipsecSas().toString());
        assertTrue(s.handleB().ikeSa().isEmpty());
        assertNotEquals(ConnectionState.UP, s.handleB().state());
        // Traffic from B's side now finds no SA.
        Pinger p = s.hostB.pinger(Sites.A_HOST).start(3, Duration.ofMillis(100));
        s.scheduler().advance(Duration.ofSeconds(2));
        assertEquals(0, p.stats().received());
    }

    @Test
    void updatingAConnectionRenegotiates(TestArtifacts world) {
        Sites s = up(world, Sites.V4, SAME, RESPONDER);
        String oldCookie = s.handleA().ikeSa().orElseThrow().initiatorCookie();
        String oldSpi = s.handleA().ipsecSas().get(0).inboundSpi();
        IpsecPolicy newEsp = IpsecPolicy.fromProposal("aes256-sha384");
        // B accepts the new policy first (its update renegotiates nothing: it is response-only), then A moves.
        s.b.updateConnection(s.handleB().config().toBuilder().ipsecPolicy(newEsp).build());
        s.a.updateConnection(s.handleA().config().toBuilder().ipsecPolicy(newEsp).build());
        assertTrue(s.awaitUp(Duration.ofSeconds(10)), s::describe);
        s.scheduler().advance(Duration.ofSeconds(3));
        assertNotEquals(oldCookie, s.handleA().ikeSa().orElseThrow().initiatorCookie());
        assertEquals(1, s.handleA().ipsecSas().size());
        assertEquals(1, s.handleB().ipsecSas().size(), () -> s.handleB().ipsecSas().toString());
        IpsecSaInfo sa = s.handleA().ipsecSas().get(0);
        assertNotEquals(oldSpi, sa.inboundSpi());
        assertEquals("aes256-sha384", sa.algorithms());
        assertEquals("aes256-sha384", s.handleA().config().ipsecPolicy().toProposal());
        assertPingsBothWays(s, 3);
    }

    @Test
    void everyDatagramDuplicated(TestArtifacts world) {
        world.network().link(Sites.A_OUTER, Sites.B_OUTER).impair(Impairments.none().withDuplication(100));
        Sites s = up(world, Sites.V4, SAME, SAME);
        s.scheduler().advance(Duration.ofSeconds(5));
        assertEquals(1, s.handleA().ipsecSas().size(), () -> s.handleA().ipsecSas().toString());
        assertEquals(1, s.handleB().ipsecSas().size(), () -> s.handleB().ipsecSas().toString());
        assertEquals(s.handleA().ikeSa().orElseThrow().initiatorCookie(), s.handleB().ikeSa().orElseThrow().initiatorCookie());
        Pinger[] p = s.pingBothWays(20);
        assertEquals(20, p[0].stats().received(), p[0]::summary);
        assertEquals(20, p[1].stats().received(), p[1]::summary);
        assertEquals(0, p[0].stats().duplicates(), p[0]::summary);
        assertTrue(s.handleA().stats().drops().getOrDefault("REPLAY", 0L) > 0, () -> s.handleA().stats().toString());
        assertTrue(s.bothUp());
    }

    @Test
    void lossAndReorderingWithinTheRetransmitBudget(TestArtifacts world) {
        Link link = world.network().link(Sites.A_OUTER, Sites.B_OUTER)
                .impair(Impairments.none().withLoss(20).withReordering(20, Duration.ofMillis(300)));
        Sites s = Sites.create(world, Sites.V4, IKE, ESP, IKE, ESP, Sites.PSK, Sites.PSK, SAME, SAME);
        s.start();
        // Default RetransmitPolicy: 0.5 s doubling to 30 s, 8 tries = 91.5 s for one exchange.
        assertTrue(s.awaitUp(Duration.ofSeconds(92)), s::describe);
        s.scheduler().advance(Duration.ofSeconds(3));
        assertEquals(1, s.handleA().ipsecSas().size(), () -> s.handleA().ipsecSas().toString());
        assertEquals(1, s.handleB().ipsecSas().size(), () -> s.handleB().ipsecSas().toString());
        Pinger p = s.hostA.pinger(Sites.B_HOST).start(100, Duration.ofMillis(100));
        s.scheduler().advance(Duration.ofSeconds(12));
        // Each echo crosses the link twice: about 0.8 * 0.8 = 64% come back.
        assertTrue(p.stats().received() >= 45, p::summary);
        assertTrue(link.stats().lost() > 0 && link.stats().reordered() > 0, link.stats()::toString);
        assertTrue(s.bothUp(), s::describe);
    }
}

package org.jvpn.ike.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.jvpn.api.ConnectionEvent;
import org.jvpn.api.ConnectionStats;
import org.jvpn.api.config.Dpd;
import org.jvpn.api.config.DpdAction;
import org.jvpn.api.config.InitiatorMode;
import org.jvpn.testkit.ip.IpPackets;
import org.jvpn.testkit.junit.TestArtifacts;
import org.jvpn.testkit.junit.VpnTest;

/**
 * What the data plane tells the engine and the engine acts on: ESP for an unknown SPI from a peer makes
 * DPD probe at once (a restarted peer is found within the DPD timeout, not interval + timeout), and the
 * counts of an SA removed at its hard lifetime still reach the connection's totals.
 */
@VpnTest
class PeerHintsTest {

    @Test
    void espForAnUnknownSpiFromThePeerMakesDpdProbeAtOnce(TestArtifacts world) {
        // Without the hint, a dead peer is found only after interval + timeout (90 s).
        Tunnel t = Tunnel.create(world, RecoveryTest.IKE, RecoveryTest.IPSEC,
                c -> c.toBuilder().dpd(Dpd.of(DpdAction.RESTART, 30, 60)).build(),
                c -> c.toBuilder().initiator(InitiatorMode.RESPONSE_ONLY).build()).start();
        assertTrue(t.awaitUp(Duration.ofSeconds(10)), t::describe);
        t.startTraffic(Duration.ofSeconds(1));
        t.scheduler().advance(Duration.ofMinutes(2));
        t.restartB();
        // The peer sends ESP on an SPI A does not know (as a peer that restarted and kept old state
        // elsewhere would): a well-formed ESP header with a random SPI, from B's NAT-T port.
        byte[] esp = new byte[64];
        esp[0] = 0x12;
        esp[1] = 0x34;
        esp[2] = 0x56;
        esp[3] = 0x78;
        esp[7] = 1;
        world.network().host(Tunnel.B_OUTER).send(4500, new InetSocketAddress(IpPackets.address(Tunnel.A_OUTER), 4500), esp);
        // A probes at once; the restarted B cannot answer (it has no such ISAKMP SA): found at the timeout.
        assertTrue(t.await(Duration.ofSeconds(61), () -> t.count(t.eventsA, ConnectionEvent.Kind.DPD_TIMEOUT) == 1),
                () -> t.describe() + t.eventsA);
        assertTrue(t.await(Duration.ofSeconds(10), t::bothUp), t::describe);
    }

    @Test
    void withoutTheHintTheSameDeadPeerIsFoundOnlyAfterIntervalPlusTimeout(TestArtifacts world) {
        Tunnel t = Tunnel.create(world, RecoveryTest.IKE, RecoveryTest.IPSEC,
                c -> c.toBuilder().dpd(Dpd.of(DpdAction.RESTART, 30, 60)).build(),
                c -> c.toBuilder().initiator(InitiatorMode.RESPONSE_ONLY).build()).start();
        assertTrue(t.awaitUp(Duration.ofSeconds(10)), t::describe);
        t.startTraffic(Duration.ofSeconds(1));
        t.scheduler().advance(Duration.ofMinutes(2));
        t.restartB();
        t.scheduler().advance(Duration.ofSeconds(85));
        assertEquals(0, t.count(t.eventsA, ConnectionEvent.Kind.DPD_TIMEOUT), () -> t.describe() + t.eventsA);
    }

    @Test
    void countersOfAnSaRemovedAtItsHardLifetimeStayInTheTotals(TestArtifacts world) {
        Tunnel t = Tunnel.create(world, RecoveryTest.IKE, RecoveryTest.IPSEC, c -> c.toBuilder().dpd(Dpd.disabled()).build(),
                c -> c.toBuilder().dpd(Dpd.disabled()).build()).start();
        assertTrue(t.awaitUp(Duration.ofSeconds(10)), t::describe);
        for (int i = 0; i < 25; i++) {
            t.ab.sendOne(64);
            t.scheduler().advance(Duration.ofMillis(100));
        }
        ConnectionStats before = t.handleA().stats();
        assertEquals(25, before.packetsOut(), before::toString);
        // Cut the link: rekeys fail and the SAs reach their hard lifetime in the data plane.
        t.link().partition();
        t.scheduler().advance(Duration.ofMinutes(11));
        assertTrue(t.handleA().ipsecSas().isEmpty(), t::describe);
        assertTrue(t.handleB().ipsecSas().isEmpty(), t::describe);
        ConnectionStats a = t.handleA().stats();
        ConnectionStats b = t.handleB().stats();
        assertEquals(25, a.packetsOut(), a::toString);
        assertEquals(before.bytesOut(), a.bytesOut(), a::toString);
        assertEquals(25, b.packetsIn(), b::toString);
        assertEquals(25, t.abSink.stats().unique());
    }
}

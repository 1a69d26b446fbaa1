package org.jvpn.ike.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.jvpn.api.ConnectionEvent;
import org.jvpn.api.ConnectionState;
import org.jvpn.api.RekeyPolicy;
import org.jvpn.api.config.Dpd;
import org.jvpn.api.config.DpdAction;
import org.jvpn.api.config.IkePolicy;
import org.jvpn.api.config.InitiatorMode;
import org.jvpn.api.config.IpsecPolicy;
import org.jvpn.testkit.inner.UdpStreamStats;
import org.jvpn.testkit.junit.TestArtifacts;
import org.jvpn.testkit.junit.VpnTest;
import org.jvpn.testkit.net.LinkStats;

/** Peer restarts, link cuts, hard expiry without a rekey, a peer that never answers. */
@VpnTest
class RecoveryTest {

    static final IkePolicy IKE = IkePolicy.fromProposal("aes128-sha256-modp2048").toBuilder().lifetime(Duration.ofHours(1)).build();
    static final IpsecPolicy IPSEC = IpsecPolicy.fromProposal("aes128gcm16-modp2048").toBuilder().lifetime(Duration.ofMinutes(10)).build();

    @Test
    void restartedPeerThatInitiatesIsBackAtOnce(TestArtifacts world) {
        Tunnel t = Tunnel.create(world, IKE, IPSEC).start();
        assertTrue(t.awaitUp(Duration.ofSeconds(10)), t::describe);
        t.startTraffic(Duration.ofSeconds(1));
        t.scheduler().advance(Duration.ofMinutes(3));
        t.restartB();
        t.abSink = t.hostB.udpSink(Tunnel.PORT);
        // B initiates with INITIAL-CONTACT: A drops its stale SAs at once.
        assertTrue(t.await(Duration.ofSeconds(10), t::bothUp), t::describe);
        t.scheduler().advance(Duration.ofMinutes(1));
        assertEquals(1, t.handleA().ipsecSas().size(), t::describe);
        assertEquals(1, t.handleB().ipsecSas().size(), t::describe);
        long before = t.abSink.stats().unique();
        t.scheduler().advance(Duration.ofSeconds(30));
        assertTrue(t.abSink.stats().unique() >= before + 29, "A->B flows to the new B: " + t.abSink.stats());
    }

    @Test
    void restartedResponseOnlyPeerIsFoundByDpdWithinIntervalPlusTimeout(TestArtifacts world) {
        Tunnel t = Tunnel.create(world, IKE, IPSEC, c -> c.toBuilder().dpd(Dpd.of(DpdAction.RESTART, 10, 30)).build(),
                c -> c.toBuilder().initiator(InitiatorMode.RESPONSE_ONLY).build()).start();
        assertTrue(t.awaitUp(Duration.ofSeconds(10)), t::describe);
        t.startTraffic(Duration.ofSeconds(1));
        t.scheduler().advance(Duration.ofMinutes(2));
        t.restartB();
        t.abSink = t.hostB.udpSink(Tunnel.PORT);
        t.baSink = t.hostA.udpSink(Tunnel.PORT + 1);
        t.ba = t.hostB.udpSource(Tunnel.PORT + 1, Tunnel.A_HOST, Tunnel.PORT + 1);
        // A's ESP reaches B on an unknown SPI; B is silent towards A; A's DPD finds out and renegotiates.
        assertTrue(t.await(Duration.ofSeconds(10 + 30 + 5), () -> t.handleB().state() == ConnectionState.UP
                && t.handleB().ipsecSas().size() == 1), t::describe);
        assertEquals(1, t.count(t.eventsA, ConnectionEvent.Kind.DPD_TIMEOUT), () -> t.describe() + t.eventsA);
        t.scheduler().advance(Duration.ofSeconds(10));
        long before = t.abSink.stats().unique();
        t.scheduler().advance(Duration.ofSeconds(30));
        assertTrue(t.abSink.stats().unique() >= before + 29, "A->B flows again: " + t.abSink.stats());
        assertTrue(t.baSink.stats().unique() >= 29, "B->A flows again: " + t.baSink.stats());
    }

    @Test
    void linkCutForFiveMinutesThenHealed(TestArtifacts world) {
        Tunnel t = Tunnel.create(world, IKE, IPSEC).start();
        assertTrue(t.awaitUp(Duration.ofSeconds(10)), t::describe);
        t.startTraffic(Duration.ofSeconds(1));
        t.scheduler().advance(Duration.ofMinutes(7));
        t.link().partition();
        t.scheduler().advance(Duration.ofMinutes(5));
        t.link().heal();
        // DPD (hold, 30 s / 120 s) removed the SAs during the cut; traffic brings the tunnel back.
        assertTrue(t.await(Duration.ofMinutes(3), t::bothUp), t::describe);
        long upAt = t.ab.sent();
        t.scheduler().advance(Duration.ofMinutes(30));
        t.stopTraffic();
        t.scheduler().advance(Duration.ofSeconds(5));
        UdpStreamStats ab = t.abSink.stats(t.ab.sent());
        UdpStreamStats ba = t.baSink.stats(t.ba.sent());
        assertTrue(ab.lost() + ba.lost() > 0 && ab.lost() < 600 && ba.lost() < 600, ab + " " + ba);
        assertEquals(0, ab.duplicates() + ba.duplicates());
        // After the tunnel is back, nothing more is lost: every datagram sent since arrived.
        assertTrue(t.abSink.stats(t.ab.sent()).unique() >= t.ab.sent() - ab.lost() && ab.lost() <= upAt, ab.toString());
        assertEquals(1, t.handleA().ipsecSas().size(), t::describe);
        assertEquals(1, t.handleB().ipsecSas().size(), t::describe);
    }

    @Test
    void hardExpiryWithoutRekeyDropsTrafficAndNeverSendsItInClear(TestArtifacts world) {
        Tunnel t = Tunnel.create(world, IKE, IPSEC, c -> c.toBuilder().dpd(Dpd.disabled()).build(),
                c -> c.toBuilder().dpd(Dpd.disabled()).build()).start();
        assertTrue(t.awaitUp(Duration.ofSeconds(10)), t::describe);
        t.link().partition();
        t.link().capture().clear();
        t.scheduler().advance(Duration.ofMinutes(11)); // rekeys fail, the SAs reach their hard lifetime
        assertTrue(t.handleA().ipsecSas().isEmpty(), t::describe);
        assertTrue(t.handleB().ipsecSas().isEmpty(), t::describe);
        long noSa = t.handleA().stats().drops().getOrDefault("NO_SA", 0L);
        for (int i = 0; i < 5; i++) {
            t.ab.sendOne(64);
        }
        t.scheduler().advance(Duration.ofMillis(10));
        assertEquals(noSa + 5, t.handleA().stats().drops().getOrDefault("NO_SA", 0L), t::describe);
        for (var e : t.link().capture().entries()) {
            var u = e.ip().udp();
            assertFalse(u != null && new String(u.data(), StandardCharsets.ISO_8859_1).contains("JVPN"), "inner datagram in clear");
        }
        t.link().heal();
        t.ab.sendOne(64); // ACQUIRE: bi-directional A negotiates
        assertTrue(t.await(Duration.ofMinutes(2), t::bothUp), t::describe);
    }

    @Test
    void peerThatNeverAnswersEndsInErrorWithBoundedRetries(TestArtifacts world) {
        Tunnel t = Tunnel.create(world, IKE, IPSEC);
        t.a.start(); // B never starts: nobody answers at B's address
        t.scheduler().advance(Duration.ofSeconds(60));
        assertEquals(ConnectionState.ERROR, t.handleA().state());
        String why = t.handleA().lastError().orElse("");
        assertTrue(why.contains("198.51.100.2"), why);
        t.scheduler().advance(Duration.ofHours(1));
        LinkStats l = t.link().stats();
        // Retries back off (5 s doubling to 300 s): about 20 attempts of 6 transmissions in an hour.
        assertTrue(l.sent() < 200, "bounded retries: " + l);
        assertEquals(ConnectionState.ERROR, t.handleA().state());
    }

    @Test
    void simultaneousRekeysByBothPeersConverge(TestArtifacts world) {
        Tunnel t = Tunnel.create(world, IKE, IPSEC, new RekeyPolicy(Duration.ofSeconds(60), 0, false)).start();
        assertTrue(t.awaitUp(Duration.ofSeconds(10)), t::describe);
        t.startTraffic(Duration.ofMillis(200));
        t.run(Duration.ofHours(3));
        t.stopTraffic();
        t.scheduler().advance(Duration.ofSeconds(15));
        UdpStreamStats ab = t.abSink.stats(t.ab.sent());
        UdpStreamStats ba = t.baSink.stats(t.ba.sent());
        assertEquals(0, ab.lost() + ba.lost() + ab.duplicates() + ba.duplicates(), ab + " " + ba + " " + t.describe());
        assertTrue(t.handleA().stats().drops().isEmpty() && t.handleB().stats().drops().isEmpty(), t::describe);
        assertEquals(1, t.handleA().ipsecSas().size(), t::describe);
        assertEquals(1, t.handleB().ipsecSas().size(), t::describe);
        assertEquals(t.handleA().ipsecSas().get(0).inboundSpi(), t.handleB().ipsecSas().get(0).outboundSpi());
        // Both sides rekeyed each time: more than one new pair per lifetime.
        long established = t.count(t.eventsA, ConnectionEvent.Kind.IPSEC_SA_REKEYED);
        assertTrue(established > 3 * 60 / 9 * 3 / 2, "collisions happened: " + established + " new pairs");
    }
}

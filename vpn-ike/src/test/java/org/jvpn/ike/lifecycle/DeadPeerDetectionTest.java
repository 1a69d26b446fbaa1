package org.jvpn.ike.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.jvpn.api.ConnectionEvent;
import org.jvpn.api.ConnectionState;
import org.jvpn.api.config.Dpd;
import org.jvpn.api.config.DpdAction;
import org.jvpn.api.config.IkePolicy;
import org.jvpn.api.config.InitiatorMode;
import org.jvpn.api.config.IpsecPolicy;
import org.jvpn.testkit.junit.TestArtifacts;
import org.jvpn.testkit.junit.VpnTest;
import org.jvpn.testkit.pcap.Capture;

/** DPD (RFC 3706) with each action, probes only when idle, the peer's probes answered. */
@VpnTest
class DeadPeerDetectionTest {

    static final IkePolicy IKE = IkePolicy.fromProposal("aes128-sha256-modp2048").toBuilder().lifetime(Duration.ofHours(8)).build();
    static final IpsecPolicy IPSEC = IpsecPolicy.fromProposal("aes128gcm16-modp2048").toBuilder().lifetime(Duration.ofHours(1)).build();

    /** A with DPD {@code action} 10 s / 30 s; B response-only without DPD of its own (it still answers). */
    static Tunnel tunnel(TestArtifacts world, DpdAction action) {
        Tunnel t = Tunnel.create(world, IKE, IPSEC, c -> c.toBuilder().dpd(Dpd.of(action, 10, 30)).build(),
                c -> c.toBuilder().dpd(Dpd.disabled()).initiator(InitiatorMode.RESPONSE_ONLY).build()).start();
        assertTrue(t.awaitUp(Duration.ofSeconds(10)), t::describe);
        return t;
    }

    /** IKE messages on port 4500 (behind the non-ESP marker) captured on the link. */
    static long ikeMessages(Capture c) {
        return c.entries().stream().map(e -> e.ip().udp()).filter(u -> {
            byte[] p = u == null ? new byte[0] : u.data();
            return p.length > 4 && p[0] == 0 && p[1] == 0 && p[2] == 0 && p[3] == 0;
        }).count();
    }

    @Test
    void probesOnlyWhenIdleAndThePeerAnswers(TestArtifacts world) {
        Tunnel t = tunnel(world, DpdAction.HOLD);
        t.link().capture().clear();
        t.startTraffic(Duration.ofSeconds(1));
        t.scheduler().advance(Duration.ofMinutes(10));
        assertEquals(0, ikeMessages(t.link().capture()), "no R-U-THERE while ESP arrives");
        t.stopTraffic();
        t.scheduler().advance(Duration.ofMinutes(10));
        long probes = ikeMessages(t.link().capture());
        // One R-U-THERE and one ACK per interval while idle.
        assertTrue(probes >= 2 * 50 && probes <= 2 * 61, "R-U-THERE/ACK messages while idle: " + probes);
        assertTrue(t.bothUp(), t::describe);
        assertEquals(0, t.count(t.eventsA, ConnectionEvent.Kind.DPD_TIMEOUT));
    }

    @Test
    void holdRemovesTheSasAndTrafficBringsTheTunnelBack(TestArtifacts world) {
        Tunnel t = tunnel(world, DpdAction.HOLD);
        t.link().partition();
        t.scheduler().advance(Duration.ofSeconds(10 + 30 + 10));
        assertEquals(1, t.count(t.eventsA, ConnectionEvent.Kind.DPD_TIMEOUT), t::describe);
        assertTrue(t.handleA().ipsecSas().isEmpty(), t::describe);
        assertEquals(ConnectionState.DOWN, t.handleA().state(), t::describe);
        assertTrue(t.handleA().lastError().orElse("").contains("DPD"), t::describe);
        t.scheduler().advance(Duration.ofMinutes(2));
        assertEquals(ConnectionState.DOWN, t.handleA().state(), "hold waits for traffic: " + t.describe());
        t.link().heal();
        t.ab.sendOne(64); // dropped (no SA), but it brings the tunnel up
        assertTrue(t.await(Duration.ofSeconds(20), () -> t.handleA().state() == ConnectionState.UP), t::describe);
        assertTrue(t.handleA().stats().drops().getOrDefault("NO_SA", 0L) >= 1);
        long before = t.abSink.stats().unique();
        t.ab.sendOne(64);
        t.scheduler().advance(Duration.ofSeconds(1));
        assertEquals(before + 1, t.abSink.stats().unique(), t::describe);
    }

    @Test
    void clearRemovesTheSasAndStaysDown(TestArtifacts world) {
        Tunnel t = tunnel(world, DpdAction.CLEAR);
        t.link().partition();
        t.scheduler().advance(Duration.ofSeconds(50));
        assertEquals(1, t.count(t.eventsA, ConnectionEvent.Kind.DPD_TIMEOUT), t::describe);
        assertTrue(t.handleA().ipsecSas().isEmpty());
        t.link().heal();
        t.ab.sendOne(64);
        t.scheduler().advance(Duration.ofMinutes(5));
        assertEquals(ConnectionState.DOWN, t.handleA().state(), "clear: traffic does not bring it back: " + t.describe());
        assertTrue(t.handleA().stats().drops().getOrDefault("NO_SA", 0L) >= 1);
    }

    @Test
    void restartRenegotiatesAtOnceWithBackOff(TestArtifacts world) {
        Tunnel t = tunnel(world, DpdAction.RESTART);
        t.link().partition();
        t.scheduler().advance(Duration.ofSeconds(50));
        assertEquals(1, t.count(t.eventsA, ConnectionEvent.Kind.DPD_TIMEOUT), t::describe);
        t.scheduler().advance(Duration.ofMinutes(3));
        long failures = t.count(t.eventsA, ConnectionEvent.Kind.NEGOTIATION_FAILED);
        assertTrue(failures >= 2 && failures <= 6, "back-off bounds the attempts: " + failures);
        t.link().heal();
        assertTrue(t.await(Duration.ofMinutes(3), t::bothUp), "restart brings it back without traffic: " + t.describe());
    }

    @Test
    void disabledNeverProbes(TestArtifacts world) {
        Tunnel t = tunnel(world, DpdAction.DISABLED);
        t.link().capture().clear();
        t.scheduler().advance(Duration.ofMinutes(5));
        assertEquals(0, ikeMessages(t.link().capture()), "no R-U-THERE with DPD disabled");
        t.link().partition();
        t.scheduler().advance(Duration.ofMinutes(5));
        assertEquals(0, t.count(t.eventsA, ConnectionEvent.Kind.DPD_TIMEOUT));
        assertFalse(t.handleA().ipsecSas().isEmpty());
        assertEquals(ConnectionState.UP, t.handleA().state());
    }
}

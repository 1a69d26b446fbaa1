package org.jvpn.ike.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.jvpn.api.ConnectionStats;
import org.jvpn.api.config.IkePolicy;
import org.jvpn.api.config.IpsecPolicy;
import org.jvpn.testkit.inner.UdpStreamStats;
import org.jvpn.testkit.junit.TestArtifacts;
import org.jvpn.testkit.junit.VpnTest;
import org.jvpn.testkit.net.Impairments;
import org.jvpn.testkit.net.LinkStats;

/**
 * Days of virtual time with IKE lifetime 1 h and IPsec lifetime 10 min under continuous numbered UDP
 * traffic both ways: every rekey and IKE renewal happens while traffic flows, and nothing is lost,
 * duplicated or refused by anti-replay unless the simulated link dropped it.
 */
@VpnTest
class SoakTest {

    static final IkePolicy IKE = IkePolicy.fromProposal("aes128-sha256-modp2048").toBuilder().lifetime(Duration.ofHours(1)).build();
    static final IpsecPolicy IPSEC = IpsecPolicy.fromProposal("aes128gcm16-modp2048").toBuilder().lifetime(Duration.ofMinutes(10)).build();
    static final Duration EVERY = Duration.ofSeconds(1);
    static final long DAYS = Long.getLong("jvpn.soak.days", 7);

    @Test
    void sevenDaysNothingLost(TestArtifacts world) {
        Tunnel t = Tunnel.create(world, IKE, IPSEC).start();
        assertTrue(t.awaitUp(Duration.ofSeconds(10)), t::describe);
        long wall = System.nanoTime();
        t.startTraffic(EVERY);
        t.run(Duration.ofDays(DAYS));
        t.stopTraffic();
        t.run(Duration.ofSeconds(5));
        long wallMs = (System.nanoTime() - wall) / 1_000_000;

        UdpStreamStats ab = t.abSink.stats(t.ab.sent());
        UdpStreamStats ba = t.baSink.stats(t.ba.sent());
        ConnectionStats sa = t.handleA().stats();
        ConnectionStats sb = t.handleB().stats();
        System.out.printf("soak " + DAYS + " days: wall %d ms, A->B %s, B->A %s%n  A %s%n  B %s%n  link %s%n", wallMs, ab, ba, sa, sb, t.link().stats());
        assertEquals(0, ab.lost(), () -> "A->B " + ab + " " + t.describe());
        assertEquals(0, ba.lost(), () -> "B->A " + ba + " " + t.describe());
        assertEquals(0, ab.duplicates() + ba.duplicates() + ab.corrupt() + ba.corrupt());
        assertEquals(0, sa.drops().getOrDefault("REPLAY", 0L) + sb.drops().getOrDefault("REPLAY", 0L), t::describe);
        assertTrue(sa.drops().isEmpty() && sb.drops().isEmpty(), t::describe);
        assertEquals(t.ab.sent(), sa.packetsOut(), t::describe);
        assertEquals(t.ab.sent(), sb.packetsIn(), t::describe);
        assertEquals(t.ba.sent(), sb.packetsOut(), t::describe);
        assertEquals(t.ba.sent(), sa.packetsIn(), t::describe);
        assertTrue(t.bothUp(), t::describe);
        assertEquals(1, t.handleA().ipsecSas().size(), t::describe);
        assertEquals(1, t.handleB().ipsecSas().size(), t::describe);
        assertTrue(t.handleA().ikeSa().isPresent() && t.handleB().ikeSa().isPresent(), t::describe);
    }

    @Test
    void sevenDaysWithFivePercentLossLosesOnlyWhatTheLinkDropped(TestArtifacts world) {
        Tunnel t = Tunnel.create(world, IKE, IPSEC).start();
        assertTrue(t.awaitUp(Duration.ofSeconds(10)), t::describe);
        t.link().impair(Impairments.none().withLoss(5));
        long wall = System.nanoTime();
        t.startTraffic(EVERY);
        t.run(Duration.ofDays(DAYS));
        t.stopTraffic();
        t.link().impair(Impairments.none());
        t.run(Duration.ofSeconds(15));
        long wallMs = (System.nanoTime() - wall) / 1_000_000;

        UdpStreamStats ab = t.abSink.stats(t.ab.sent());
        UdpStreamStats ba = t.baSink.stats(t.ba.sent());
        ConnectionStats sa = t.handleA().stats();
        ConnectionStats sb = t.handleB().stats();
        LinkStats link = t.link().stats();
        System.out.printf("lossy soak " + DAYS + " days: wall %d ms, A->B %s, B->A %s%n  A %s%n  B %s%n  link %s%n", wallMs, ab, ba,
                sa, sb, link);
        // Every datagram that did not arrive was an ESP packet the link dropped: the gateways dropped none.
        assertEquals(ab.lost(), t.ab.sent() - sb.packetsIn(), t::describe);
        assertEquals(ba.lost(), t.ba.sent() - sa.packetsIn(), t::describe);
        assertEquals(t.ab.sent(), sa.packetsOut(), "A sent every datagram it got: " + t.describe());
        assertEquals(t.ba.sent(), sb.packetsOut(), "B sent every datagram it got: " + t.describe());
        assertTrue(sa.drops().isEmpty() && sb.drops().isEmpty(), t::describe);
        assertTrue(ab.lost() + ba.lost() <= link.lost(), ab + " " + ba + " " + link);
        double pct = 100.0 * (ab.lost() + ba.lost()) / (t.ab.sent() + t.ba.sent());
        assertTrue(pct > 4 && pct < 6, "loss " + pct + "% is the link's 5%");
        assertEquals(0, ab.duplicates() + ba.duplicates() + ab.corrupt() + ba.corrupt());
        assertTrue(t.bothUp(), t::describe);
        assertEquals(1, t.handleA().ipsecSas().size(), t::describe);
        assertEquals(1, t.handleB().ipsecSas().size(), t::describe);
    }
}

package org.jvpn.ike.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.jvpn.api.config.InitiatorMode;
import org.jvpn.api.config.IkePolicy;
import org.jvpn.api.config.IpsecPolicy;
import org.jvpn.testkit.junit.TestArtifacts;
import org.jvpn.testkit.junit.VpnTest;

/**
 * Different IPsec lifetimes at the two ends: the shorter wins on both sides, whichever end has it (the
 * responder that shortens echoes its value and adds RESPONDER-LIFETIME to quick mode message 2).
 */
@VpnTest
class ResponderLifetimeTunnelTest {

    private static final IkePolicy IKE = IkePolicy.fromProposal("aes128-sha256-modp2048");

    private static IpsecPolicy esp(Duration lifetime) {
        return IpsecPolicy.fromProposal("aes128gcm16").toBuilder().lifetime(lifetime).build();
    }

    private static void check(TestArtifacts world, Duration initiator, Duration responder) {
        Sites s = Sites.create(world, IKE, esp(initiator), IKE, esp(responder), Sites.PSK, Sites.PSK, c -> c,
                c -> c.toBuilder().initiator(InitiatorMode.RESPONSE_ONLY).build());
        s.start();
        assertTrue(s.awaitUp(Duration.ofSeconds(10)), s::describe);
        Duration shorter = initiator.compareTo(responder) < 0 ? initiator : responder;
        for (var h : new org.jvpn.api.ConnectionHandle[] {s.handleA(), s.handleB()}) {
            assertEquals(1, h.ipsecSas().size(), s::describe);
            Duration left = h.ipsecSas().get(0).remaining();
            assertTrue(left.compareTo(shorter) <= 0 && left.compareTo(shorter.minusSeconds(15)) > 0,
                    () -> h.name() + ": remaining " + left + ", expected just under " + shorter);
        }
    }

    @Test
    void responderWithTheShorterLifetimeWins(TestArtifacts world) {
        check(world, Duration.ofHours(1), Duration.ofMinutes(20));
    }

    @Test
    void initiatorWithTheShorterLifetimeWins(TestArtifacts world) {
        check(world, Duration.ofMinutes(20), Duration.ofHours(1));
    }

    @Test
    void phaseOneResponderLifetimeShortensTheInitiatorsIsakmpSaAndItsRenewal(TestArtifacts world) {
        IkePolicy longer = IKE.toBuilder().lifetime(Duration.ofHours(8)).build();
        IkePolicy shorter = IKE.toBuilder().lifetime(Duration.ofHours(1)).build();
        IpsecPolicy ipsec = esp(Duration.ofMinutes(20));
        Sites s = Sites.create(world, longer, ipsec, shorter, ipsec, Sites.PSK, Sites.PSK, c -> c,
                c -> c.toBuilder().initiator(InitiatorMode.RESPONSE_ONLY).build());
        s.start();
        assertTrue(s.awaitUp(Duration.ofSeconds(10)), s::describe);
        s.scheduler().advance(Duration.ofSeconds(1));
        // B echoed A's 8 h transform (phase 1) but chose 1 h and said so in an informational.
        String first = s.handleA().ikeSa().orElseThrow().initiatorCookie();
        for (var h : new org.jvpn.api.ConnectionHandle[] {s.handleA(), s.handleB()}) {
            Duration left = h.ikeSa().orElseThrow().remaining();
            assertTrue(left.compareTo(Duration.ofHours(1)) <= 0, () -> h.name() + ": ISAKMP SA remaining " + left);
        }
        // A renews before the hour is over, so the tunnel never depends on B's expiry.
        s.scheduler().advance(Duration.ofMinutes(59));
        assertTrue(s.bothUp(), s::describe);
        String now = s.handleA().ikeSa().orElseThrow().initiatorCookie();
        assertTrue(!now.equals(first), "A should have renewed its ISAKMP SA within the hour");
    }
}

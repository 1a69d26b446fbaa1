package org.jvpn.ike.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.jvpn.api.ConnectionState;
import org.jvpn.api.config.InitiatorMode;
import org.jvpn.api.config.IkePolicy;
import org.jvpn.api.config.IpsecPolicy;
import org.jvpn.api.config.IpsecSiteConnection;
import org.jvpn.testkit.junit.TestArtifacts;
import org.jvpn.testkit.junit.VpnTest;

/**
 * Negotiations that must fail, and the diagnostics users get: which proposal attribute differs (ours and
 * theirs, on the side that refused), missing PFS, a wrong PSK, a wrong peer ID.
 */
@VpnTest
class NegotiationFailureTest {

    private static final IpsecPolicy ESP = IpsecPolicy.fromProposal("aes128-sha256");
    private static final UnaryOperator<IpsecSiteConnection> SAME = c -> c;
    private static final UnaryOperator<IpsecSiteConnection> RESPONDER = c -> c.toBuilder().initiator(InitiatorMode.RESPONSE_ONLY).build();

    /** A initiates, B only responds; neither comes up within {@code limit}. */
    private static Sites failing(TestArtifacts world, IkePolicy ikeA, IpsecPolicy ipsecA, IkePolicy ikeB, IpsecPolicy ipsecB,
            Duration limit) {
        Sites s = Sites.create(world, ikeA, ipsecA, ikeB, ipsecB, Sites.PSK, Sites.PSK, SAME, RESPONDER);
        s.start();
        assertFalse(s.awaitUp(limit), s::describe);
        assertTrue(s.handleB().ipsecSas().isEmpty());
        assertTrue(s.handleA().ipsecSas().isEmpty());
        return s;
    }

    @Test
    void dhGroupMismatchIsNamedByTheResponder(TestArtifacts world) {
        Sites s = failing(world, IkePolicy.fromProposal("aes128-sha256-modp2048"), ESP,
                IkePolicy.fromProposal("aes128-sha256-modp1024"), ESP, Duration.ofSeconds(5));
        String b = s.handleB().lastError().orElse("");
        assertTrue(b.contains("dhGroup theirs group14 ours group2"), b);
        assertFalse(b.contains("encryption"), b);
        String a = s.handleA().lastError().orElse("");
        assertTrue(a.contains("NO-PROPOSAL-CHOSEN"), a);
        assertEquals(ConnectionState.ERROR, s.handleA().state());
        assertTrue(s.handleA().ikeSa().isEmpty());
    }

    @Test
    void encryptionAndHashMismatchAreBothNamed(TestArtifacts world) {
        Sites s = failing(world, IkePolicy.fromProposal("aes256-sha384-modp2048"), ESP,
                IkePolicy.fromProposal("aes128-sha256-modp2048"), ESP, Duration.ofSeconds(5));
        String b = s.handleB().lastError().orElse("");
        assertTrue(b.contains("encryption theirs aes-256 ours aes-128"), b);
        assertTrue(b.contains("hash theirs sha384 ours sha256"), b);
    }

    @Test
    void bothInitiatingStillNameTheAttribute(TestArtifacts world) {
        Sites s = Sites.create(world, IkePolicy.fromProposal("aes128-sha256-modp2048"), ESP,
                IkePolicy.fromProposal("aes128-sha256-ecp256"), ESP, Sites.PSK, Sites.PSK, SAME, SAME);
        s.start();
        assertFalse(s.awaitUp(Duration.ofSeconds(5)), s::describe);
        String errors = s.errors();
        assertTrue(errors.contains("dhGroup theirs group14 ours group19") || errors.contains("dhGroup theirs group19 ours group14"),
                errors);
    }

    @Test
    void phase2MismatchIsNamedAndNoIpsecSaIsInstalled(TestArtifacts world) {
        IkePolicy ike = IkePolicy.fromProposal("aes128-sha256-ecp256");
        Sites s = failing(world, ike, IpsecPolicy.fromProposal("aes256-sha256"), ike, IpsecPolicy.fromProposal("aes128-sha512"),
                Duration.ofSeconds(5));
        String b = s.handleB().lastError().orElse("");
        assertTrue(b.contains("NO-PROPOSAL-CHOSEN"), b);
        assertTrue(b.contains("encryption theirs aes-256 ours aes-128"), b);
        assertTrue(b.contains("authAlgorithm theirs sha256 ours sha512"), b);
        assertTrue(s.handleA().lastError().orElse("").contains("NO-PROPOSAL-CHOSEN"), s::describe);
        assertNotEquals(ConnectionState.UP, s.handleA().state());
        assertNotEquals(ConnectionState.UP, s.handleB().state());
    }

    @Test
    void pfsRequiredButNotOffered(TestArtifacts world) {
        IkePolicy ike = IkePolicy.fromProposal("aes128-sha256-ecp256");
        // A (initiator) offers no PFS; B requires group14.
        Sites s = failing(world, ike, IpsecPolicy.fromProposal("aes128-sha256"), ike, IpsecPolicy.fromProposal("aes128-sha256-modp2048"),
                Duration.ofSeconds(5));
        String b = s.handleB().lastError().orElse("");
        assertTrue(b.contains("pfs theirs none ours group14"), b);
        assertTrue(b.contains("we require PFS"), b);
    }

    @Test
    void pfsOfferedButNotWanted(TestArtifacts world) {
        IkePolicy ike = IkePolicy.fromProposal("aes128-sha256-ecp256");
        Sites s = failing(world, ike, IpsecPolicy.fromProposal("aes128-sha256-ecp384"), ike, IpsecPolicy.fromProposal("aes128-sha256"),
                Duration.ofSeconds(5));
        String b = s.handleB().lastError().orElse("");
        assertTrue(b.contains("pfs theirs group20 ours none"), b);
    }

    @Test
    void pfsGroupMismatch(TestArtifacts world) {
        IkePolicy ike = IkePolicy.fromProposal("aes128-sha256-ecp256");
        Sites s = failing(world, ike, IpsecPolicy.fromProposal("aes128-sha256-modp2048"), ike,
                IpsecPolicy.fromProposal("aes128-sha256-modp3072"), Duration.ofSeconds(5));
        String b = s.handleB().lastError().orElse("");
        assertTrue(b.contains("pfs theirs group14 ours group15"), b);
    }

    @Test
    void wrongPskIsReportedOnBothSides(TestArtifacts world) {
        IkePolicy ike = IkePolicy.fromProposal("aes128-sha256-ecp256");
        Sites s = Sites.create(world, ike, ESP, ike, ESP, "psk-one", "psk-two", SAME, SAME);
        s.start();
        assertFalse(s.awaitUp(Duration.ofSeconds(100)), s::describe);
        String a = s.handleA().lastError().orElse("");
        String b = s.handleB().lastError().orElse("");
        assertTrue(a.contains("pre-shared key"), a);
        assertTrue(b.contains("pre-shared key"), b);
        assertTrue(s.handleA().ikeSa().isEmpty());
        assertTrue(s.handleB().ikeSa().isEmpty());
    }

    @Test
    void wrongPskWithOneInitiatorIsReportedOnBothSides(TestArtifacts world) {
        IkePolicy ike = IkePolicy.fromProposal("aes128-sha256-ecp256");
        Sites s = Sites.create(world, ike, ESP, ike, ESP, "psk-one", "psk-two", SAME, RESPONDER);
        s.start();
        // The whole retransmit budget of main mode message 5 (0.5 s doubling, 8 tries).
        assertFalse(s.awaitUp(Duration.ofSeconds(100)), s::describe);
        String a = s.handleA().lastError().orElse("");
        String b = s.handleB().lastError().orElse("");
        assertTrue(b.contains("pre-shared key"), b);
        assertTrue(a.contains("pre-shared key"), a);
        // ERROR, then a retry 5 s later (bi-directional): never UP.
        assertNotEquals(ConnectionState.UP, s.handleA().state());
    }

    @Test
    void wrongPeerIdNamesBothIds(TestArtifacts world) {
        IkePolicy ike = IkePolicy.fromProposal("aes128-sha256-ecp256");
        Sites s = Sites.create(world, ike, ESP, ike, ESP, Sites.PSK, Sites.PSK, c -> c.toBuilder().peerId("@gw.example.org").build(),
                RESPONDER);
        s.start();
        assertFalse(s.awaitUp(Duration.ofSeconds(10)), s::describe);
        String a = s.handleA().lastError().orElse("");
        assertTrue(a.contains("INVALID-ID-INFORMATION"), a);
        assertTrue(a.contains(Sites.B_OUTER), a);
        assertTrue(a.contains("gw.example.org"), a);
        assertEquals(ConnectionState.ERROR, s.handleA().state());
        assertTrue(s.handleA().ikeSa().isEmpty());
        String b = s.handleB().lastError().orElse("");
        assertTrue(b.contains("INVALID-ID-INFORMATION"), b);
    }

    @Test
    void wrongPeerIdSeenByTheResponder(TestArtifacts world) {
        IkePolicy ike = IkePolicy.fromProposal("aes128-sha256-ecp256");
        // B initiates; A (response-only) expects another ID than B's address.
        Sites s = Sites.create(world, ike, ESP, ike, ESP, Sites.PSK, Sites.PSK,
                c -> c.toBuilder().peerId("@gw.example.org").initiator(InitiatorMode.RESPONSE_ONLY).build(), SAME);
        s.start();
        assertFalse(s.awaitUp(Duration.ofSeconds(10)), s::describe);
        String a = s.handleA().lastError().orElse("");
        assertTrue(a.contains("INVALID-ID-INFORMATION"), a);
        assertTrue(a.contains(Sites.B_OUTER) && a.contains("gw.example.org"), a);
        assertTrue(s.handleA().ikeSa().isEmpty());
        assertNotEquals(ConnectionState.UP, s.handleB().state());
    }
}

package org.jvpn.ike.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.jvpn.api.ConnectionState;
import org.jvpn.api.config.IkePolicy;
import org.jvpn.api.config.IpsecPolicy;
import org.jvpn.testkit.inner.PingStats;
import org.jvpn.testkit.inner.Pinger;
import org.jvpn.testkit.junit.TestArtifacts;
import org.jvpn.testkit.junit.VpnTest;

@VpnTest
class TwoGatewayTest {

    @Test
    void tunnelComesUpAndCarriesPings(TestArtifacts world) {
        Sites s = Sites.create(world, IkePolicy.fromProposal("aes256-sha256-modp2048"), IpsecPolicy.fromProposal("aes128gcm16-modp2048"));
        s.a.start();
        s.b.start();
        assertTrue(s.awaitUp(Duration.ofSeconds(10)), () -> "not up: A " + s.handleA().state() + " " + s.handleA().lastError()
                + " / B " + s.handleB().state() + " " + s.handleB().lastError());
        Pinger p = s.hostA.pinger(Sites.B_HOST).start(100, Duration.ofMillis(100));
        s.scheduler().advance(Duration.ofSeconds(12));
        PingStats st = p.stats();
        assertEquals(100, st.transmitted());
        assertEquals(100, st.received(), st.summary());
        assertEquals(1, s.handleA().ipsecSas().size());
        assertTrue(s.handleA().ipsecSas().get(0).packetsOut() >= 100);
        assertTrue(s.handleB().ipsecSas().get(0).packetsIn() >= 100);
        assertTrue(s.handleA().ikeSa().isPresent());
        assertFalse(s.a.statusReport().isEmpty());
    }

    @Test
    void wrongPskFailsWithADiagnostic(TestArtifacts world) {
        IkePolicy ike = IkePolicy.fromProposal("aes128-sha256-modp2048");
        IpsecPolicy ipsec = IpsecPolicy.fromProposal("aes128-sha256-modp2048");
        Sites s = Sites.create(world, ike, ipsec, ike, ipsec, "psk-one", "psk-two", c -> c, c -> c);
        s.a.start();
        s.b.start();
        assertFalse(s.awaitUp(Duration.ofSeconds(5)));
        String errors = s.handleA().lastError().orElse("") + " | " + s.handleB().lastError().orElse("");
        assertTrue(errors.contains("pre-shared keys"), errors);
        assertTrue(s.handleA().state() != ConnectionState.UP);
    }
}

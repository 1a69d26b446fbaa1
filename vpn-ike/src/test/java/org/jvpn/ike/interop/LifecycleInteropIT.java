package org.jvpn.ike.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jvpn.ike.interop.StrongSwanInteropIT.waitFor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.ConnectionState;
import org.jvpn.api.IpsecSaInfo;
import org.jvpn.api.config.IkePolicy;
import org.jvpn.api.config.IpsecPolicy;

/** Rekeys, DPD and Deletes against strongSwan (issue 8, lifecycle). */
@EnabledIf("org.jvpn.ike.interop.StrongSwanPeer#available")
class LifecycleInteropIT {

    static final String IKE = "aes256-sha256-modp2048";
    static final String ESP = "aes128gcm16-modp2048";

    static StrongSwanPeer peer;
    @Nullable JvpnSide jvpn;

    @BeforeAll
    static void peer() {
        peer = new StrongSwanPeer();
    }

    @AfterEach
    void tearDown() {
        if (jvpn != null) {
            jvpn.close();
        }
        peer.stopCapture();
        peer.stopCharon();
        peer.set("CHILD_REKEY", "1h").set("IKE_REKEY", "4h");
    }

    private void up(boolean strongSwanInitiates, String dpdAction) throws InterruptedException {
        peer.set("IKE_PROPOSAL", IKE).set("ESP_PROPOSAL", ESP).set("KEYLOG", "1");
        peer.restart(strongSwanInitiates, null);
        jvpn = new JvpnSide(IkePolicy.fromProposal(IKE), IpsecPolicy.fromProposal(ESP),
                b -> b.initiator(strongSwanInitiates ? "response-only" : "bi-directional")
                        .dpd(org.jvpn.api.config.Dpd.of(dpdAction, 5, 15)));
        jvpn.gateway.start();
        assertTrue(jvpn.handle().awaitUp(Duration.ofSeconds(30)), () -> "not up: " + jvpn.handle().lastError());
        assertTrue(waitFor(Duration.ofSeconds(10), () -> peer.listSas().contains("INSTALLED")), peer::listSas);
    }

    @Test
    void survivesThreeStrongSwanRekeysUnderTraffic() throws Exception {
        Path pcap = Path.of(System.getProperty("jvpn.build.directory", "target"), "interop", "rekey", "outer.pcap");
        peer.set("CHILD_REKEY", "20s");
        peer.startCapture(pcap);
        up(false, "hold");
        Set<String> spis = new HashSet<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(80);
        int sent = 0;
        int lost = 0;
        while (System.nanoTime() < deadline && spis.size() < 4) {
            StrongSwanPeer.Result r = peer.ping(StrongSwanPeer.JAVA_HOST, 20, "0.1");
            sent += 20;
            lost += 20 - Math.max(0, r.received());
            for (IpsecSaInfo i : jvpn.handle().ipsecSas()) {
                spis.add(i.inboundSpi());
            }
            assertEquals(ConnectionState.UP, jvpn.handle().state(), () -> "down during rekeys: " + jvpn.handle().lastError());
        }
        assertTrue(spis.size() >= 4, "expected 3 rekeys (4 inbound SPIs), saw " + spis);
        assertTrue(lost <= 2, lost + " of " + sent + " pings lost across the rekeys");
        assertTrue(jvpn.handle().stats().ipsecRekeys() >= 3, jvpn.gateway.statusReport());
        peer.stopCapture();
        StrongSwanPeer.Result bad = peer.decrypt(pcap, "_ws.malformed || esp.icv_bad == 1");
        assertEquals("", bad.out().strip(), "malformed frames or bad ICVs across rekeys");
    }

    @Test
    void survivesAJvpnRekeyUnderTraffic() throws Exception {
        // jvpn initiates with the shortest IPsec lifetime the model allows (60 s): it rekeys before
        // strongSwan, which adopts the proposed lifetime, would.
        Path pcap = Path.of(System.getProperty("jvpn.build.directory", "target"), "interop", "jvpn-rekey", "outer.pcap");
        peer.set("IKE_PROPOSAL", IKE).set("ESP_PROPOSAL", ESP).set("KEYLOG", "1");
        peer.startCapture(pcap);
        peer.restart(false, null);
        IpsecPolicy ipsec = IpsecPolicy.fromProposal(ESP).toBuilder().lifetime(60).build();
        jvpn = new JvpnSide(IkePolicy.fromProposal(IKE), ipsec, b -> b.initiator("bi-directional"));
        jvpn.gateway.start();
        assertTrue(jvpn.handle().awaitUp(Duration.ofSeconds(30)), () -> "not up: " + jvpn.handle().lastError());
        Set<String> spis = new HashSet<>();
        int sent = 0;
        int lost = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(75);
        while (System.nanoTime() < deadline && (spis.size() < 2 || jvpn.handle().ipsecSas().size() > 1)) {
            StrongSwanPeer.Result r = peer.ping(StrongSwanPeer.JAVA_HOST, 20, "0.1");
            sent += 20;
            lost += 20 - Math.max(0, r.received());
            for (IpsecSaInfo i : jvpn.handle().ipsecSas()) {
                spis.add(i.inboundSpi());
            }
            System.out.println("[jvpn rekey] sent " + sent + " lost " + lost + " spis " + spis + " state " + jvpn.handle().state());
        }
        assertTrue(spis.size() >= 2, "expected a jvpn-initiated rekey, saw " + spis + "\n" + jvpn.gateway.statusReport());
        assertTrue(lost <= 1, lost + " of " + sent + " pings lost across the rekey");
        assertEquals(ConnectionState.UP, jvpn.handle().state());
        assertTrue(waitFor(Duration.ofSeconds(15), () -> peer.listSas().split("INSTALLED", -1).length - 1 <= 1),
                () -> "strongSwan kept the replaced CHILD_SA:\n" + peer.listSas());
        peer.stopCapture();
        StrongSwanPeer.Result bad = peer.decrypt(pcap, "_ws.malformed || esp.icv_bad == 1");
        assertEquals("", bad.out().strip(), "malformed frames or bad ICVs across the rekey");
    }

    @Test
    void survivesStrongSwanReauthenticationsUnderTraffic() throws Exception {
        // IKEv1 has no in-place IKE rekey: strongSwan re-authenticates with a new main mode (and new
        // quick modes) every IKE_REKEY, then deletes the old ISAKMP SA.
        peer.set("IKE_REKEY", "15s");
        up(false, "hold");
        Set<String> cookies = new HashSet<>();
        int sent = 0;
        int lost = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(70);
        while (System.nanoTime() < deadline && cookies.size() < 3) {
            StrongSwanPeer.Result r = peer.ping(StrongSwanPeer.JAVA_HOST, 20, "0.1");
            sent += 20;
            lost += 20 - Math.max(0, r.received());
            jvpn.handle().ikeSa().ifPresent(i -> cookies.add(i.initiatorCookie()));
            System.out.println("[reauth] sent " + sent + " lost " + lost + " ISAKMP SAs seen " + cookies.size() + " state " + jvpn.handle().state());
        }
        assertTrue(cookies.size() >= 3, () -> "expected two re-authentications (3 ISAKMP SAs), saw " + cookies + "\n" + jvpn.gateway.statusReport());
        assertTrue(lost <= 2, lost + " of " + sent + " pings lost across the re-authentications");
        assertEquals(ConnectionState.UP, jvpn.handle().state());
    }

    @Test
    void dpdHoldWhenStrongSwanDiesAndTunnelReturns() throws Exception {
        up(true, "hold");
        peer.killCharon(); // no Delete: the peer just dies
        // DPD: interval 5 s, timeout 15 s: the action runs within interval + timeout (+ a tick).
        assertTrue(waitFor(Duration.ofSeconds(25), () -> jvpn.handle().state() != ConnectionState.UP),
                () -> "DPD did not act: " + jvpn.gateway.statusReport());
        assertTrue(jvpn.handle().lastError().orElse("").contains("DPD"), () -> jvpn.handle().lastError().orElse(""));
        assertTrue(jvpn.handle().ipsecSas().isEmpty());
        peer.startCharon(); // strongSwan initiates again (start_action = start)
        assertTrue(jvpn.handle().awaitUp(Duration.ofSeconds(40)), () -> "tunnel did not come back: " + jvpn.handle().lastError());
        assertTrue(peer.ping(StrongSwanPeer.JAVA_HOST, 5, "0.2").received() >= 4);
    }

    @Test
    void strongSwanDeleteIsProcessed() throws Exception {
        up(false, "hold");
        StrongSwanPeer.Result r = peer.terminate();
        assertEquals(0, r.exit(), r.out());
        assertTrue(waitFor(Duration.ofSeconds(10), () -> jvpn.handle().ipsecSas().isEmpty()),
                () -> "jvpn kept its SAs after strongSwan's Delete: " + jvpn.gateway.statusReport());
    }

    @Test
    void jvpnDeleteRemovesStrongSwanSas() throws Exception {
        up(false, "hold");
        jvpn.gateway.stop(Duration.ofSeconds(2));
        jvpn = null;
        assertTrue(waitFor(Duration.ofSeconds(10), () -> !peer.listSas().contains("v1psk")),
                () -> "strongSwan still lists SAs: " + peer.listSas());
    }
}

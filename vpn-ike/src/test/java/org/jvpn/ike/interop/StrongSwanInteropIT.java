package org.jvpn.ike.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.ConnectionState;
import org.jvpn.api.config.IkePolicy;
import org.jvpn.api.config.IpsecPolicy;
import org.jvpn.api.config.IpsecSiteConnection;

/**
 * jvpn against strongSwan 5.9 on the wire (issue 8). Runs inside the ipsec-java namespace (failsafe's
 * jvm is ../shared/interop/bin/java); strongSwan runs in ipsec-peer. One test at a time.
 */
@EnabledIf("org.jvpn.ike.interop.StrongSwanPeer#available")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StrongSwanInteropIT {

    static final Duration UP = Duration.ofSeconds(30);

    static StrongSwanPeer peer;
    @Nullable JvpnSide jvpn;
    Path artifacts;

    @BeforeAll
    static void peer() {
        peer = new StrongSwanPeer();
    }

    @AfterEach
    void tearDown() {
        step("teardown");
        if (jvpn != null) {
            jvpn.writeKeyLog(artifacts);
            jvpn.close();
        }
        peer.stopCapture();
        peer.stopCharon();
        step("teardown done");
    }

    private long t0 = System.nanoTime();

    private void step(String what) {
        System.out.printf("[interop %6d ms] %s%n", (System.nanoTime() - t0) / 1_000_000, what);
    }

    private void start(String name, String ike, String esp, boolean strongSwanInitiates,
            java.util.function.UnaryOperator<IpsecSiteConnection.Builder> tweak) {
        t0 = System.nanoTime();
        artifacts = Path.of(System.getProperty("jvpn.build.directory", "target"), "interop", name);
        peer.set("IKE_PROPOSAL", ike).set("ESP_PROPOSAL", esp).set("KEYLOG", "1");
        peer.startCapture(artifacts.resolve("outer.pcap"));
        step("capture started");
        peer.restart(strongSwanInitiates, null);
        step("strongSwan restarted");
        jvpn = new JvpnSide(IkePolicy.fromProposal(ike), IpsecPolicy.fromProposal(esp),
                b -> tweak.apply(b.initiator(strongSwanInitiates ? "response-only" : "bi-directional")));
        jvpn.gateway.start();
    }

    private void assertUp() throws InterruptedException {
        boolean up = jvpn.handle().awaitUp(UP);
        step("jvpn up: " + up);
        assertTrue(up, () -> "tunnel not up: " + jvpn.handle().lastError().orElse("(no error)") + "\n" + jvpn.gateway.statusReport()
                + "\nstrongSwan:\n" + peer.listSas());
        assertTrue(waitFor(Duration.ofSeconds(10), () -> peer.listSas().contains("INSTALLED")), () -> "strongSwan has no installed CHILD_SA:\n" + peer.listSas());
        step("strongSwan installed");
    }

    /** 100 pings from the peer's host answered by jvpn's inner host (the first may be lost), and 10 the other way. */
    private void assertTraffic() throws InterruptedException {
        StrongSwanPeer.Result r = peer.ping(StrongSwanPeer.JAVA_HOST, 100, "0.02");
        step("100 pings from the peer: " + r.received());
        assertTrue(r.received() >= 99, () -> "pings from 203.0.113.1 answered: " + r.out());
        int before = jvpn.tunnel.echoRepliesReceived.get();
        jvpn.ping(10);
        assertTrue(waitFor(Duration.ofSeconds(5), () -> jvpn.tunnel.echoRepliesReceived.get() - before >= 10),
                () -> "jvpn's pings to 203.0.113.1 answered: " + (jvpn.tunnel.echoRepliesReceived.get() - before) + " of 10");
    }

    /** tshark with strongSwan's keys: no malformed frame, no bad ICV, and decrypted ESP present. */
    private void assertWireClean() {
        step("jvpn pings done");
        peer.stopCapture();
        step("capture stopped");
        Path pcap = artifacts.resolve("outer.pcap");
        StrongSwanPeer.Result bad = peer.decrypt(pcap, "_ws.malformed || esp.icv_bad == 1");
        assertEquals(0, bad.exit(), bad.out());
        assertEquals("", bad.out().strip(), "malformed frames or bad ICVs in " + pcap);
        step("tshark: no malformed frames");
        StrongSwanPeer.Result icmp = peer.decrypt(pcap, "icmp", "frame.number");
        step("tshark: decrypted ICMP " + icmp.out().lines().count());
        // The same capture decrypted with jvpn's own key log: proves the key log users get is right.
        Path keys = artifacts.resolve("jvpn-keys");
        jvpn.writeKeyLog(keys);
        StrongSwanPeer.Result own = peer.run(Duration.ofSeconds(60), "env", "WIRESHARK_CONFIG_DIR=" + keys, "tshark", "-r", pcap.toString(),
                "-o", "esp.enable_authentication_check:TRUE", "-Y", "icmp || esp.icv_bad == 1 || _ws.malformed", "-T", "fields",
                "-e", "frame.number", "-e", "esp.icv_bad", "-e", "_ws.malformed");
        java.util.List<String[]> frames = own.out().lines().filter(l -> !l.isEmpty() && Character.isDigit(l.charAt(0)))
                .map(l -> (l + "\t \t ").split("\t")).toList();
        long icmpOwn = frames.size();
        boolean clean = frames.stream().noneMatch(f -> f[1].strip().equals("1") || !f[2].isBlank());
        assertTrue(icmpOwn >= 100 && clean, () -> "with jvpn's key log: " + icmpOwn + " frames, clean " + clean + "\n" + own.out());
        step("tshark with jvpn's key log: decrypted ICMP " + icmpOwn);
        assertTrue(icmp.out().lines().count() >= 100, () -> "decrypted ICMP frames: " + icmp.out().lines().count());
    }

    @ParameterizedTest(name = "[{index}] {0} / {1}, strongSwan initiates: {2}")
    @CsvSource({
        "aes256-sha256-modp2048, aes128gcm16-modp2048, true",
        "aes256-sha256-modp2048, aes128gcm16-modp2048, false",
        "aes128-sha1-modp2048, aes128-sha1, false",
        "3des-sha1-modp1536, 3des-sha1-modp1024, true",
        "aes256-sha384-ecp384, aes256gcm16-ecp384, false",
        "aes128-sha256-ecp256, aes256-sha512-modp3072, true",
    })
    @Order(1)
    void matrix(String ike, String esp, boolean strongSwanInitiates, TestInfo info) throws Exception {
        start("matrix-" + ike + "-" + esp + (strongSwanInitiates ? "-sw" : "-jvpn"), ike, esp, strongSwanInitiates, b -> b);
        assertUp();
        assertTraffic();
        assertWireClean();
    }

    @Test
    @Order(2)
    void wrongPskFailsCleanlyOnBothSides() throws Exception {
        // strongSwan initiates with its PSK; jvpn (responder) has another one.
        start("wrong-psk-responder", "aes256-sha256-modp2048", "aes128gcm16-modp2048", true, b -> b.psk("not-the-right-psk"));
        assertTrue(waitFor(Duration.ofSeconds(20), () -> jvpn.handle().lastError().isPresent()), "jvpn reported nothing");
        String why = jvpn.handle().lastError().orElseThrow();
        assertTrue(why.contains("pre-shared keys"), why);
        assertFalse(jvpn.handle().state() == ConnectionState.UP);
        assertFalse(peer.listSas().contains("ESTABLISHED"), peer.listSas());
    }

    @Test
    @Order(2)
    void wrongPskAsInitiatorNamesThePsk() throws Exception {
        artifacts = Path.of(System.getProperty("jvpn.build.directory", "target"), "interop", "wrong-psk-initiator");
        peer.set("IKE_PROPOSAL", "aes256-sha256-modp2048").set("ESP_PROPOSAL", "aes128gcm16-modp2048");
        peer.restart(false, null);
        jvpn = new JvpnSide(IkePolicy.fromProposal("aes256-sha256-modp2048"), IpsecPolicy.fromProposal("aes128gcm16-modp2048"),
                b -> b.psk("not-the-right-psk"),
                new org.jvpn.api.RetransmitPolicy(Duration.ofMillis(500), Duration.ofSeconds(2), 4));
        jvpn.gateway.start();
        assertTrue(waitFor(Duration.ofSeconds(20), () -> jvpn.handle().lastError().isPresent()), "jvpn reported nothing");
        String why = jvpn.handle().lastError().orElseThrow();
        assertTrue(why.contains("pre-shared keys"), why);
        assertTrue(waitFor(Duration.ofSeconds(5), () -> peer.charonLogText().contains("integrity check failed")
                || peer.charonLogText().contains("invalid HASH") || peer.charonLogText().contains("parsing")),
                "strongSwan did not log the failed main mode message 5");
        assertFalse(peer.listSas().contains("ESTABLISHED"), peer.listSas());
    }

    @Test
    @Order(3)
    void mismatchedProposalFailsWithADiagnostic() throws Exception {
        // strongSwan initiates with modp2048; jvpn insists on modp3072.
        artifacts = Path.of(System.getProperty("jvpn.build.directory", "target"), "interop", "mismatch");
        peer.set("IKE_PROPOSAL", "aes256-sha256-modp2048").set("ESP_PROPOSAL", "aes128gcm16-modp2048");
        peer.restart(true, null);
        jvpn = new JvpnSide(IkePolicy.fromProposal("aes256-sha256-modp3072"), IpsecPolicy.fromProposal("aes128gcm16-modp2048"),
                b -> b.initiator("response-only"));
        jvpn.gateway.start();
        assertTrue(waitFor(Duration.ofSeconds(20), () -> jvpn.handle().lastError().isPresent()));
        String why = jvpn.handle().lastError().orElseThrow();
        assertTrue(why.contains("NO-PROPOSAL-CHOSEN") && why.contains("dhGroup theirs group14 ours group15"), why);
        assertTrue(waitFor(Duration.ofSeconds(10), () -> peer.charonLogText().contains("NO_PROPOSAL_CHOSEN")),
                "strongSwan did not log NO_PROPOSAL_CHOSEN");
    }

    static boolean waitFor(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return condition.getAsBoolean();
    }
}

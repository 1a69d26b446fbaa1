package org.jvpn.esp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.jvpn.api.config.AuthAlgorithm;
import org.jvpn.api.config.Cidr;
import org.jvpn.api.config.EncryptionAlgorithm;
import org.jvpn.api.spi.crypto.CryptoBackend;
import org.jvpn.api.spi.dataplane.Direction;
import org.jvpn.api.spi.dataplane.LifetimeLimits;
import org.jvpn.api.spi.dataplane.PolicyConfig;
import org.jvpn.api.spi.dataplane.SaConfig;
import org.jvpn.api.spi.dataplane.SaEvent;
import org.jvpn.api.spi.dataplane.SaKeys;
import org.jvpn.api.spi.dataplane.SaUsage;
import org.jvpn.api.spi.io.PacketBuffer;
import org.jvpn.esp.crypto.CryptoBackends;

class EspDataplaneTest {

    static final CryptoBackend JCA = CryptoBackends.jca();
    static final CryptoBackend BC = CryptoBackends.bc();

    /** Every algorithm x (JCA encrypts, BC decrypts) and the reverse, ESP, AH and AH+ESP, with and without ESN. */
    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        CryptoBackend[][] pairs = {{JCA, BC}, {BC, JCA}};
        for (CryptoBackend[] pair : pairs) {
            for (EncryptionAlgorithm e : EncryptionAlgorithm.values()) {
                if (e.isAead()) {
                    out.add(Arguments.of(pair[0], pair[1], e, null, null, false));
                    out.add(Arguments.of(pair[0], pair[1], e, null, null, true));
                } else {
                    for (AuthAlgorithm a : AuthAlgorithm.values()) {
                        out.add(Arguments.of(pair[0], pair[1], e, a, null, a == AuthAlgorithm.SHA256));
                    }
                }
            }
            for (AuthAlgorithm a : AuthAlgorithm.values()) {
                out.add(Arguments.of(pair[0], pair[1], null, null, a, false));
                out.add(Arguments.of(pair[0], pair[1], EncryptionAlgorithm.AES_128, AuthAlgorithm.SHA1, a, a == AuthAlgorithm.SHA512));
            }
            out.add(Arguments.of(pair[0], pair[1], EncryptionAlgorithm.AES_256_GCM_16, null, AuthAlgorithm.SHA256, true));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}->{1} {2} {3} ah={4} esn={5}")
    @MethodSource("matrix")
    void roundTripAcrossBackends(CryptoBackend enc, CryptoBackend dec, EncryptionAlgorithm e, AuthAlgorithm a,
                                 AuthAlgorithm ah, boolean esn) {
        Harness h = new Harness(enc, dec);
        int[] spis = h.tunnel(e, a, ah, esn, 128, LifetimeLimits.NONE, false);
        for (int size : new int[] {0, 1, 13, 100, 1372}) {
            byte[] inner = Harness.ipv4(size, size);
            assertEquals(Verdict.SENT, h.left.outbound(PacketBuffer.copyOf(inner)));
            assertArrayEquals(inner, h.delivered.get(h.delivered.size() - 1));
        }
        assertEquals(5, h.right.count(Verdict.DELIVERED));
        int spi = ah != null ? spis[1] : spis[0];
        byte[] first = h.wire.get(0);
        if (ah == null) {
            assertEquals(spi, org.jvpn.esp.sa.Bytes.getInt(first, 0));
        } else {
            assertEquals(e == null ? 4 : 50, first[0]);
            assertEquals(spi, org.jvpn.esp.sa.Bytes.getInt(first, 4));
        }
        // a replayed datagram is refused and changes nothing
        SaUsage before = h.right.usage(spi, Direction.INBOUND).orElseThrow();
        assertEquals(Verdict.REPLAY, h.right.inbound(Harness.LEFT, PacketBuffer.copyOf(first)));
        assertEquals(before, h.right.usage(spi, Direction.INBOUND).orElseThrow());
        assertEquals(5, before.packets());
        assertEquals(5, before.sequence());
    }

    @Test
    void ipv6InnerPackets() {
        Harness h = new Harness(JCA, JCA);
        h.tunnel(EncryptionAlgorithm.AES_128_GCM_16, null, null, false, 128, LifetimeLimits.NONE, true);
        byte[] inner = Harness.ipv6(200);
        assertEquals(Verdict.SENT, h.left.outbound(PacketBuffer.copyOf(inner)));
        assertArrayEquals(inner, h.delivered.get(0));
    }

    @Test
    void classifiesIkeKeepaliveAndUnknownSpi() {
        Harness h = new Harness(JCA, JCA);
        assertEquals(Verdict.IKE, h.right.inbound(Harness.LEFT, PacketBuffer.copyOf(new byte[] {0, 0, 0, 0, 1, 2, 3})));
        assertEquals(Verdict.KEEPALIVE, h.right.inbound(Harness.LEFT, PacketBuffer.copyOf(new byte[] {(byte) 0xff})));
        assertEquals(Verdict.TRUNCATED, h.right.inbound(Harness.LEFT, PacketBuffer.copyOf(new byte[] {1, 2})));
        byte[] unknown = new byte[40];
        unknown[0] = 0x12;
        unknown[3] = 0x34;
        assertEquals(Verdict.NO_SA, h.right.inbound(Harness.LEFT, PacketBuffer.copyOf(unknown)));
        assertTrue(h.events.stream().anyMatch(ev -> ev.kind() == SaEvent.Kind.UNKNOWN_SPI && ev.spi() == 0x12000034));
    }

    @Test
    void outboundWithoutPolicyOrSa() {
        Harness h = new Harness(JCA, JCA);
        assertEquals(Verdict.NO_POLICY, h.left.outbound(PacketBuffer.copyOf(Harness.ipv4(10, 1))));
        h.left.addPolicy(new PolicyConfig(7, Cidr.parse("10.1.0.0/16"), Cidr.parse("10.2.0.0/16"), 1));
        assertEquals(Verdict.NO_SA, h.left.outbound(PacketBuffer.copyOf(Harness.ipv4(10, 1))));
        assertEquals(Verdict.NO_SA, h.left.outbound(PacketBuffer.copyOf(Harness.ipv4(10, 1))));
        assertEquals(1, h.events.stream().filter(ev -> ev.kind() == SaEvent.Kind.ACQUIRE && ev.policyId() == 7).count());
        assertEquals(2, h.left.count(Verdict.NO_SA));
        assertEquals(1, h.left.count(Verdict.NO_POLICY));
        assertTrue(h.wire.isEmpty());
    }

    @Test
    void innerPacketOutsideSelectorsIsDropped() {
        Harness h = new Harness(JCA, JCA);
        h.tunnel(EncryptionAlgorithm.AES_128_GCM_16, null, null, false, 128, LifetimeLimits.NONE, false);
        // Left's policy is wider than right's: left sends 10.1.x -> 10.2.x only; widen left's selector.
        h.left.addPolicy(new PolicyConfig(1, Cidr.parse("10.0.0.0/8"), Cidr.parse("10.2.0.0/16"), 10));
        byte[] p = Harness.ipv4(new byte[] {10, 9, 0, 1}, new byte[] {10, 2, 0, 7}, 20, 1);
        assertEquals(Verdict.SENT, h.left.outbound(PacketBuffer.copyOf(p)));
        assertEquals(1, h.right.count(Verdict.POLICY_MISMATCH));
        assertTrue(h.delivered.isEmpty());
    }

    @Test
    void lifetimesByPacketsBytesAndTime() {
        Harness h = new Harness(JCA, JCA);
        int[] spis = h.tunnel(EncryptionAlgorithm.AES_128_GCM_16, null, null, false, 128,
                new LifetimeLimits(100, 200, 0, 0, 3, 5), false);
        for (int i = 0; i < 3; i++) {
            assertEquals(Verdict.SENT, h.left.outbound(PacketBuffer.copyOf(Harness.ipv4(10, i))));
        }
        assertEquals(1, h.events.stream().filter(e -> e.kind() == SaEvent.Kind.SOFT_EXPIRED).count());
        h.left.outbound(PacketBuffer.copyOf(Harness.ipv4(10, 4)));
        assertEquals(1, h.events.stream().filter(e -> e.kind() == SaEvent.Kind.SOFT_EXPIRED).count(), "soft fires once");
        h.left.outbound(PacketBuffer.copyOf(Harness.ipv4(10, 5)));
        assertTrue(h.events.stream().anyMatch(e -> e.kind() == SaEvent.Kind.HARD_EXPIRED && e.spi() == spis[0]));
        assertTrue(h.left.usage(spis[0], Direction.OUTBOUND).isEmpty());
        assertEquals(Verdict.NO_SA, h.left.outbound(PacketBuffer.copyOf(Harness.ipv4(10, 6))));

        Harness t = new Harness(JCA, JCA);
        int[] s2 = t.tunnel(EncryptionAlgorithm.AES_128, AuthAlgorithm.SHA256, null, false, 128,
                new LifetimeLimits(100, 200, 0, 0, 0, 0), false);
        t.clock.now += 99_000_000_000L;
        t.left.pollLifetimes();
        assertTrue(t.events.isEmpty());
        t.clock.now += 1_000_000_000L;
        t.left.pollLifetimes();
        assertEquals(List.of(new SaEvent(SaEvent.Kind.SOFT_EXPIRED, 1, s2[0], Direction.OUTBOUND)), t.events);
        t.clock.now += 100_000_000_000L;
        t.left.pollLifetimes();
        SaEvent hard = t.events.get(1);
        assertEquals(new SaEvent(SaEvent.Kind.HARD_EXPIRED, 1, s2[0], Direction.OUTBOUND, null, hard.finalUsage()), hard);
        assertNotNull(hard.finalUsage(), "HARD_EXPIRED carries the SA's final usage");

        Harness b = new Harness(JCA, JCA);
        b.tunnel(EncryptionAlgorithm.AES_128_GCM_16, null, null, false, 128, new LifetimeLimits(0, 0, 100, 1000, 0, 0), false);
        b.left.outbound(PacketBuffer.copyOf(Harness.ipv4(80, 1))); // 108 bytes: soft
        assertEquals(SaEvent.Kind.SOFT_EXPIRED, b.events.get(0).kind());
    }

    @Test
    void senderNeverWrapsSequenceNumbers() {
        Harness h = new Harness(JCA, JCA);
        int[] spis = h.tunnel(EncryptionAlgorithm.AES_128_GCM_16, null, null, false, 128, LifetimeLimits.NONE, false);
        h.left.testHookSequence(spis[0], 0xffff_fffeL);
        assertEquals(Verdict.SENT, h.left.outbound(PacketBuffer.copyOf(Harness.ipv4(10, 1))));
        assertEquals(Verdict.SEQUENCE_EXHAUSTED, h.left.outbound(PacketBuffer.copyOf(Harness.ipv4(10, 2))));
        assertTrue(h.events.stream().anyMatch(e -> e.kind() == SaEvent.Kind.SOFT_EXPIRED));
        assertTrue(h.events.stream().anyMatch(e -> e.kind() == SaEvent.Kind.HARD_EXPIRED));
        assertEquals(Verdict.NO_SA, h.left.outbound(PacketBuffer.copyOf(Harness.ipv4(10, 3))));
    }

    @Test
    void esnCarriesAcrossTheLow32BitBoundary() {
        Harness h = new Harness(JCA, BC);
        int[] spis = h.tunnel(EncryptionAlgorithm.AES_128, AuthAlgorithm.SHA1, null, true, 64, LifetimeLimits.NONE, false);
        h.left.testHookSequence(spis[0], 0xffff_fffdL);
        h.right.testHookWindow(spis[0], 0xffff_fffdL);
        for (int i = 0; i < 5; i++) {
            assertEquals(Verdict.SENT, h.left.outbound(PacketBuffer.copyOf(Harness.ipv4(10, i))));
        }
        assertEquals(5, h.right.count(Verdict.DELIVERED));
        assertEquals(0x1_0000_0002L, h.right.usage(spis[0], Direction.INBOUND).orElseThrow().sequence());
    }

    @Test
    void deletingAnSaWipesItsKeysAndMakeBeforeBreak() {
        Harness h = new Harness(JCA, JCA);
        int[] spis = h.tunnel(EncryptionAlgorithm.AES_128_GCM_16, null, null, false, 128, LifetimeLimits.NONE, false);
        SaKeys newKeys = Harness.keys(new Random(1), 0x7777_1111, EncryptionAlgorithm.AES_256_GCM_16, null);
        h.right.addSa(new SaConfig(1, Direction.INBOUND, Harness.copy(newKeys), null, Harness.RIGHT, Harness.LEFT, 128, false, LifetimeLimits.NONE));
        h.left.addSa(new SaConfig(1, Direction.OUTBOUND, newKeys, null, Harness.LEFT, Harness.RIGHT, 128, false, LifetimeLimits.NONE));
        h.left.outbound(PacketBuffer.copyOf(Harness.ipv4(10, 1)));
        assertEquals(0x7777_1111, org.jvpn.esp.sa.Bytes.getInt(h.wire.get(0), 0), "newest outbound SA carries traffic");
        assertTrue(h.left.deleteSa(0x7777_1111, Direction.OUTBOUND));
        assertTrue(newKeys.encryptionKey().isDestroyed());
        h.left.outbound(PacketBuffer.copyOf(Harness.ipv4(10, 2)));
        assertEquals(spis[0], org.jvpn.esp.sa.Bytes.getInt(h.wire.get(1), 0), "falls back to the older SA");
        assertFalse(h.left.deleteSa(0x7777_1111, Direction.OUTBOUND));
        assertTrue(h.left.deletePolicy(1));
        assertEquals(Verdict.NO_POLICY, h.left.outbound(PacketBuffer.copyOf(Harness.ipv4(10, 3))));
        assertEquals(2, h.right.count(Verdict.DELIVERED));
    }

    @Test
    void addSaValidates() {
        Harness h = new Harness(JCA, JCA);
        SaKeys k = Harness.keys(new Random(2), 0x1234_5678, EncryptionAlgorithm.AES_128, null);
        assertThrows(IllegalArgumentException.class, () -> h.left.addSa(new SaConfig(9, Direction.OUTBOUND, k, null,
                Harness.LEFT, Harness.RIGHT, 128, false, LifetimeLimits.NONE)), "unknown policy");
        h.left.addPolicy(new PolicyConfig(9, Cidr.parse("10.1.0.0/16"), Cidr.parse("10.2.0.0/16"), 1));
        assertThrows(IllegalArgumentException.class, () -> h.left.addSa(new SaConfig(9, Direction.OUTBOUND, k, null,
                Harness.LEFT, Harness.RIGHT, 128, false, LifetimeLimits.NONE)), "CBC without integrity");
    }

    @Test
    void allocatedSpisAreValidAndUnique() {
        Harness h = new Harness(JCA, JCA);
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < 2000; i++) {
            int spi = h.right.allocateSpi();
            assertTrue(Integer.compareUnsigned(spi, 256) >= 0);
            assertNotEquals(0, spi & 0xffff);
            assertTrue(seen.add(spi));
        }
    }

    @Test
    void keepalivesAreSentToPeers() {
        Harness h = new Harness(JCA, JCA);
        h.tunnel(EncryptionAlgorithm.AES_128_GCM_16, null, null, false, 128, LifetimeLimits.NONE, false);
        assertEquals(1, h.left.sendKeepalives(java.time.Duration.ofSeconds(20)));
        assertArrayEquals(new byte[] {(byte) 0xff}, h.wire.get(0));
        assertEquals(1, h.right.count(Verdict.KEEPALIVE));
        h.left.outbound(PacketBuffer.copyOf(Harness.ipv4(10, 1)));
        assertEquals(0, h.left.sendKeepalives(java.time.Duration.ofSeconds(20)), "recent traffic: no keepalive");
    }

    @Test
    void dummyPacketsAreDroppedSilently() {
        Harness h = new Harness(JCA, JCA);
        int[] spis = h.tunnel(EncryptionAlgorithm.AES_128_GCM_16, null, null, false, 128, LifetimeLimits.NONE, false);
        // Build a next-header-59 packet with the left SA's crypto through the test hook.
        PacketBuffer p = PacketBuffer.copyOf(new byte[16]);
        assertTrue(h.left.testHookEncapsulate(spis[0], p, 59));
        assertEquals(Verdict.DUMMY, h.right.inbound(Harness.LEFT, p));
        assertTrue(h.delivered.isEmpty());
    }
}

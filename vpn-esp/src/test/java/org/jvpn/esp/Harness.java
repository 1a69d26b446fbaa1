package org.jvpn.esp;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.config.AuthAlgorithm;
import org.jvpn.api.config.Cidr;
import org.jvpn.api.config.EncryptionAlgorithm;
import org.jvpn.api.spi.crypto.CryptoBackend;
import org.jvpn.api.spi.crypto.RandomSource;
import org.jvpn.api.spi.crypto.Secret;
import org.jvpn.api.spi.dataplane.Direction;
import org.jvpn.api.spi.dataplane.LifetimeLimits;
import org.jvpn.api.spi.dataplane.PolicyConfig;
import org.jvpn.api.spi.dataplane.SaConfig;
import org.jvpn.api.spi.dataplane.SaEvent;
import org.jvpn.api.spi.dataplane.SaKeys;
import org.jvpn.api.spi.io.PacketBuffer;
import org.jvpn.api.spi.time.Clock;

/** Two data planes, "left" and "right", wired back to back, with a manual clock and seeded randomness. */
final class Harness {

    static final class ManualClock implements Clock {
        long now = 1_000_000_000L;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public Instant wallTime() {
            return Instant.ofEpochSecond(now / 1_000_000_000L);
        }
    }

    static final InetSocketAddress LEFT = new InetSocketAddress("192.0.2.1", 4500);
    static final InetSocketAddress RIGHT = new InetSocketAddress("198.51.100.1", 4500);

    final ManualClock clock = new ManualClock();
    final Random rnd = new Random(42);
    final RandomSource random = (out, off, len) -> {
        synchronized (rnd) {
            for (int i = 0; i < len; i++) {
                out[off + i] = (byte) rnd.nextInt();
            }
        }
    };
    final List<byte[]> wire = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<byte[]> delivered = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<SaEvent> events = new ArrayList<>();
    final EspDataplane left;
    final EspDataplane right;
    boolean autoForward = true;

    Harness(CryptoBackend leftBackend, CryptoBackend rightBackend) {
        right = new EspDataplane(rightBackend, clock, random, (l, r, p) -> true, p -> delivered.add(p.toByteArray()));
        left = new EspDataplane(leftBackend, clock, random, (l, r, p) -> {
            byte[] d = p.toByteArray();
            wire.add(d);
            if (autoForward) {
                right.inbound(l, PacketBuffer.copyOf(d));
            }
            return true;
        }, p -> true);
        left.setListener(events::add);
        right.setListener(events::add);
    }

    static SaKeys keys(Random r, int spi, @Nullable EncryptionAlgorithm enc, @Nullable AuthAlgorithm auth) {
        Secret ek = null;
        if (enc != null) {
            byte[] k = new byte[enc.keyLength() + (enc.isAead() ? 4 : 0)];
            r.nextBytes(k);
            ek = Secret.wrap(k);
        }
        Secret ak = null;
        if (auth != null) {
            byte[] k = new byte[auth.keyLength()];
            r.nextBytes(k);
            ak = Secret.wrap(k);
        }
        return new SaKeys(spi, enc, ek, auth, ak);
    }

    static SaKeys copy(SaKeys k) {
        return new SaKeys(k.spi(), k.encryption(), k.encryptionKey() == null ? null : Secret.copyOf(k.encryptionKey().unsafeBytes()),
                k.integrity(), k.integrityKey() == null ? null : Secret.copyOf(k.integrityKey().unsafeBytes()));
    }

    /** Installs policy 1 (10.1.0.0/16 left <-> 10.2.0.0/16 right, and the IPv6 pair as policy 2) and a left->right SA. */
    int[] tunnel(@Nullable EncryptionAlgorithm enc, @Nullable AuthAlgorithm espAuth, @Nullable AuthAlgorithm ah,
                 boolean esn, int window, LifetimeLimits limits, boolean v6) {
        long pid = v6 ? 2 : 1;
        Cidr l = Cidr.parse(v6 ? "fd00:1::/48" : "10.1.0.0/16");
        Cidr r = Cidr.parse(v6 ? "fd00:2::/48" : "10.2.0.0/16");
        left.addPolicy(new PolicyConfig(pid, l, r, 10));
        right.addPolicy(new PolicyConfig(pid, r, l, 10));
        int espSpi = right.allocateSpi();
        int ahSpi = ah != null ? right.allocateSpi() : 0;
        SaKeys espKeys = enc != null ? keys(rnd, espSpi, enc, espAuth) : null;
        SaKeys ahKeys = ah != null ? keys(rnd, ahSpi, null, ah) : null;
        right.addSa(new SaConfig(pid, Direction.INBOUND, espKeys, ahKeys, RIGHT, LEFT, window, esn, LifetimeLimits.NONE));
        left.addSa(new SaConfig(pid, Direction.OUTBOUND, espKeys == null ? null : copy(espKeys), ahKeys == null ? null : copy(ahKeys),
                LEFT, RIGHT, window, esn, limits));
        return new int[] {espSpi, ahSpi};
    }

    /** An IPv4 UDP packet 10.1.0.5 -> 10.2.0.7 with {@code payload} bytes of data. */
    static byte[] ipv4(int payload, int seed) {
        return ipv4(new byte[] {10, 1, 0, 5}, new byte[] {10, 2, 0, 7}, payload, seed);
    }

    static byte[] ipv4(byte[] src, byte[] dst, int payload, int seed) {
        byte[] p = new byte[28 + payload];
        p[0] = 0x45;
        p[2] = (byte) (p.length >>> 8);
        p[3] = (byte) p.length;
        p[8] = 64;
        p[9] = 17;
        System.arraycopy(src, 0, p, 12, 4);
        System.arraycopy(dst, 0, p, 16, 4);
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += (p[i] & 0xff) << 8 | (p[i + 1] & 0xff);
        }
        while (sum >>> 16 != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        p[10] = (byte) (~sum >>> 8);
        p[11] = (byte) ~sum;
        Random r = new Random(seed);
        for (int i = 28; i < p.length; i++) {
            p[i] = (byte) r.nextInt();
        }
        return p;
    }

    /** An IPv6 packet fd00:1::5 -> fd00:2::7 (next header 59, no payload header) with {@code payload} bytes. */
    static byte[] ipv6(int payload) {
        byte[] p = new byte[40 + payload];
        p[0] = 0x60;
        p[4] = (byte) (payload >>> 8);
        p[5] = (byte) payload;
        p[6] = 59;
        p[7] = 64;
        p[8] = (byte) 0xfd;
        p[10] = 0;
        p[11] = 1;
        p[23] = 5;
        p[24] = (byte) 0xfd;
        p[27] = 2;
        p[39] = 7;
        return p;
    }
}

package org.jvpn.esp;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.EnumMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.spi.crypto.CryptoBackend;
import org.jvpn.api.spi.crypto.RandomSource;
import org.jvpn.api.spi.dataplane.Direction;
import org.jvpn.api.spi.dataplane.LifetimeLimits;
import org.jvpn.api.spi.dataplane.SaConfig;
import org.jvpn.api.spi.dataplane.SaKeys;
import org.jvpn.esp.sa.AhCrypto;
import org.jvpn.esp.sa.EspCrypto;
import org.jvpn.esp.sa.EspSuite;
import org.jvpn.esp.sa.ReplayWindow;

/**
 * One installed SA (one direction; ESP, AH or the AH+ESP bundle). Packet threads {@link #enter()} before
 * using it and {@link #exit()} after; {@link #close()} makes new entries fail and wipes the keys once the
 * last user has left, so keys are never wiped under a running cipher.
 */
final class SecurityAssociation {

    private static final int CLOSED = 1 << 30;
    private static final long NANOS = 1_000_000_000L;

    final SaConfig config;
    final int spi;
    final Direction direction;
    final long policyId;
    final long installedNanos;
    final @Nullable EspSuite esp;
    final int espSpi;
    final @Nullable AhSuite ah;
    final int ahSpi;
    final ReplayWindow window;
    final long maxSeq;
    final long softSeq;

    private static final AtomicLong SERIALS = new AtomicLong();
    /** Installation order, for make-before-break fallbacks. */
    final long serial = SERIALS.incrementAndGet();
    volatile @Nullable PolicyEntry policy;
    final AtomicLong sequence = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    final AtomicLong packets = new AtomicLong();
    volatile long lastUsedNanos = Long.MIN_VALUE;
    /** The peer's outer endpoint: where outbound packets go; for inbound, where authenticated packets came from. */
    volatile InetSocketAddress remote;
    final AtomicLongArray verdicts = new AtomicLongArray(Verdict.values().length);
    final AtomicBoolean softFired = new AtomicBoolean();
    final AtomicBoolean hardFired = new AtomicBoolean();

    private final AtomicInteger users = new AtomicInteger();
    private final AtomicBoolean wiped = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Object> contexts = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<@Nullable EspCrypto> espLocal = new ThreadLocal<>();
    private final ThreadLocal<@Nullable AhCrypto> ahLocal = new ThreadLocal<>();

    SecurityAssociation(SaConfig config, CryptoBackend backend, RandomSource random, long now) {
        this.config = config;
        this.remote = config.remote();
        this.spi = config.spi();
        this.direction = config.direction();
        this.policyId = config.policyId();
        this.installedNanos = now;
        SaKeys e = config.esp();
        SaKeys a = config.ah();
        this.esp = e == null ? null : EspSuite.of(backend, e, config.esn(), random);
        this.espSpi = e == null ? 0 : e.spi();
        this.ah = a == null ? null : AhSuite.of(backend, a, config.esn());
        this.ahSpi = a == null ? 0 : a.spi();
        this.window = new ReplayWindow(config.replayWindow());
        this.maxSeq = config.esn() ? Long.MAX_VALUE : 0xffff_ffffL;
        this.softSeq = maxSeq - (maxSeq >>> 4);
    }

    /** Registers a packet-processing user; false if the SA is being removed. */
    boolean enter() {
        while (true) {
            int u = users.get();
            if ((u & CLOSED) != 0) {
                return false;
            }
            if (users.compareAndSet(u, u + 1)) {
                return true;
            }
        }
    }

    void exit() {
        if (users.decrementAndGet() == CLOSED) {
            wipe();
        }
    }

    /** Refuses new users and wipes the keys once current users are done. */
    void close() {
        int before = users.getAndUpdate(u -> u | CLOSED);
        if ((before & CLOSED) == 0 && before == 0) {
            wipe();
        }
    }

    boolean isClosed() {
        return (users.get() & CLOSED) != 0;
    }

    private void wipe() {
        if (!wiped.compareAndSet(false, true)) {
            return;
        }
        for (Object c : contexts) {
            if (c instanceof EspCrypto ec) {
                ec.destroy();
            } else if (c instanceof AhCrypto ac) {
                ac.destroy();
            }
        }
        contexts.clear();
        if (esp != null) {
            esp.wipe();
        }
        if (ah != null) {
            ah.wipe();
        }
        SaKeys e = config.esp();
        SaKeys a = config.ah();
        if (e != null) {
            e.destroy();
        }
        if (a != null) {
            a.destroy();
        }
    }

    /** This thread's ESP transform (created on first use). Call only between enter and exit. */
    EspCrypto espCrypto() {
        EspCrypto c = espLocal.get();
        if (c == null) {
            c = esp.newCrypto();
            contexts.add(c);
            espLocal.set(c);
        }
        return c;
    }

    AhCrypto ahCrypto() {
        AhCrypto c = ahLocal.get();
        if (c == null) {
            c = ah.newCrypto();
            contexts.add(c);
            ahLocal.set(c);
        }
        return c;
    }

    /** The next outbound sequence number, or -1 if exhausted (never wraps, RFC 4303 section 3.3.3). */
    long nextSequence() {
        long s = sequence.incrementAndGet();
        if (s > maxSeq || s <= 0) {
            sequence.set(maxSeq);
            return -1;
        }
        return s;
    }

    void count(Verdict v) {
        verdicts.incrementAndGet(v.ordinal());
    }

    /** Which limit has been reached: 2 hard, 1 soft, 0 none. */
    int limitReached(long now, long b, long p) {
        LifetimeLimits l = config.limits();
        long age = now - installedNanos;
        if (l.hardBytes() > 0 && b >= l.hardBytes() || l.hardPackets() > 0 && p >= l.hardPackets()
                || l.hardSeconds() > 0 && age >= l.hardSeconds() * NANOS) {
            return 2;
        }
        if (l.softBytes() > 0 && b >= l.softBytes() || l.softPackets() > 0 && p >= l.softPackets()
                || l.softSeconds() > 0 && age >= l.softSeconds() * NANOS
                || direction == Direction.OUTBOUND && sequence.get() >= softSeq) {
            return 1;
        }
        return 0;
    }

    boolean hasLimits() {
        return !config.limits().equals(LifetimeLimits.NONE) || direction == Direction.OUTBOUND;
    }

    long reportedSequence() {
        return direction == Direction.OUTBOUND ? Math.min(sequence.get(), maxSeq) : window.top();
    }

    Map<Verdict, Long> verdictCounts() {
        Map<Verdict, Long> m = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            long n = verdicts.get(v.ordinal());
            if (n != 0) {
                m.put(v, n);
            }
        }
        return m;
    }
}

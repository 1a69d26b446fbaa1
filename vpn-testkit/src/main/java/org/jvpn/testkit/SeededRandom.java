package org.jvpn.testkit;

import java.nio.charset.StandardCharsets;
import org.jvpn.api.spi.crypto.RandomSource;

/**
 * A deterministic {@link RandomSource} for tests: the same seed gives the same bytes on every JVM and
 * every run (SplitMix64, written out here so that no JDK change can alter a test's world).
 * {@link #fork(String)} derives an independent stream from the seed and a label, unaffected by how much
 * of this stream was consumed, so components that draw in different orders stay reproducible.
 *
 * <p>Thread-safe. Never use it outside tests: it is not a secure generator.
 */
public final class SeededRandom implements RandomSource {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final long seed;
    private long state;

    public SeededRandom(long seed) {
        this.seed = seed;
        this.state = seed;
    }

    /** The seed this stream started from (report it when a test fails). */
    public long seed() {
        return seed;
    }

    /** An independent stream named {@code label}, derived from this stream's seed only. */
    public SeededRandom fork(String label) {
        return new SeededRandom(mix(seed ^ fnv1a64(label)));
    }

    @Override
    public synchronized void nextBytes(byte[] out, int off, int len) {
        int i = 0;
        while (i < len) {
            long r = next();
            for (int k = 0; k < 8 && i < len; k++, i++) {
                out[off + i] = (byte) r;
                r >>>= 8;
            }
        }
    }

    @Override
    public synchronized long nextLong() {
        return next();
    }

    @Override
    public synchronized int nextInt() {
        return (int) (next() >>> 32);
    }

    /** A uniformly distributed double in {@code [0, 1)}. */
    public synchronized double nextDouble() {
        return (next() >>> 11) * 0x1.0p-53;
    }

    /** True with probability {@code percent}/100. */
    public boolean chance(double percent) {
        return percent > 0 && nextDouble() * 100.0 < percent;
    }

    /** A uniformly distributed long in {@code [0, bound)}; {@code bound > 0}. */
    public synchronized long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long limit = Long.MAX_VALUE - Long.MAX_VALUE % bound;
        while (true) {
            long r = next() >>> 1;
            if (r < limit) {
                return r % bound;
            }
        }
    }

    private long next() {
        state += GOLDEN;
        return mix(state);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long fnv1a64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    @Override
    public String toString() {
        return "SeededRandom[seed=" + seed + "]";
    }
}

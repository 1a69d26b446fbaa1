package org.jvpn.api.spi.crypto;

import java.security.SecureRandom;

/**
 * The engine's only source of randomness: nonces, SPIs, cookies, DH private values, IV keys, DPD
 * sequence numbers, rekey fuzz. Injected, so that tests are deterministic (the testkit supplies a seeded
 * source). Implementations are thread-safe.
 */
@FunctionalInterface
public interface RandomSource {

    /** Fills {@code out[off, off+len)} with random bytes. */
    void nextBytes(byte[] out, int off, int len);

    /** {@code n} fresh random bytes. */
    default byte[] nextBytes(int n) {
        byte[] b = new byte[n];
        nextBytes(b, 0, n);
        return b;
    }

    /** A random int. */
    default int nextInt() {
        byte[] b = nextBytes(4);
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }

    /** A random long. */
    default long nextLong() {
        return (long) nextInt() << 32 | (nextInt() & 0xffffffffL);
    }

    /** A uniformly distributed int in {@code [0, bound)}; {@code bound > 0}. */
    default int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        int mask = Integer.highestOneBit(bound) * 2 - 1;
        while (true) {
            int r = nextInt() & mask;
            if (r < bound) {
                return r;
            }
        }
    }

    /** The production default: a {@link SecureRandom}. */
    static RandomSource secure() {
        SecureRandom sr = new SecureRandom();
        return (out, off, len) -> {
            if (off == 0 && len == out.length) {
                sr.nextBytes(out);
            } else {
                byte[] tmp = new byte[len];
                sr.nextBytes(tmp);
                System.arraycopy(tmp, 0, out, off, len);
            }
        };
    }
}

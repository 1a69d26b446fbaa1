package org.jvpn.ike.keys;

import org.jvpn.api.spi.crypto.CryptoBackend;
import org.jvpn.api.spi.crypto.RandomSource;
import org.jvpn.esp.crypto.CryptoBackends;

/**
 * The crypto backend and a seeded random source for the key tests; shared files, JSON and hex are in
 * {@link org.jvpn.ike.testvectors}.
 */
final class TestData {

    static final CryptoBackend BACKEND = CryptoBackends.defaults();

    private TestData() {}

    /** A deterministic random source (xorshift64*, seeded). */
    static RandomSource seeded(long seed) {
        long[] state = {seed == 0 ? 0x9E3779B97F4A7C15L : seed};
        return (out, off, len) -> {
            for (int i = 0; i < len; i++) {
                long x = state[0];
                x ^= x >>> 12;
                x ^= x << 25;
                x ^= x >>> 27;
                state[0] = x;
                out[off + i] = (byte) ((x * 0x2545F4914F6CDD1DL) >>> 56);
            }
        };
    }
}

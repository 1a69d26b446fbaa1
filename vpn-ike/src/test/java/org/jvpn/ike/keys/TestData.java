package org.jvpn.ike.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import org.jvpn.api.spi.crypto.CryptoBackend;
import org.jvpn.api.spi.crypto.RandomSource;
import org.jvpn.esp.crypto.CryptoBackends;

/** Shared test vectors (system property {@code jvpn.shared}), hex and a seeded random source. */
final class TestData {

    static final CryptoBackend BACKEND = CryptoBackends.defaults();

    private TestData() {}

    static Path shared(String relative) {
        String root = System.getProperty("jvpn.shared");
        if (root == null) {
            throw new IllegalStateException("system property jvpn.shared is not set (surefire sets it)");
        }
        return Path.of(root).resolve("vectors").resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(shared(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] readBytes(String relative) {
        try {
            return Files.readAllBytes(shared(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> json(String relative) {
        return TestJson.obj(TestJson.parse(read(relative)));
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.trim());
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

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

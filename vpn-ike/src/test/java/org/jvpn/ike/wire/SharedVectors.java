package org.jvpn.ike.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/** Locates ../shared test data through the {@code jvpn.shared} system property. */
final class SharedVectors {

    private SharedVectors() {
    }

    static Path path(String relative) {
        String root = System.getProperty("jvpn.shared");
        if (root == null) {
            throw new IllegalStateException("system property jvpn.shared is not set (surefire sets it)");
        }
        return Path.of(root).resolve(relative);
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}

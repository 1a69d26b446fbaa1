package org.jvpn.ike.testvectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;

/**
 * Files of the shared test data, located through the system property {@code jvpn.shared} (set by
 * surefire); every {@code relative} path is relative to that directory, e.g. {@code "vectors/pcaps/x.pcap"}.
 */
public final class Vectors {

    private Vectors() {
    }

    public static Path path(String relative) {
        String root = System.getProperty("jvpn.shared");
        if (root == null) {
            throw new IllegalStateException("system property jvpn.shared is not set (surefire sets it)");
        }
        return Path.of(root).resolve(relative);
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String relative) {
        try {
            return Files.readString(path(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON file whose top level is an object. */
    public static Map<String, Object> json(String relative) {
        return Json.obj(Json.parse(text(relative)));
    }

    /** Hex (either case, surrounding whitespace ignored) to bytes. */
    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.trim());
    }

    /** Lower-case hex. */
    public static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}

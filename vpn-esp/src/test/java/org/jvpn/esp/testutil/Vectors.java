package org.jvpn.esp.testutil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Access to ../shared/vectors via the jvpn.shared system property. */
public final class Vectors {
    private Vectors() {}

    public static Path path(String relative) {
        String shared = System.getProperty("jvpn.shared");
        if (shared == null) {
            throw new IllegalStateException("system property jvpn.shared is not set (surefire sets it)");
        }
        return Path.of(shared, "vectors", relative);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> json(String relative) {
        try {
            return (Map<String, Object>) Json.parse(Files.readString(path(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        return (List<Map<String, Object>>) m.get(key);
    }

    public static byte[] hex(Object s) {
        return HexFormat.of().parseHex(((String) s).replace(" ", ""));
    }

    public static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    public static byte[] readAll(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

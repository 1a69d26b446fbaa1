package org.jvpn.ike.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lookups over payload lists (cleartext messages and decrypted chains alike). */
public final class Payloads {

    private Payloads() {
    }

    /** All payloads of class {@code type}, in order. */
    public static <T extends Payload> List<T> all(List<Payload> payloads, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Payload p : payloads) {
            if (type.isInstance(p)) {
                out.add(type.cast(p));
            }
        }
        return out;
    }

    /** The first payload of class {@code type}. */
    public static <T extends Payload> Optional<T> first(List<Payload> payloads, Class<T> type) {
        for (Payload p : payloads) {
            if (type.isInstance(p)) {
                return Optional.of(type.cast(p));
            }
        }
        return Optional.empty();
    }
}

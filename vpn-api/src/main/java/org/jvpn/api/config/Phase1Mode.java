package org.jvpn.api.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * IKEv1 phase 1 exchange mode ({@code phase1_negotiation_mode}). Only {@link #MAIN} is supported;
 * {@link #AGGRESSIVE} exists so that refusing it can say why.
 */
public enum Phase1Mode {
    /** Main mode (identity protection): supported. */
    MAIN("main"),
    /** Aggressive mode: refused (it exposes a PSK hash to offline guessing). */
    AGGRESSIVE("aggressive");

    private final String apiName;

    Phase1Mode(String apiName) {
        this.apiName = apiName;
    }

    /** The name used in configuration ("main"). */
    public String apiName() {
        return apiName;
    }

    /** The constant with this API name, case-insensitively (also the Java constant name). */
    public static Optional<Phase1Mode> fromApiName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(v -> v.apiName.equals(n) || v.name().toLowerCase(Locale.ROOT).equals(n))
                .findFirst();
    }

    /** The API name. */
    @Override
    public String toString() {
        return apiName;
    }
}

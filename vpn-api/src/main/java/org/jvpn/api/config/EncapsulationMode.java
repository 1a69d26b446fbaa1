package org.jvpn.api.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * IPsec encapsulation mode ({@code encapsulation_mode}). Only {@link #TUNNEL} is supported;
 * {@link #TRANSPORT} exists so that refusing it can say so precisely.
 */
public enum EncapsulationMode {
    /** Tunnel mode: supported. */
    TUNNEL("tunnel"),
    /** Transport mode: not supported. */
    TRANSPORT("transport");

    private final String apiName;

    EncapsulationMode(String apiName) {
        this.apiName = apiName;
    }

    /** The name used in configuration ("tunnel"). */
    public String apiName() {
        return apiName;
    }

    /** The constant with this API name, case-insensitively (also the Java constant name). */
    public static Optional<EncapsulationMode> fromApiName(String name) {
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

package org.jvpn.api.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a connection initiates negotiations ({@code initiator}).
 */
public enum InitiatorMode {
    /** Initiates and responds. The default. */
    BI_DIRECTIONAL("bi-directional"),
    /** Only responds to the peer. */
    RESPONSE_ONLY("response-only");

    private final String apiName;

    InitiatorMode(String apiName) {
        this.apiName = apiName;
    }

    /** The name used in configuration ("bi-directional"). */
    public String apiName() {
        return apiName;
    }

    /** The constant with this API name, case-insensitively (also the Java constant name). */
    public static Optional<InitiatorMode> fromApiName(String name) {
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

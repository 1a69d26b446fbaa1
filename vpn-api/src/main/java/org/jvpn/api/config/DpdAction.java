package org.jvpn.api.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What to do when dead peer detection (RFC 3706) declares the peer dead ({@code dpd.action}).
 */
public enum DpdAction {
    /** Keep the policies, drop traffic and re-negotiate when traffic arrives. The default. */
    HOLD("hold"),
    /** Delete the SAs and the connection's state. */
    CLEAR("clear"),
    /** Delete the SAs and re-negotiate at once. */
    RESTART("restart"),
    /** No dead peer detection. */
    DISABLED("disabled");

    private final String apiName;

    DpdAction(String apiName) {
        this.apiName = apiName;
    }

    /** The name used in configuration ("hold"). */
    public String apiName() {
        return apiName;
    }

    /** The constant with this API name, case-insensitively (also the Java constant name). */
    public static Optional<DpdAction> fromApiName(String name) {
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

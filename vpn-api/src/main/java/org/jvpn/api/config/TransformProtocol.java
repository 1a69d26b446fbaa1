package org.jvpn.api.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The IPsec protocol of an IPsec policy ({@code transform_protocol}).
 */
public enum TransformProtocol {
    /** ESP (RFC 4303): confidentiality and integrity. The default. */
    ESP("esp"),
    /** AH (RFC 4302): integrity only. */
    AH("ah"),
    /** An AH + ESP bundle: ESP inside AH. */
    AH_ESP("ah-esp");

    private final String apiName;

    TransformProtocol(String apiName) {
        this.apiName = apiName;
    }

    /** The name used in configuration ("esp"). */
    public String apiName() {
        return apiName;
    }

    /** The constant with this API name, case-insensitively (also the Java constant name). */
    public static Optional<TransformProtocol> fromApiName(String name) {
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

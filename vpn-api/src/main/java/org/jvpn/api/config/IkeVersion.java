package org.jvpn.api.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * IKE protocol version ({@code ike_version}). Only {@link #V1} is supported; {@link #V2} exists so that
 * refusing it can say so precisely.
 */
public enum IkeVersion {
    /** IKEv1 (RFC 2409): supported. */
    V1("v1"),
    /** IKEv2 (RFC 7296): not supported yet. */
    V2("v2");

    private final String apiName;

    IkeVersion(String apiName) {
        this.apiName = apiName;
    }

    /** The name used in configuration ("v1"). */
    public String apiName() {
        return apiName;
    }

    /** The constant with this API name, case-insensitively (also the Java constant name). */
    public static Optional<IkeVersion> fromApiName(String name) {
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

package org.jvpn.api.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jvpn.api.spi.crypto.HashAlgorithm;

/**
 * Authentication (hash/integrity) algorithms, named as in the cloud VPN APIs. In IKE policies this is
 * the hash and PRF (HMAC); in IPsec policies the ESP/AH integrity algorithm with the ICV truncation of
 * RFC 2404 / RFC 4868 (sha1: 96 bits, sha256: 128, sha384: 192, sha512: 256).
 */
public enum AuthAlgorithm {
    SHA1("sha1", HashAlgorithm.SHA1, 12, true),
    SHA256("sha256", HashAlgorithm.SHA256, 16, false),
    SHA384("sha384", HashAlgorithm.SHA384, 24, false),
    SHA512("sha512", HashAlgorithm.SHA512, 32, false);

    private final String apiName;
    private final HashAlgorithm hash;
    private final int icvLength;
    private final boolean weak;

    AuthAlgorithm(String apiName, HashAlgorithm hash, int icvLength, boolean weak) {
        this.apiName = apiName;
        this.hash = hash;
        this.icvLength = icvLength;
        this.weak = weak;
    }

    public String apiName() {
        return apiName;
    }

    /** The underlying hash function. */
    public HashAlgorithm hash() {
        return hash;
    }

    /** Truncated ICV length for ESP/AH in bytes. */
    public int icvLength() {
        return icvLength;
    }

    /** HMAC key length for ESP/AH (the hash output length). */
    public int keyLength() {
        return hash.outputLength();
    }

    public boolean isWeak() {
        return weak;
    }

    public static Optional<AuthAlgorithm> fromApiName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.apiName.equals(n)).findFirst();
    }

    @Override
    public String toString() {
        return apiName;
    }
}

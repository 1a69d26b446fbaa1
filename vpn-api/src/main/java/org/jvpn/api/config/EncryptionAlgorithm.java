package org.jvpn.api.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Encryption algorithms of IKE and IPsec policies, named as in the cloud VPN APIs (Neutron VPNaaS
 * {@code encryption_algorithm}). The GCM variants are for IPsec policies only; {@code -8} and
 * {@code -12} are the shorter ICVs of RFC 4106.
 */
public enum EncryptionAlgorithm {
    DES3("3des", 24, false, 0, true),
    AES_128("aes-128", 16, false, 0, false),
    AES_192("aes-192", 24, false, 0, false),
    AES_256("aes-256", 32, false, 0, false),
    AES_128_GCM_8("aes-128-gcm-8", 16, true, 8, true),
    AES_128_GCM_12("aes-128-gcm-12", 16, true, 12, false),
    AES_128_GCM_16("aes-128-gcm-16", 16, true, 16, false),
    AES_192_GCM_8("aes-192-gcm-8", 24, true, 8, true),
    AES_192_GCM_12("aes-192-gcm-12", 24, true, 12, false),
    AES_192_GCM_16("aes-192-gcm-16", 24, true, 16, false),
    AES_256_GCM_8("aes-256-gcm-8", 32, true, 8, true),
    AES_256_GCM_12("aes-256-gcm-12", 32, true, 12, false),
    AES_256_GCM_16("aes-256-gcm-16", 32, true, 16, false);

    private final String apiName;
    private final int keyLength;
    private final boolean aead;
    private final int icvLength;
    private final boolean weak;

    EncryptionAlgorithm(String apiName, int keyLength, boolean aead, int icvLength, boolean weak) {
        this.apiName = apiName;
        this.keyLength = keyLength;
        this.aead = aead;
        this.icvLength = icvLength;
        this.weak = weak;
    }

    /** The name used in configuration ("aes-128", "aes-256-gcm-16"). */
    public String apiName() {
        return apiName;
    }

    /** Cipher key length in bytes (without the 4-byte GCM salt). */
    public int keyLength() {
        return keyLength;
    }

    /** Whether this is an AEAD (AES-GCM) algorithm, which needs no separate integrity algorithm. */
    public boolean isAead() {
        return aead;
    }

    /** ICV length in bytes for AEAD algorithms; 0 for CBC ciphers. */
    public int icvLength() {
        return icvLength;
    }

    /** Whether this is a weak legacy choice accepted only for interoperability. */
    public boolean isWeak() {
        return weak;
    }

    /** Block size in bytes (CBC) or 4 (GCM's ESP padding alignment). */
    public int blockSize() {
        return this == DES3 ? 8 : aead ? 4 : 16;
    }

    /** IV length on the wire in bytes (8 for 3DES and GCM, 16 for AES-CBC). */
    public int ivLength() {
        return this == DES3 || aead ? 8 : 16;
    }

    /** The algorithm with this API name, case-insensitively. */
    public static Optional<EncryptionAlgorithm> fromApiName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.apiName.equals(n)).findFirst();
    }

    @Override
    public String toString() {
        return apiName;
    }
}

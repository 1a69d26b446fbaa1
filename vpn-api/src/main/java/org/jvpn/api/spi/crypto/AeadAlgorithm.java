package org.jvpn.api.spi.crypto;

/** AEAD primitives. The key passed to a back end is the cipher key only (no salt). */
public enum AeadAlgorithm {
    /** AES-GCM (NIST SP 800-38D), 12-byte nonce, 16-byte full tag (truncated above the back end). */
    AES_GCM,
    /** AES-CCM (RFC 3610), 11-byte nonce for ESP (RFC 4309). Bouncy Castle only. */
    AES_CCM
}

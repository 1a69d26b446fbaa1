package org.jvpn.api.spi.crypto;

/**
 * A provider of symmetric primitives. Back ends: JCA (the default for everything the JDK does well)
 * and Bouncy Castle (what the JDK lacks), in vpn-esp. Protocol framing is written once above them.
 *
 * <p>Factories are thread-safe; the objects they return are not (one per thread). Keys passed in
 * are copied; the caller wipes its copy.
 */
public interface CryptoBackend {

    /** A short name for logs and benchmarks ("jca", "bc"). */
    String name();

    boolean supports(AeadAlgorithm algorithm, int keyLengthBytes);

    boolean supports(BlockCipherAlgorithm algorithm, int keyLengthBytes);

    boolean supports(HashAlgorithm algorithm);

    /** @throws CryptoException if not {@linkplain #supports(AeadAlgorithm, int) supported} */
    AeadCipher aead(AeadAlgorithm algorithm, byte[] key);

    /** @throws CryptoException if not supported */
    CbcCipher cbc(BlockCipherAlgorithm algorithm, byte[] key);

    /** An HMAC over {@code hash} keyed with {@code key} (any length, per RFC 2104). */
    Mac hmac(HashAlgorithm hash, byte[] key);

    Digest digest(HashAlgorithm hash);
}

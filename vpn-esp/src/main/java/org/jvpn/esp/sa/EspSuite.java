package org.jvpn.esp.sa;

import java.util.Arrays;
import org.jvpn.api.config.AuthAlgorithm;
import org.jvpn.api.config.EncryptionAlgorithm;
import org.jvpn.api.spi.crypto.AeadAlgorithm;
import org.jvpn.api.spi.crypto.BlockCipherAlgorithm;
import org.jvpn.api.spi.crypto.CryptoBackend;
import org.jvpn.api.spi.crypto.HashAlgorithm;
import org.jvpn.api.spi.crypto.RandomSource;
import org.jvpn.api.spi.dataplane.SaKeys;
import org.jspecify.annotations.Nullable;

/**
 * The algorithms and key copies of one ESP SA, from which each thread gets its own {@link EspCrypto}.
 * {@link #wipe()} zeroes the copies.
 */
public final class EspSuite {

    private final CryptoBackend backend;
    private final @Nullable BlockCipherAlgorithm cbc;
    private final byte[] encKey;
    private final byte[] ivKey;
    private final @Nullable HashAlgorithm hash;
    private final byte[] macKey;
    private final int icvLength;
    private final boolean esn;

    private EspSuite(CryptoBackend backend, @Nullable BlockCipherAlgorithm cbc, byte[] encKey, byte[] ivKey,
                     @Nullable HashAlgorithm hash, byte[] macKey, int icvLength, boolean esn) {
        this.backend = backend;
        this.cbc = cbc;
        this.encKey = encKey;
        this.ivKey = ivKey;
        this.hash = hash;
        this.macKey = macKey;
        this.icvLength = icvLength;
        this.esn = esn;
    }

    /** AES-GCM (RFC 4106) with {@code keyAndSalt} = key || 4-byte salt. */
    public static EspSuite gcm(CryptoBackend backend, byte[] keyAndSalt, int icvLength, boolean esn) {
        int k = keyAndSalt.length - 4;
        if (k != 16 && k != 24 && k != 32) {
            throw new IllegalArgumentException("AES-GCM key material is " + keyAndSalt.length + " bytes (expected key 16/24/32 + salt 4)");
        }
        if (!backend.supports(AeadAlgorithm.AES_GCM, k)) {
            throw new IllegalArgumentException("back end " + backend.name() + " does not support AES-GCM with a " + k + "-byte key");
        }
        return new EspSuite(backend, null, keyAndSalt.clone(), new byte[0], null, new byte[0], icvLength, esn);
    }

    /** A CBC cipher with HMAC; {@code ivKey} (a random block-cipher key) derives the IVs. */
    public static EspSuite cbc(CryptoBackend backend, BlockCipherAlgorithm cipher, byte[] encKey, byte[] ivKey,
                               HashAlgorithm hash, byte[] macKey, int icvLength, boolean esn) {
        if (!backend.supports(cipher, encKey.length)) {
            throw new IllegalArgumentException("back end " + backend.name() + " does not support " + cipher + " with a " + encKey.length + "-byte key");
        }
        if (ivKey.length != encKey.length) {
            throw new IllegalArgumentException("IV key length " + ivKey.length + " != cipher key length " + encKey.length);
        }
        return new EspSuite(backend, cipher, encKey.clone(), ivKey.clone(), hash, macKey.clone(), icvLength, esn);
    }

    /** The suite for negotiated ESP keys; the IV key for CBC is drawn from {@code random}. */
    public static EspSuite of(CryptoBackend backend, SaKeys keys, boolean esn, RandomSource random) {
        EncryptionAlgorithm enc = keys.encryption();
        if (enc == null || keys.encryptionKey() == null) {
            throw new IllegalArgumentException("ESP SA 0x" + Integer.toHexString(keys.spi()) + " has no encryption algorithm or key");
        }
        byte[] ek = keys.encryptionKey().unsafeBytes();
        if (enc.isAead()) {
            if (keys.integrity() != null) {
                throw new IllegalArgumentException("ESP SA with " + enc + " must have no integrity algorithm (got " + keys.integrity() + ")");
            }
            if (ek.length != enc.keyLength() + 4) {
                throw new IllegalArgumentException(enc + " key is " + ek.length + " bytes (expected " + (enc.keyLength() + 4) + " incl. salt)");
            }
            return gcm(backend, ek, enc.icvLength(), esn);
        }
        AuthAlgorithm auth = keys.integrity();
        if (auth == null || keys.integrityKey() == null) {
            throw new IllegalArgumentException("ESP SA with " + enc + " needs an integrity algorithm and key");
        }
        if (ek.length != enc.keyLength()) {
            throw new IllegalArgumentException(enc + " key is " + ek.length + " bytes (expected " + enc.keyLength() + ")");
        }
        BlockCipherAlgorithm bc = enc == EncryptionAlgorithm.DES3 ? BlockCipherAlgorithm.DES_EDE3_CBC : BlockCipherAlgorithm.AES_CBC;
        byte[] ivKey = random.nextBytes(ek.length);
        try {
            return cbc(backend, bc, ek, ivKey, auth.hash(), keys.integrityKey().unsafeBytes(), auth.icvLength(), esn);
        } finally {
            Arrays.fill(ivKey, (byte) 0);
        }
    }

    /** A new per-thread transform. */
    public EspCrypto newCrypto() {
        if (cbc == null) {
            return new GcmEspCrypto(backend, encKey, icvLength, esn);
        }
        return new CbcHmacEspCrypto(backend, cbc, encKey, ivKey, hash, macKey, icvLength, esn);
    }

    public void wipe() {
        Arrays.fill(encKey, (byte) 0);
        Arrays.fill(ivKey, (byte) 0);
        Arrays.fill(macKey, (byte) 0);
    }
}

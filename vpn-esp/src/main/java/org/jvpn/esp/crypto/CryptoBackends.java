package org.jvpn.esp.crypto;

import org.jvpn.api.spi.crypto.AeadAlgorithm;
import org.jvpn.api.spi.crypto.AeadCipher;
import org.jvpn.api.spi.crypto.BlockCipherAlgorithm;
import org.jvpn.api.spi.crypto.CbcCipher;
import org.jvpn.api.spi.crypto.CryptoBackend;
import org.jvpn.api.spi.crypto.Digest;
import org.jvpn.api.spi.crypto.HashAlgorithm;
import org.jvpn.api.spi.crypto.Mac;

/** Factories for the crypto back ends. All returned back ends are thread-safe and stateless. */
public final class CryptoBackends {

    private static final CryptoBackend JCA = new JcaCryptoBackend();
    private static final CryptoBackend BC = new BcCryptoBackend();
    private static final CryptoBackend DEFAULTS = new Defaults();

    private CryptoBackends() {}

    /** The JCA (SunJCE) back end. */
    public static CryptoBackend jca() {
        return JCA;
    }

    /** The Bouncy Castle low-level back end. */
    public static CryptoBackend bc() {
        return BC;
    }

    /**
     * The fastest correct back end per primitive as measured on these machines: JCA for AES-GCM,
     * AES-CBC, DESede, HMAC and hashes (JDK intrinsics); Bouncy Castle for what the JDK lacks (AES-CCM).
     */
    public static CryptoBackend defaults() {
        return DEFAULTS;
    }

    private static final class Defaults implements CryptoBackend {
        @Override
        public String name() {
            return "default";
        }

        @Override
        public boolean supports(AeadAlgorithm algorithm, int keyLengthBytes) {
            return JCA.supports(algorithm, keyLengthBytes) || BC.supports(algorithm, keyLengthBytes);
        }

        @Override
        public boolean supports(BlockCipherAlgorithm algorithm, int keyLengthBytes) {
            return JCA.supports(algorithm, keyLengthBytes) || BC.supports(algorithm, keyLengthBytes);
        }

        @Override
        public boolean supports(HashAlgorithm algorithm) {
            return true;
        }

        @Override
        public AeadCipher aead(AeadAlgorithm algorithm, byte[] key) {
            return JCA.supports(algorithm, key.length) ? JCA.aead(algorithm, key) : BC.aead(algorithm, key);
        }

        @Override
        public CbcCipher cbc(BlockCipherAlgorithm algorithm, byte[] key) {
            return JCA.supports(algorithm, key.length) ? JCA.cbc(algorithm, key) : BC.cbc(algorithm, key);
        }

        @Override
        public Mac hmac(HashAlgorithm hash, byte[] key) {
            return JCA.hmac(hash, key);
        }

        @Override
        public Digest digest(HashAlgorithm hash) {
            return JCA.digest(hash);
        }
    }
}

package org.jvpn.ike.keys;

import org.jvpn.api.spi.crypto.CryptoBackend;
import org.jvpn.api.spi.crypto.HashAlgorithm;
import org.jvpn.api.spi.crypto.Mac;
import org.jvpn.api.spi.crypto.Secret;

/**
 * The IKEv1 pseudo-random function: HMAC with the negotiated hash (RFC 2409 section 4: "the HMAC version
 * of the negotiated hash algorithm is used as the default prf"). Stateless and cheap to keep; each call
 * keys a fresh {@link Mac} from the back end and destroys it afterwards.
 */
public final class Prf {

    private final CryptoBackend backend;
    private final HashAlgorithm hash;

    public Prf(CryptoBackend backend, HashAlgorithm hash) {
        if (!backend.supports(hash)) {
            throw new IllegalArgumentException("crypto back end " + backend.name() + " does not support " + hash);
        }
        this.backend = backend;
        this.hash = hash;
    }

    /** The hash of the HMAC (also the hash for IVs and NAT-D). */
    public HashAlgorithm hash() {
        return hash;
    }

    /** Output length in bytes. */
    public int length() {
        return hash.outputLength();
    }

    public CryptoBackend backend() {
        return backend;
    }

    /** prf(key, data[0] | data[1] | ...). */
    public byte[] compute(byte[] key, byte[]... data) {
        Mac mac = backend.hmac(hash, key);
        try {
            return mac.compute(data);
        } finally {
            mac.destroy();
        }
    }

    /** prf(key, data...) with a secret key. */
    public byte[] compute(Secret key, byte[]... data) {
        return compute(key.unsafeBytes(), data);
    }

    /** prf(key, data...) as a new secret. */
    public Secret derive(Secret key, byte[]... data) {
        return Secret.wrap(compute(key.unsafeBytes(), data));
    }

    @Override
    public String toString() {
        return "Prf[HMAC-" + hash + "]";
    }
}

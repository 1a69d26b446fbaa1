package org.jvpn.esp;

import java.util.Arrays;
import org.jvpn.api.config.AuthAlgorithm;
import org.jvpn.api.spi.crypto.CryptoBackend;
import org.jvpn.api.spi.dataplane.SaKeys;
import org.jvpn.esp.sa.AhCrypto;

/** The integrity algorithm and key copy of one AH SA; each thread gets its own {@link AhCrypto}. */
final class AhSuite {

    private final CryptoBackend backend;
    private final AuthAlgorithm auth;
    private final byte[] key;
    private final boolean esn;

    private AhSuite(CryptoBackend backend, AuthAlgorithm auth, byte[] key, boolean esn) {
        this.backend = backend;
        this.auth = auth;
        this.key = key;
        this.esn = esn;
    }

    static AhSuite of(CryptoBackend backend, SaKeys keys, boolean esn) {
        AuthAlgorithm auth = keys.integrity();
        if (auth == null || keys.integrityKey() == null) {
            throw new IllegalArgumentException("AH SA 0x" + Integer.toHexString(keys.spi()) + " needs an integrity algorithm and key");
        }
        if (keys.encryption() != null) {
            throw new IllegalArgumentException("AH SA must have no encryption algorithm (got " + keys.encryption() + ")");
        }
        if (!backend.supports(auth.hash())) {
            throw new IllegalArgumentException("back end " + backend.name() + " does not support " + auth);
        }
        return new AhSuite(backend, auth, keys.integrityKey().copyBytes(), esn);
    }

    AhCrypto newCrypto() {
        return new AhCrypto(backend, auth.hash(), key, auth.icvLength(), esn);
    }

    void wipe() {
        Arrays.fill(key, (byte) 0);
    }
}

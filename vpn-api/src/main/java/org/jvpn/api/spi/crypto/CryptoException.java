package org.jvpn.api.spi.crypto;

/**
 * A crypto back end could not do what was asked: an unsupported algorithm or key size, a provider
 * failure. Never carries key material in its message. Authentication failures are not exceptions:
 * {@link AeadCipher#open} returns -1.
 */
public class CryptoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}

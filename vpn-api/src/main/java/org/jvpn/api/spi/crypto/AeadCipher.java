package org.jvpn.api.spi.crypto;

/**
 * One AEAD key. Protocol framing (nonce = salt || IV, AAD = SPI || seq, ICV truncation) lives above,
 * in the protocol code; this is only the primitive.
 *
 * <p>Not thread-safe: use one instance per thread (the ESP layer keeps one per thread per SA).
 * {@link #destroy()} wipes the key.
 */
public interface AeadCipher {

    /**
     * Encrypts {@code in[inOff, inOff+len)} into {@code out[outOff...)} followed by a tag of
     * {@code tagLength} bytes; {@code in} and {@code out} may be the same array at the same offset.
     *
     * @return bytes written ({@code len + tagLength})
     */
    int seal(byte[] nonce, byte[] aad, int aadOff, int aadLen,
             byte[] in, int inOff, int len, byte[] out, int outOff, int tagLength);

    /**
     * Verifies and decrypts {@code in[inOff, inOff+len)} (ciphertext followed by a
     * {@code tagLength}-byte tag) into {@code out[outOff...)}; in place allowed.
     *
     * @return plaintext length, or -1 if the tag did not verify (nothing useful is in {@code out})
     */
    int open(byte[] nonce, byte[] aad, int aadOff, int aadLen,
             byte[] in, int inOff, int len, byte[] out, int outOff, int tagLength);

    /** Wipes the key; the instance is unusable afterwards. */
    void destroy();
}

package org.jvpn.esp.sa;

/**
 * The cryptographic transform of one ESP SA for one thread (not thread-safe). Works in place on the ESP
 * packet laid out per RFC 4303 section 2:
 *
 * <pre>
 *  esp:            SPI (4) | Sequence Number (4)
 *  esp+8:          IV (ivLength)
 *  esp+8+iv:       ciphertext: payload | padding | pad length | next header   (ctLen bytes)
 *  esp+8+iv+ctLen: ICV (icvLength)
 * </pre>
 */
public abstract class EspCrypto {

    /** Bytes of IV on the wire. */
    public abstract int ivLength();

    /** Alignment of the ciphertext (the cipher block size, 4 for GCM). */
    public abstract int blockSize();

    public abstract int icvLength();

    /**
     * Writes the IV, encrypts the ciphertext region in place and writes the ICV. The SPI and the low 32
     * bits of {@code seq} must already be at {@code esp}.
     */
    public abstract void seal(byte[] b, int esp, int ctLen, long seq);

    /** Verifies the ICV (constant time) and only then decrypts in place. Returns false if it did not verify. */
    public abstract boolean open(byte[] b, int esp, int ctLen, long seq);

    /** Wipes the keys. */
    public abstract void destroy();
}

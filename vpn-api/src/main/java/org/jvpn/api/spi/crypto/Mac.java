package org.jvpn.api.spi.crypto;

/**
 * One HMAC key (the IKE PRF, ESP/AH integrity). Outputs the full HMAC; truncation (e.g. HMAC-SHA1-96)
 * happens above. Not thread-safe; {@link #destroy()} wipes the key.
 */
public interface Mac {

    /** Full output length in bytes. */
    int macLength();

    void update(byte[] in, int off, int len);

    /** Writes the full MAC to {@code out[outOff...)} and resets for the next message. */
    void doFinal(byte[] out, int outOff);

    /** Discards any input so far. */
    void reset();

    /** The MAC of the concatenation of {@code parts}. */
    default byte[] compute(byte[]... parts) {
        for (byte[] p : parts) {
            update(p, 0, p.length);
        }
        byte[] out = new byte[macLength()];
        doFinal(out, 0);
        return out;
    }

    void destroy();
}

package org.jvpn.api.spi.crypto;

/** A hash function instance. Not thread-safe. */
public interface Digest {

    int digestLength();

    void update(byte[] in, int off, int len);

    /** Writes the digest to {@code out[outOff...)} and resets. */
    void doFinal(byte[] out, int outOff);

    /** The digest of the concatenation of {@code parts}. */
    default byte[] digest(byte[]... parts) {
        for (byte[] p : parts) {
            update(p, 0, p.length);
        }
        byte[] out = new byte[digestLength()];
        doFinal(out, 0);
        return out;
    }
}

package org.jvpn.esp.sa;

import java.util.Arrays;
import org.jvpn.api.spi.crypto.ConstantTime;
import org.jvpn.api.spi.crypto.CryptoBackend;
import org.jvpn.api.spi.crypto.HashAlgorithm;
import org.jvpn.api.spi.crypto.Mac;

/**
 * The ICV of one AH SA for one thread (RFC 4302 section 3.3.3): HMAC truncated to {@code icvLength} over
 * the outer IP header with mutable fields zeroed (supplied by the caller as a prefix; empty over UDP
 * encapsulation where this side has no outer IP header), the AH header with the ICV zeroed (explicit
 * padding after it included as sent), the payload, and with ESN the high 32 bits of the sequence number (section 3.3.3.3).
 */
public final class AhCrypto {

    private static final byte[] ZEROS = new byte[64];

    private final Mac mac;
    private final int icvLength;
    private final boolean esn;
    private final byte[] macOut;
    private final byte[] seqHigh = new byte[4];

    public AhCrypto(CryptoBackend backend, HashAlgorithm hash, byte[] key, int icvLength, boolean esn) {
        this.mac = backend.hmac(hash, key);
        this.icvLength = icvLength;
        this.esn = esn;
        this.macOut = new byte[hash.outputLength()];
    }

    public int icvLength() {
        return icvLength;
    }

    /**
     * Computes the ICV of the AH packet {@code b[ah, ah+len)} whose ICV field is {@code icvFieldLen}
     * bytes at {@code ah+12}, preceded by {@code prefix[pOff, pOff+pLen)}.
     */
    private void compute(byte[] prefix, int pOff, int pLen, byte[] b, int ah, int len, int icvFieldLen, long seq) {
        if (pLen > 0) {
            mac.update(prefix, pOff, pLen);
        }
        mac.update(b, ah, 12);
        mac.update(ZEROS, 0, icvLength);
        // Explicit padding after the ICV is covered as sent (RFC 4302 section 3.3.3.1).
        mac.update(b, ah + 12 + icvLength, len - 12 - icvLength);
        if (esn) {
            Bytes.putInt(seqHigh, 0, (int) (seq >>> 32));
            mac.update(seqHigh, 0, 4);
        }
        mac.doFinal(macOut, 0);
    }

    /** Writes the ICV into the packet (padding after it is zero). */
    public void sign(byte[] prefix, int pOff, int pLen, byte[] b, int ah, int len, int icvFieldLen, long seq) {
        Arrays.fill(b, ah + 12 + icvLength, ah + 12 + icvFieldLen, (byte) 0);
        compute(prefix, pOff, pLen, b, ah, len, icvFieldLen, seq);
        System.arraycopy(macOut, 0, b, ah + 12, icvLength);
    }

    /** Whether the packet's ICV is right, compared in constant time. */
    public boolean verify(byte[] prefix, int pOff, int pLen, byte[] b, int ah, int len, int icvFieldLen, long seq) {
        if (icvFieldLen < icvLength || icvFieldLen > ZEROS.length) {
            return false;
        }
        compute(prefix, pOff, pLen, b, ah, len, icvFieldLen, seq);
        return ConstantTime.equals(macOut, 0, b, ah + 12, icvLength);
    }

    public void destroy() {
        mac.destroy();
        Arrays.fill(macOut, (byte) 0);
    }
}

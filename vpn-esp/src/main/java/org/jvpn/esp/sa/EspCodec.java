package org.jvpn.esp.sa;

import org.jvpn.api.spi.io.PacketBuffer;

/**
 * ESP framing (RFC 4303 section 2), written once above every cipher:
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |               Security Parameters Index (SPI)                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Sequence Number                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    IV (variable)                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                    Payload Data (variable)                    ~
 * +               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |               |     Padding (0-255 bytes)                     |
 * +-+-+-+-+-+-+-+-+               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                               |  Pad Length   | Next Header   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Integrity Check Value-ICV   (variable)                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class EspCodec {

    /** Result codes of {@link #decapsulate} (negative; non-negative results are payload lengths). */
    public static final int MALFORMED = -1;
    public static final int BAD_ICV = -2;
    public static final int BAD_PADDING = -3;

    private EspCodec() {}

    /** Header bytes added in front of the payload. */
    public static int overhead(EspCrypto c) {
        return 8 + c.ivLength();
    }

    /** Largest trailer (padding, pad length, next header, ICV). */
    public static int maxTrailer(EspCrypto c) {
        return c.blockSize() + 1 + c.icvLength();
    }

    /**
     * Wraps {@code p}'s bytes (the payload) into an ESP packet in place, using its head- and tailroom.
     * Padding is 1, 2, 3, ... (section 2.4) to the cipher's alignment.
     *
     * @return false if the buffer lacks head- or tailroom (nothing is changed then)
     */
    public static boolean encapsulate(EspCrypto c, PacketBuffer p, int spi, long seq, int nextHeader) {
        int bs = c.blockSize();
        int payload = p.length();
        int pad = (bs - ((payload + 2) % bs)) % bs;
        int head = 8 + c.ivLength();
        int tail = pad + 2 + c.icvLength();
        if (p.headroom() < head || p.tailroom() < tail) {
            return false;
        }
        int esp = p.prepend(head);
        int at = p.append(tail);
        byte[] b = p.array();
        for (int i = 1; i <= pad; i++) {
            b[at++] = (byte) i;
        }
        b[at++] = (byte) pad;
        b[at] = (byte) nextHeader;
        Bytes.putInt(b, esp, spi);
        Bytes.putInt(b, esp + 4, (int) seq);
        c.seal(b, esp, payload + pad + 2, seq);
        return true;
    }

    /** Whether {@code len} bytes can be an ESP packet for {@code c} (no crypto, no state). */
    public static boolean wellFormed(EspCrypto c, int len) {
        int ctLen = len - 8 - c.ivLength() - c.icvLength();
        return ctLen >= 2 && ctLen % c.blockSize() == 0 && ctLen % 4 == 0;
    }

    /**
     * Verifies and decrypts the ESP packet {@code b[esp, esp+len)} in place. On success the payload is at
     * {@code esp + overhead(c)}; its next header is {@link #nextHeader}.
     *
     * @return the payload length, or {@link #MALFORMED}, {@link #BAD_ICV}, {@link #BAD_PADDING}
     */
    public static int decapsulate(EspCrypto c, byte[] b, int esp, int len, long seq) {
        if (!wellFormed(c, len)) {
            return MALFORMED;
        }
        int ctLen = len - 8 - c.ivLength() - c.icvLength();
        if (!c.open(b, esp, ctLen, seq)) {
            return BAD_ICV;
        }
        int end = esp + 8 + c.ivLength() + ctLen; // just past the next header
        int pad = b[end - 2] & 0xff;
        int payload = ctLen - 2 - pad;
        if (payload < 0) {
            return BAD_PADDING;
        }
        // Section 2.4: the receiver SHOULD check the default padding 1, 2, 3, ...
        int p0 = end - 2 - pad;
        int bad = 0;
        for (int i = 0; i < pad; i++) {
            bad |= (b[p0 + i] & 0xff) ^ (i + 1);
        }
        return bad != 0 ? BAD_PADDING : payload;
    }

    /** The next header of a decapsulated packet of total length {@code len}. */
    public static int nextHeader(EspCrypto c, byte[] b, int esp, int len) {
        return b[esp + len - c.icvLength() - 1] & 0xff;
    }
}

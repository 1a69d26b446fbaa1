package org.jvpn.esp.sa;

import org.jvpn.api.spi.io.PacketBuffer;

/**
 * AH framing (RFC 4302 section 2):
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Next Header   |  Payload Len  |          RESERVED             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Security Parameters Index (SPI)               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Sequence Number Field                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                Integrity Check Value-ICV (variable)           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Payload Len is the AH length in 32-bit words minus 2. Over UDP encapsulation (this data plane) there is
 * no outer IP header on our side to protect: the ICV covers the AH header and payload only. RFC 3948
 * defines UDP encapsulation for ESP alone, and strongSwan's libipsec implements no AH at all, so AH over
 * UDP is understood by jvpn peers only; kernel-AH captures are verified with the outer-header prefix.
 */
public final class AhCodec {

    public static final int HEADER = 12;
    public static final int MALFORMED = -1;
    public static final int BAD_ICV = -2;

    private static final byte[] NONE = new byte[0];

    private AhCodec() {}

    /** Bytes of the AH header with its ICV, padded to a multiple of 8 bytes (fits IPv4 and IPv6). */
    public static int headerLength(AhCrypto c) {
        return (HEADER + c.icvLength() + 7) & ~7;
    }

    /** Prepends an AH header to {@code p} in place and signs it; false if there is no headroom. */
    public static boolean encapsulate(AhCrypto c, PacketBuffer p, int spi, long seq, int nextHeader) {
        int hl = headerLength(c);
        if (p.headroom() < hl) {
            return false;
        }
        int ah = p.prepend(hl);
        byte[] b = p.array();
        b[ah] = (byte) nextHeader;
        b[ah + 1] = (byte) (hl / 4 - 2);
        b[ah + 2] = 0;
        b[ah + 3] = 0;
        Bytes.putInt(b, ah + 4, spi);
        Bytes.putInt(b, ah + 8, (int) seq);
        c.sign(NONE, 0, 0, b, ah, p.length(), hl - HEADER, seq);
        return true;
    }

    /** The AH header length (with ICV) claimed by the packet at {@code ah}, or -1 if implausible. */
    public static int claimedLength(AhCrypto c, byte[] b, int ah, int len) {
        if (len < HEADER) {
            return -1;
        }
        int hl = ((b[ah + 1] & 0xff) + 2) * 4;
        return hl < HEADER + c.icvLength() || hl > len || hl - HEADER > 64 ? -1 : hl;
    }

    /**
     * Verifies the AH packet {@code b[ah, ah+len)} (optionally preceded by an outer-header prefix with
     * mutable fields zeroed). Nothing is modified.
     *
     * @return the AH header length (the payload follows it), or {@link #MALFORMED} / {@link #BAD_ICV}
     */
    public static int verify(AhCrypto c, byte[] prefix, int pOff, int pLen, byte[] b, int ah, int len, long seq) {
        int hl = claimedLength(c, b, ah, len);
        if (hl < 0) {
            return MALFORMED;
        }
        return c.verify(prefix, pOff, pLen, b, ah, len, hl - HEADER, seq) ? hl : BAD_ICV;
    }

    public static int verify(AhCrypto c, byte[] b, int ah, int len, long seq) {
        return verify(c, NONE, 0, 0, b, ah, len, seq);
    }
}

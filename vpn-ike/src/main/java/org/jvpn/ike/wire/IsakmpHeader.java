package org.jvpn.ike.wire;

import java.util.Arrays;

/**
 * The ISAKMP header (RFC 2408 section 3.1).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !                          Initiator                            !
 * !                            Cookie                             !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !                          Responder                            !
 * !                            Cookie                             !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !  Next Payload ! MjVer ! MnVer ! Exchange Type !     Flags     !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !                          Message ID                           !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !                            Length                             !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Immutable. The exchange type is kept as a number ({@link ExchangeType#of}); flags are
 * {@link #FLAG_ENCRYPTION} (E), {@link #FLAG_COMMIT} (C, ignored on receipt, never sent by jvpn) and
 * {@link #FLAG_AUTH_ONLY} (A).
 */
public final class IsakmpHeader {

    public static final int LENGTH = 28;
    public static final int FLAG_ENCRYPTION = 0x01;
    public static final int FLAG_COMMIT = 0x02;
    public static final int FLAG_AUTH_ONLY = 0x04;
    /** Largest ISAKMP message accepted (UDP payload limit). */
    public static final int MAX_LENGTH = 65535;

    private final byte[] initiatorCookie;
    private final byte[] responderCookie;
    private final int nextPayload;
    private final int majorVersion;
    private final int minorVersion;
    private final int exchangeType;
    private final int flags;
    private final int messageId;
    private final long length;

    private IsakmpHeader(byte[] initiatorCookie, byte[] responderCookie, int nextPayload, int majorVersion,
            int minorVersion, int exchangeType, int flags, int messageId, long length) {
        this.initiatorCookie = initiatorCookie;
        this.responderCookie = responderCookie;
        this.nextPayload = nextPayload;
        this.majorVersion = majorVersion;
        this.minorVersion = minorVersion;
        this.exchangeType = exchangeType;
        this.flags = flags;
        this.messageId = messageId;
        this.length = length;
    }

    /**
     * A version 1.0 header. Next payload and length are filled in by {@link IkeMessage#encode()};
     * here they start as 0 and {@link #LENGTH}.
     *
     * @param initiatorCookie 8 bytes (copied)
     * @param responderCookie 8 bytes (copied); all zero in MM1
     * @param exchangeType e.g. {@code ExchangeType.IDENTITY_PROTECTION.number()}
     * @param flags a combination of the FLAG_ constants
     * @param messageId 0 in phase 1, random for quick mode and informational exchanges
     */
    public static IsakmpHeader of(byte[] initiatorCookie, byte[] responderCookie, int exchangeType, int flags,
            int messageId) {
        if (initiatorCookie.length != 8 || responderCookie.length != 8) {
            throw new IllegalArgumentException("cookies must be 8 bytes, got " + initiatorCookie.length + " and "
                    + responderCookie.length);
        }
        if (exchangeType < 0 || exchangeType > 255 || flags < 0 || flags > 255) {
            throw new IllegalArgumentException("exchange type " + exchangeType + " / flags " + flags + " outside 0..255");
        }
        return new IsakmpHeader(initiatorCookie.clone(), responderCookie.clone(), 0, 1, 0, exchangeType, flags,
                messageId, LENGTH);
    }

    /**
     * Parses the 28-byte header at {@code off}. {@code len} is the datagram's length from {@code off}:
     * the header's Length must be at least 28 and not beyond {@code len} (a longer datagram's trailing
     * bytes are ignored by {@link IkeMessage#parse}).
     *
     * @throws IkeWireException drop silently on a short datagram or a length beyond it;
     *         INVALID-MAJOR-VERSION for a major version other than 1; INVALID-MINOR-VERSION above 0
     */
    public static IsakmpHeader parse(byte[] buf, int off, int len) throws IkeWireException {
        Wire.checkRange(buf, off, len);
        if (len < LENGTH) {
            throw IkeWireException.drop("datagram of " + len + " bytes is shorter than the 28-byte ISAKMP header");
        }
        int version = Wire.u8(buf, off + 17);
        int major = version >>> 4;
        int minor = version & 0x0f;
        if (major != 1) {
            throw IkeWireException.notify(NotifyType.INVALID_MAJOR_VERSION,
                    "ISAKMP major version " + major + " (expected 1; 2 is IKEv2)");
        }
        if (minor != 0) {
            throw IkeWireException.notify(NotifyType.INVALID_MINOR_VERSION, "ISAKMP minor version " + minor
                    + " (expected 0: RFC 2408 3.1 says never accept a larger minor version)");
        }
        long length = Wire.u32(buf, off + 24);
        if (length < LENGTH) {
            throw IkeWireException.drop("ISAKMP header length " + length + " is shorter than the header (28)");
        }
        if (length > len) {
            throw IkeWireException.drop("ISAKMP header length " + length + " exceeds the datagram (" + len + " bytes)");
        }
        return new IsakmpHeader(Wire.copy(buf, off, 8), Wire.copy(buf, off + 8, 8), Wire.u8(buf, off + 16), major,
                minor, Wire.u8(buf, off + 18), Wire.u8(buf, off + 19), (int) Wire.u32(buf, off + 20), length);
    }

    /** The 28 header bytes. */
    public byte[] encode() {
        byte[] out = new byte[LENGTH];
        System.arraycopy(initiatorCookie, 0, out, 0, 8);
        System.arraycopy(responderCookie, 0, out, 8, 8);
        out[16] = (byte) nextPayload;
        out[17] = (byte) (majorVersion << 4 | minorVersion);
        out[18] = (byte) exchangeType;
        out[19] = (byte) flags;
        Wire.put32(out, 20, messageId & 0xffffffffL);
        Wire.put32(out, 24, length);
        return out;
    }

    /** A copy with another next payload and length (used when encoding a message). */
    public IsakmpHeader withChain(int nextPayload, long length) {
        return new IsakmpHeader(initiatorCookie, responderCookie, nextPayload, majorVersion, minorVersion,
                exchangeType, flags, messageId, length);
    }

    /** A copy with other flags. */
    public IsakmpHeader withFlags(int flags) {
        return new IsakmpHeader(initiatorCookie, responderCookie, nextPayload, majorVersion, minorVersion,
                exchangeType, flags & 0xff, messageId, length);
    }

    /** A copy with another responder cookie (MM2 onwards). */
    public IsakmpHeader withResponderCookie(byte[] cookie) {
        if (cookie.length != 8) {
            throw new IllegalArgumentException("responder cookie must be 8 bytes, got " + cookie.length);
        }
        return new IsakmpHeader(initiatorCookie, cookie.clone(), nextPayload, majorVersion, minorVersion,
                exchangeType, flags, messageId, length);
    }

    public byte[] initiatorCookie() {
        return initiatorCookie.clone();
    }

    public byte[] responderCookie() {
        return responderCookie.clone();
    }

    /** The 16 bytes CKY-I | CKY-R (the ISAKMP SPI of notify and delete payloads). */
    public byte[] cookies() {
        return Wire.concat(initiatorCookie, responderCookie);
    }

    public int nextPayload() {
        return nextPayload;
    }

    public int majorVersion() {
        return majorVersion;
    }

    public int minorVersion() {
        return minorVersion;
    }

    /** The exchange type number; see {@link ExchangeType#of}. */
    public int exchangeType() {
        return exchangeType;
    }

    public int flags() {
        return flags;
    }

    public boolean isEncrypted() {
        return (flags & FLAG_ENCRYPTION) != 0;
    }

    public boolean isCommit() {
        return (flags & FLAG_COMMIT) != 0;
    }

    public boolean isAuthOnly() {
        return (flags & FLAG_AUTH_ONLY) != 0;
    }

    public int messageId() {
        return messageId;
    }

    /** The Length field: the whole message including this header. */
    public long length() {
        return length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IsakmpHeader h && Arrays.equals(encode(), h.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "ISAKMP[" + Wire.hex(initiatorCookie) + "/" + Wire.hex(responderCookie) + " "
                + ExchangeType.nameOf(exchangeType) + " np=" + PayloadType.nameOf(nextPayload) + " flags=" + flags
                + " mid=" + String.format("%08x", messageId) + " len=" + length + "]";
    }
}

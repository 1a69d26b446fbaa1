package org.jvpn.ike.wire;

/**
 * An ISAKMP payload. Every payload starts with the generic payload header (RFC 2408 section 3.2),
 * which {@link PayloadChain} reads and writes; payload classes handle only the body after it.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Implementations are immutable; byte arrays are copied in and out.
 */
public interface Payload {

    /** Length of the generic payload header. */
    int HEADER_LENGTH = 4;

    /** The payload type number ({@link PayloadType}). */
    int type();

    /** The body as on the wire, without the generic header (e.g. SAi_b, IDii_b of RFC 2409). */
    byte[] body();

    /** Generic header (with {@code nextPayload}) followed by the body. */
    default byte[] encode(int nextPayload) {
        byte[] body = body();
        int total = HEADER_LENGTH + body.length;
        if (total > 0xffff) {
            throw new IllegalStateException(PayloadType.nameOf(type()) + " payload of " + total
                    + " bytes exceeds the 16-bit length field");
        }
        byte[] out = new byte[total];
        out[0] = (byte) nextPayload;
        Wire.put16(out, 2, total);
        System.arraycopy(body, 0, out, HEADER_LENGTH, body.length);
        return out;
    }
}

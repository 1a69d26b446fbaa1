package org.jvpn.ike.wire;

/**
 * Nonce payload (RFC 2408 section 3.13). RFC 2409 section 5: "the length of nonce payload MUST be
 * between 8 and 256 bytes inclusive"; other lengths are refused with PAYLOAD-MALFORMED.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !                            Nonce Data                         ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class NoncePayload extends OpaquePayload {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 256;

    /** @throws IllegalArgumentException when the nonce is not 8..256 bytes */
    public NoncePayload(byte[] nonce) {
        super(PayloadType.NONCE.number(), checkLength(nonce));
    }

    private static byte[] checkLength(byte[] nonce) {
        if (nonce.length < MIN_LENGTH || nonce.length > MAX_LENGTH) {
            throw new IllegalArgumentException("nonce of " + nonce.length + " bytes, expected 8..256 (RFC 2409 5)");
        }
        return nonce;
    }

    /** The nonce (Ni_b / Nr_b, a copy). */
    public byte[] nonce() {
        return data();
    }

    /** @throws IkeWireException PAYLOAD-MALFORMED when the nonce is not 8..256 bytes */
    public static NoncePayload parse(byte[] buf, int off, int len) throws IkeWireException {
        Wire.checkRange(buf, off, len);
        if (len < MIN_LENGTH || len > MAX_LENGTH) {
            throw IkeWireException.malformed("nonce of " + len + " bytes, expected 8..256 (RFC 2409 section 5)");
        }
        return new NoncePayload(Wire.copy(buf, off, len));
    }
}

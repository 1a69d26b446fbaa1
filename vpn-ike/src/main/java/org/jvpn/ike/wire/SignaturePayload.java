package org.jvpn.ike.wire;

/**
 * Signature payload (RFC 2408 section 3.12), parsed and kept as data (jvpn authenticates with PSKs).
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !                         Signature Data                        ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class SignaturePayload extends OpaquePayload {

    public SignaturePayload(byte[] signature) {
        super(PayloadType.SIG.number(), signature);
    }

    public static SignaturePayload parse(byte[] buf, int off, int len) {
        Wire.checkRange(buf, off, len);
        return new SignaturePayload(Wire.copy(buf, off, len));
    }
}

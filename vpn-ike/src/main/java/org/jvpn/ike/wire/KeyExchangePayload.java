package org.jvpn.ike.wire;

/**
 * Key Exchange payload (RFC 2408 section 3.7): the DH public value (MODP: g^x padded to the prime
 * length; ECP: x | y, RFC 5903). Its length against the group is checked by the key-material code.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !                       Key Exchange Data                       ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class KeyExchangePayload extends OpaquePayload {

    public KeyExchangePayload(byte[] publicValue) {
        super(PayloadType.KE.number(), publicValue);
    }

    /** @throws IkeWireException PAYLOAD-MALFORMED when the body is empty */
    public static KeyExchangePayload parse(byte[] buf, int off, int len) throws IkeWireException {
        Wire.checkRange(buf, off, len);
        Wire.needAtLeast("KE", len, 1);
        return new KeyExchangePayload(Wire.copy(buf, off, len));
    }
}

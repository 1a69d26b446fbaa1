package org.jvpn.ike.wire;

/**
 * Hash payload (RFC 2408 section 3.11): HASH_I/HASH_R (RFC 2409 5.4) and the quick mode / informational
 * HASH(1), HASH(2), HASH(3). Compare received hashes with {@code ConstantTime}.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !                           Hash Data                           ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class HashPayload extends OpaquePayload {

    public HashPayload(byte[] hash) {
        super(PayloadType.HASH.number(), hash);
    }

    /** @throws IkeWireException PAYLOAD-MALFORMED when the body is empty */
    public static HashPayload parse(byte[] buf, int off, int len) throws IkeWireException {
        Wire.checkRange(buf, off, len);
        Wire.needAtLeast("HASH", len, 1);
        return new HashPayload(Wire.copy(buf, off, len));
    }
}

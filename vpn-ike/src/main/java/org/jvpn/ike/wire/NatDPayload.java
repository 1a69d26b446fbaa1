package org.jvpn.ike.wire;

/**
 * NAT-Discovery payload (RFC 3947 section 3.2): HASH(CKY-I | CKY-R | IP | Port) with the negotiated
 * hash. Payload type 20 (RFC), 130 (draft-ietf-ipsec-nat-t-ike-02/03) or 15 (older drafts, Cisco);
 * the type received is kept so a reply can use the same numbering.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  ! RESERVED      !        Payload length         !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                 HASH of the address and port                  ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class NatDPayload extends OpaquePayload {

    /** An RFC 3947 NAT-D (type 20). */
    public NatDPayload(byte[] hash) {
        this(PayloadType.NAT_D.number(), hash);
    }

    /** A NAT-D with the given numbering (20, 130 or 15). */
    public NatDPayload(int type, byte[] hash) {
        super(checkType(type), hash);
    }

    private static int checkType(int type) {
        if (!PayloadType.isNatD(type)) {
            throw new IllegalArgumentException("payload type " + type + " is not a NAT-D type (20, 130, 15)");
        }
        return type;
    }

    /** The NAT-D hash (a copy). */
    public byte[] hash() {
        return data();
    }

    /** @throws IkeWireException PAYLOAD-MALFORMED when the hash is empty */
    public static NatDPayload parse(int type, byte[] buf, int off, int len) throws IkeWireException {
        Wire.checkRange(buf, off, len);
        Wire.needAtLeast("NAT-D", len, 1);
        return new NatDPayload(type, Wire.copy(buf, off, len));
    }
}

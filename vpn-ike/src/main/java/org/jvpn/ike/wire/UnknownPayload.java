package org.jvpn.ike.wire;

/**
 * A payload of a type this package does not interpret (e.g. 132 fragments, private-use types). Kept as
 * data and re-encoded unchanged; IKEv1 has no critical bit, so these are ignored by the message rules.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !                        (uninterpreted)                        ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class UnknownPayload extends OpaquePayload {

    public UnknownPayload(int type, byte[] body) {
        super(checkType(type), body);
    }

    private static int checkType(int type) {
        if (type < 1 || type > 255) {
            throw new IllegalArgumentException("payload type " + type + " outside 1..255");
        }
        return type;
    }

    public static UnknownPayload parse(int type, byte[] buf, int off, int len) {
        Wire.checkRange(buf, off, len);
        return new UnknownPayload(type, Wire.copy(buf, off, len));
    }
}

package org.jvpn.ike.wire;

import java.util.Arrays;

/** Base of payloads whose body is one opaque byte string (KE, HASH, SIG, VID, NAT-D, unknown). */
abstract class OpaquePayload implements Payload {

    private final int type;
    private final byte[] data;

    OpaquePayload(int type, byte[] data) {
        if (data.length > 0xffff - HEADER_LENGTH) {
            throw new IllegalArgumentException(PayloadType.nameOf(type) + " data of " + data.length + " bytes is too long");
        }
        this.type = type;
        this.data = data.clone();
    }

    @Override
    public final int type() {
        return type;
    }

    /** The payload data (a copy). */
    public final byte[] data() {
        return data.clone();
    }

    /** Length of the data. */
    public final int dataLength() {
        return data.length;
    }

    @Override
    public final byte[] body() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((OpaquePayload) o).type == type
                && Arrays.equals(((OpaquePayload) o).data, data);
    }

    @Override
    public int hashCode() {
        return type * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return PayloadType.nameOf(type) + "(" + data.length + " bytes)";
    }
}

package org.jvpn.ike.wire;

import java.util.Arrays;

/**
 * Certificate Request payload (RFC 2408 section 3.10), parsed and kept as data.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !  Cert. Type   !                                               !
 * +-+-+-+-+-+-+-+-+                                               !
 * ~                    Certificate Authority                      ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class CertRequestPayload implements Payload {

    private final int certType;
    private final byte[] authority;

    public CertRequestPayload(int certType, byte[] authority) {
        if (certType < 0 || certType > 255) {
            throw new IllegalArgumentException("cert type " + certType + " outside 0..255");
        }
        this.certType = certType;
        this.authority = authority.clone();
    }

    /** @throws IkeWireException PAYLOAD-MALFORMED when the type byte is missing */
    public static CertRequestPayload parse(byte[] buf, int off, int len) throws IkeWireException {
        Wire.checkRange(buf, off, len);
        Wire.needAtLeast("CR", len, 1);
        return new CertRequestPayload(Wire.u8(buf, off), Wire.copy(buf, off + 1, len - 1));
    }

    @Override
    public int type() {
        return PayloadType.CR.number();
    }

    public int certType() {
        return certType;
    }

    public byte[] authority() {
        return authority.clone();
    }

    @Override
    public byte[] body() {
        byte[] out = new byte[1 + authority.length];
        out[0] = (byte) certType;
        System.arraycopy(authority, 0, out, 1, authority.length);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertRequestPayload c && c.certType == certType && Arrays.equals(c.authority, authority);
    }

    @Override
    public int hashCode() {
        return certType * 31 + Arrays.hashCode(authority);
    }

    @Override
    public String toString() {
        return "CR(type " + certType + ", " + authority.length + " bytes)";
    }
}

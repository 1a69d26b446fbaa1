package org.jvpn.ike.wire;

import java.util.Arrays;

/**
 * Certificate payload (RFC 2408 section 3.9), parsed and kept as data.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Cert Encoding !                                               !
 * +-+-+-+-+-+-+-+-+                                               !
 * ~                       Certificate Data                        ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class CertPayload implements Payload {

    private final int encoding;
    private final byte[] data;

    public CertPayload(int encoding, byte[] data) {
        if (encoding < 0 || encoding > 255) {
            throw new IllegalArgumentException("cert encoding " + encoding + " outside 0..255");
        }
        this.encoding = encoding;
        this.data = data.clone();
    }

    /** @throws IkeWireException PAYLOAD-MALFORMED when the encoding byte is missing */
    public static CertPayload parse(byte[] buf, int off, int len) throws IkeWireException {
        Wire.checkRange(buf, off, len);
        Wire.needAtLeast("CERT", len, 1);
        return new CertPayload(Wire.u8(buf, off), Wire.copy(buf, off + 1, len - 1));
    }

    @Override
    public int type() {
        return PayloadType.CERT.number();
    }

    /** The certificate encoding (4 = X.509 signature). */
    public int encoding() {
        return encoding;
    }

    public byte[] data() {
        return data.clone();
    }

    @Override
    public byte[] body() {
        byte[] out = new byte[1 + data.length];
        out[0] = (byte) encoding;
        System.arraycopy(data, 0, out, 1, data.length);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertPayload c && c.encoding == encoding && Arrays.equals(c.data, data);
    }

    @Override
    public int hashCode() {
        return encoding * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "CERT(encoding " + encoding + ", " + data.length + " bytes)";
    }
}

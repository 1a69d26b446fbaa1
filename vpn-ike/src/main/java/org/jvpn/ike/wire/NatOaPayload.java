package org.jvpn.ike.wire;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * NAT Original Address payload (RFC 3947 section 5.1), type 21 (RFC), 131 (drafts 02/03) or 16 (older
 * drafts); the type received is kept.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !        Payload length         !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !    ID Type    !   RESERVED    !            RESERVED           !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !         IPv4 (4 octets) or IPv6 address (16 octets)           !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * The address is kept as data whatever its length (only the ID types 1 and 5 are valid per RFC 3947;
 * {@link #address()} is empty for others).
 */
public final class NatOaPayload implements Payload {

    private final int type;
    private final int idType;
    private final byte[] address;

    public NatOaPayload(int type, int idType, byte[] address) {
        if (!PayloadType.isNatOa(type)) {
            throw new IllegalArgumentException("payload type " + type + " is not a NAT-OA type (21, 131, 16)");
        }
        if (idType < 0 || idType > 255) {
            throw new IllegalArgumentException("ID type " + idType + " outside 0..255");
        }
        this.type = type;
        this.idType = idType;
        this.address = address.clone();
    }

    /** An RFC 3947 NAT-OA (type 21) for {@code address}. */
    public static NatOaPayload of(InetAddress address) {
        byte[] b = address.getAddress();
        return new NatOaPayload(PayloadType.NAT_OA.number(),
                b.length == 4 ? IdType.IPV4_ADDR.number() : IdType.IPV6_ADDR.number(), b);
    }

    /** @throws IkeWireException PAYLOAD-MALFORMED when shorter than the 4-byte fixed part */
    public static NatOaPayload parse(int type, byte[] buf, int off, int len) throws IkeWireException {
        Wire.checkRange(buf, off, len);
        Wire.needAtLeast("NAT-OA", len, 4);
        return new NatOaPayload(type, Wire.u8(buf, off), Wire.copy(buf, off + 4, len - 4));
    }

    @Override
    public int type() {
        return type;
    }

    public int idType() {
        return idType;
    }

    /** The original address for ID types IPV4_ADDR (4 bytes) and IPV6_ADDR (16 bytes). */
    public Optional<InetAddress> address() {
        boolean ok = idType == IdType.IPV4_ADDR.number() && address.length == 4
                || idType == IdType.IPV6_ADDR.number() && address.length == 16;
        if (!ok) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(address));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    public byte[] addressBytes() {
        return address.clone();
    }

    @Override
    public byte[] body() {
        byte[] out = new byte[4 + address.length];
        out[0] = (byte) idType;
        System.arraycopy(address, 0, out, 4, address.length);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NatOaPayload p && p.type == type && p.idType == idType && Arrays.equals(p.address, address);
    }

    @Override
    public int hashCode() {
        return (type * 31 + idType) * 31 + Arrays.hashCode(address);
    }

    @Override
    public String toString() {
        return PayloadType.nameOf(type) + "(" + address().map(InetAddress::getHostAddress).orElse(Wire.hex(address)) + ")";
    }
}

package org.jvpn.ike.wire;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.jvpn.api.config.Cidr;

/**
 * Identification payload (RFC 2408 section 3.8 with the IPsec DOI fields of RFC 2407 section 4.6.2).
 * Phase 1 identities (IDii/IDir: IPV4_ADDR, IPV6_ADDR, FQDN, USER_FQDN, KEY_ID) and phase 2 client IDs
 * (IDci/IDcr: _ADDR, _ADDR_SUBNET, _ADDR_RANGE with protocol and port). Address types must carry
 * exactly their length (else INVALID-ID-INFORMATION); unknown types are data.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !  Next Payload !   RESERVED    !        Payload Length         !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !   ID Type     !  Protocol ID  !             Port              !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                     Identification Data                       ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class IdPayload implements Payload {

    private final int idType;
    private final int protocolId;
    private final int port;
    private final byte[] data;

    /**
     * @param idType an {@link IdType} number (other numbers allowed: they are data)
     * @param protocolId IP protocol (0 = any)
     * @param port port (0 = any)
     * @param data identification data (address bytes, name...)
     */
    public IdPayload(int idType, int protocolId, int port, byte[] data) {
        if (idType < 0 || idType > 255 || protocolId < 0 || protocolId > 255 || port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("ID type " + idType + " / protocol " + protocolId + " / port " + port
                    + " out of range");
        }
        IdType t = IdType.of(idType).orElse(null);
        if (t != null && t.dataLength() >= 0 && data.length != t.dataLength()) {
            throw new IllegalArgumentException(t + " needs " + t.dataLength() + " data bytes, got " + data.length);
        }
        this.idType = idType;
        this.protocolId = protocolId;
        this.port = port;
        this.data = data.clone();
    }

    /** A phase-1 IPV4_ADDR / IPV6_ADDR identity (protocol and port 0). */
    public static IdPayload address(InetAddress address) {
        byte[] b = address.getAddress();
        return new IdPayload(b.length == 4 ? IdType.IPV4_ADDR.number() : IdType.IPV6_ADDR.number(), 0, 0, b);
    }

    /** A phase-1 FQDN identity. */
    public static IdPayload fqdn(String name) {
        return new IdPayload(IdType.FQDN.number(), 0, 0, name.getBytes(StandardCharsets.US_ASCII));
    }

    /** A phase-1 USER_FQDN (user@domain) identity. */
    public static IdPayload userFqdn(String name) {
        return new IdPayload(IdType.USER_FQDN.number(), 0, 0, name.getBytes(StandardCharsets.US_ASCII));
    }

    /** A phase-1 KEY_ID identity. */
    public static IdPayload keyId(byte[] keyId) {
        return new IdPayload(IdType.KEY_ID.number(), 0, 0, keyId);
    }

    /** A phase-2 client ID for a prefix: IPV4_ADDR_SUBNET or IPV6_ADDR_SUBNET (address | mask). */
    public static IdPayload subnet(Cidr cidr, int protocolId, int port) {
        byte[] data = Wire.concat(cidr.addressBytes(), cidr.maskBytes());
        return new IdPayload(cidr.isIpv4() ? IdType.IPV4_ADDR_SUBNET.number() : IdType.IPV6_ADDR_SUBNET.number(),
                protocolId, port, data);
    }

    /** A phase-2 client ID for an address range (start and end inclusive, same family). */
    public static IdPayload range(InetAddress start, InetAddress end, int protocolId, int port) {
        byte[] s = start.getAddress();
        byte[] e = end.getAddress();
        if (s.length != e.length) {
            throw new IllegalArgumentException("range ends of different families: " + start + " - " + end);
        }
        return new IdPayload(s.length == 4 ? IdType.IPV4_ADDR_RANGE.number() : IdType.IPV6_ADDR_RANGE.number(),
                protocolId, port, Wire.concat(s, e));
    }

    /**
     * Parses the body.
     *
     * @throws IkeWireException PAYLOAD-MALFORMED when shorter than 4 bytes; INVALID-ID-INFORMATION
     *         when an address type has the wrong data length
     */
    public static IdPayload parse(byte[] buf, int off, int len) throws IkeWireException {
        Wire.checkRange(buf, off, len);
        Wire.needAtLeast("ID", len, 4);
        int type = Wire.u8(buf, off);
        IdType t = IdType.of(type).orElse(null);
        if (t != null && t.dataLength() >= 0 && len - 4 != t.dataLength()) {
            throw IkeWireException.notify(NotifyType.INVALID_ID_INFORMATION,
                    "ID type " + t + " carries " + (len - 4) + " data bytes, expected " + t.dataLength());
        }
        return new IdPayload(type, Wire.u8(buf, off + 1), Wire.u16(buf, off + 2), Wire.copy(buf, off + 4, len - 4));
    }

    @Override
    public int type() {
        return PayloadType.ID.number();
    }

    public int idType() {
        return idType;
    }

    public int protocolId() {
        return protocolId;
    }

    public int port() {
        return port;
    }

    /** The identification data (a copy). */
    public byte[] data() {
        return data.clone();
    }

    @Override
    public byte[] body() {
        byte[] out = new byte[4 + data.length];
        out[0] = (byte) idType;
        out[1] = (byte) protocolId;
        Wire.put16(out, 2, port);
        System.arraycopy(data, 0, out, 4, data.length);
        return out;
    }

    /** The address of an IPV4_ADDR / IPV6_ADDR ID. */
    public Optional<InetAddress> address() {
        if (idType == IdType.IPV4_ADDR.number() || idType == IdType.IPV6_ADDR.number()) {
            return Optional.of(inet(data));
        }
        return Optional.empty();
    }

    /** The name of an FQDN / USER_FQDN ID. */
    public Optional<String> name() {
        if (idType == IdType.FQDN.number() || idType == IdType.USER_FQDN.number()) {
            return Optional.of(new String(data, StandardCharsets.US_ASCII));
        }
        return Optional.empty();
    }

    /**
     * The prefix this ID names: an _ADDR as a host prefix, an _ADDR_SUBNET with a contiguous mask, an
     * _ADDR_RANGE that is exactly one prefix (e.g. 0.0.0.0-255.255.255.255 = 0/0). Empty for other
     * types, non-contiguous masks and ranges that are not a prefix.
     */
    public Optional<Cidr> toCidr() {
        IdType t = IdType.of(idType).orElse(null);
        if (t == null) {
            return Optional.empty();
        }
        switch (t) {
            case IPV4_ADDR:
            case IPV6_ADDR:
                return Optional.of(Cidr.host(inet(data)));
            case IPV4_ADDR_SUBNET:
            case IPV6_ADDR_SUBNET: {
                int n = data.length / 2;
                int prefix = prefixLength(Arrays.copyOfRange(data, n, 2 * n));
                return prefix < 0 ? Optional.empty() : Optional.of(Cidr.of(inet(Arrays.copyOf(data, n)), prefix));
            }
            case IPV4_ADDR_RANGE:
            case IPV6_ADDR_RANGE: {
                int n = data.length / 2;
                byte[] start = Arrays.copyOf(data, n);
                byte[] end = Arrays.copyOfRange(data, n, 2 * n);
                for (int p = 0; p <= n * 8; p++) {
                    Cidr c = Cidr.of(inet(start), p);
                    if (Arrays.equals(c.addressBytes(), start) && Arrays.equals(c.lastAddressBytes(), end)) {
                        return Optional.of(c);
                    }
                }
                return Optional.empty();
            }
            default:
                return Optional.empty();
        }
    }

    /** The prefix length of a contiguous mask, or -1. */
    private static int prefixLength(byte[] mask) {
        int bits = 0;
        boolean zero = false;
        for (byte b : mask) {
            for (int i = 7; i >= 0; i--) {
                boolean one = ((b >>> i) & 1) != 0;
                if (one && zero) {
                    return -1;
                }
                if (one) {
                    bits++;
                } else {
                    zero = true;
                }
            }
        }
        return bits;
    }

    private static InetAddress inet(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of " + b.length + " bytes", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdPayload p && p.idType == idType && p.protocolId == protocolId && p.port == port
                && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return ((idType * 31 + protocolId) * 31 + port) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        String value = toCidr().map(Cidr::toString).or(this::name).orElse(data.length + " bytes");
        return "ID(" + IdType.nameOf(idType) + " " + value + " proto " + protocolId + " port " + port + ")";
    }
}

package org.jvpn.testkit.ip;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A parsed view of a plain IPv4 or IPv6 packet (no IPv6 extension headers are walked: the next header
 * of the fixed header is taken as the upper protocol). {@link #parse} checks every length.
 *
 * @param version        4 or 6
 * @param source         source address
 * @param destination    destination address
 * @param protocol       IPv4 protocol or IPv6 next header
 * @param ttl            TTL / hop limit
 * @param headerChecksumOk  IPv4 header checksum verifies (always true for IPv6, which has none)
 * @param payload        the upper-layer bytes (a copy)
 */
public record IpPacket(int version, InetAddress source, InetAddress destination, int protocol, int ttl,
                       boolean headerChecksumOk, byte[] payload) {

    /** Parses {@code b[off, off+len)}; throws {@link IllegalArgumentException} naming what is wrong. */
    public static IpPacket parse(byte[] b, int off, int len) {
        if (len < 1) {
            throw new IllegalArgumentException("empty IP packet");
        }
        int version = (b[off] & 0xff) >>> 4;
        if (version == 4) {
            if (len < IpPackets.IPV4_HEADER) {
                throw new IllegalArgumentException("IPv4 packet of " + len + " bytes, header needs 20");
            }
            int ihl = (b[off] & 0x0f) * 4;
            int total = IpPackets.get16(b, off + 2);
            if (ihl < 20 || total < ihl || total > len) {
                throw new IllegalArgumentException("IPv4 IHL " + ihl + " / total length " + total + " inconsistent with "
                        + len + " bytes");
            }
            boolean ok = InternetChecksum.verifies(b, off, ihl);
            return new IpPacket(4, addr(b, off + 12, 4), addr(b, off + 16, 4), b[off + 9] & 0xff, b[off + 8] & 0xff,
                    ok, Arrays.copyOfRange(b, off + ihl, off + total));
        }
        if (version == 6) {
            if (len < IpPackets.IPV6_HEADER) {
                throw new IllegalArgumentException("IPv6 packet of " + len + " bytes, header needs 40");
            }
            int plen = IpPackets.get16(b, off + 4);
            if (IpPackets.IPV6_HEADER + plen > len) {
                throw new IllegalArgumentException("IPv6 payload length " + plen + " exceeds the " + (len - 40)
                        + " bytes present");
            }
            return new IpPacket(6, addr(b, off + 8, 16), addr(b, off + 24, 16), b[off + 6] & 0xff, b[off + 7] & 0xff,
                    true, Arrays.copyOfRange(b, off + 40, off + 40 + plen));
        }
        throw new IllegalArgumentException("IP version " + version + ", expected 4 or 6");
    }

    public static IpPacket parse(byte[] b) {
        return parse(b, 0, b.length);
    }

    /** The UDP datagram, or null if this is not (well-formed) UDP. */
    public @Nullable Udp udp() {
        if (protocol != IpPackets.PROTO_UDP || payload.length < IpPackets.UDP_HEADER) {
            return null;
        }
        int ulen = IpPackets.get16(payload, 4);
        if (ulen < 8 || ulen > payload.length) {
            return null;
        }
        int field = IpPackets.get16(payload, 6);
        boolean ok = (field == 0 && version == 4)
                || (~InternetChecksum.sum(payload, 0, ulen, InternetChecksum.pseudoHeaderSum(source, destination,
                        protocol, ulen)) & 0xffff) == 0;
        return new Udp(IpPackets.get16(payload, 0), IpPackets.get16(payload, 2), ok,
                Arrays.copyOfRange(payload, 8, ulen));
    }

    /** The ICMP (v4) or ICMPv6 echo request/reply, or null if this is not one. */
    public @Nullable Echo echo() {
        boolean v6 = version == 6;
        if (protocol != (v6 ? IpPackets.PROTO_ICMPV6 : IpPackets.PROTO_ICMP) || payload.length < 8) {
            return null;
        }
        int type = payload[0] & 0xff;
        boolean request = type == (v6 ? IpPackets.ICMPV6_ECHO_REQUEST : IpPackets.ICMP_ECHO_REQUEST);
        boolean reply = type == (v6 ? IpPackets.ICMPV6_ECHO_REPLY : IpPackets.ICMP_ECHO_REPLY);
        if (!request && !reply || payload[1] != 0) {
            return null;
        }
        boolean ok = v6
                ? (~InternetChecksum.sum(payload, 0, payload.length,
                        InternetChecksum.pseudoHeaderSum(source, destination, protocol, payload.length)) & 0xffff) == 0
                : InternetChecksum.verifies(payload, 0, payload.length);
        return new Echo(request, IpPackets.get16(payload, 4), IpPackets.get16(payload, 6), ok,
                Arrays.copyOfRange(payload, 8, payload.length));
    }

    /** Whether every checksum present (IPv4 header, UDP, ICMP/ICMPv6) verifies. */
    public boolean checksumsOk() {
        if (!headerChecksumOk) {
            return false;
        }
        Udp u = udp();
        if (u != null) {
            return u.checksumOk();
        }
        Echo e = echo();
        return e == null || e.checksumOk();
    }

    private static InetAddress addr(byte[] b, int off, int len) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(b, off, off + len));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A UDP datagram. */
    public record Udp(int sourcePort, int destinationPort, boolean checksumOk, byte[] data) {}

    /** An echo request or reply. */
    public record Echo(boolean request, int identifier, int sequence, boolean checksumOk, byte[] data) {}

    @Override
    public String toString() {
        return "IPv" + version + " " + source.getHostAddress() + " > " + destination.getHostAddress() + " proto "
                + protocol + " len " + payload.length;
    }
}

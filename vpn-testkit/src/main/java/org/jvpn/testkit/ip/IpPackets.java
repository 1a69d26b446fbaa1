package org.jvpn.testkit.ip;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Builds plain IPv4 (RFC 791) and IPv6 (RFC 8200) packets carrying UDP (RFC 768), ICMP echo (RFC 792)
 * or ICMPv6 echo (RFC 4443), with every checksum a real stack checks. Parse them with
 * {@link IpPacket#parse}.
 *
 * <pre>
 *  IPv4:  |Ver=4|IHL=5| TOS |  Total Length  |  Identification | Flags|Frag | TTL | Proto | Hdr checksum | Src | Dst |
 *  IPv6:  |Ver=6| TC | Flow label | Payload Length | Next Header | Hop Limit | Source (16) | Destination (16) |
 *  UDP:   | Source port | Destination port | Length | Checksum |
 *  ICMP:  | Type | Code | Checksum | Identifier | Sequence number | data...
 * </pre>
 */
public final class IpPackets {

    public static final int PROTO_ICMP = 1;
    public static final int PROTO_UDP = 17;
    public static final int PROTO_ICMPV6 = 58;
    public static final int PROTO_ESP = 50;
    public static final int IPV4_HEADER = 20;
    public static final int IPV6_HEADER = 40;
    public static final int UDP_HEADER = 8;
    public static final int ICMP_ECHO_HEADER = 8;
    /** ICMP echo request/reply types per address family. */
    public static final int ICMP_ECHO_REQUEST = 8;
    public static final int ICMP_ECHO_REPLY = 0;
    public static final int ICMPV6_ECHO_REQUEST = 128;
    public static final int ICMPV6_ECHO_REPLY = 129;
    public static final int DEFAULT_TTL = 64;

    private IpPackets() {}

    /** A numeric IPv4 or IPv6 address; never does a DNS lookup. */
    public static InetAddress address(String literal) {
        String s = literal.trim();
        boolean v4 = s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = s.indexOf(':') >= 0 && s.matches("[0-9A-Fa-f:.%\\[\\]a-zA-Z]+");
        if (!v4 && !v6) {
            throw new IllegalArgumentException("not a numeric IP address: '" + literal + "'");
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not a numeric IP address: '" + literal + "'", e);
        }
    }

    /** A UDP datagram in an IP packet (IPv4 or IPv6 after the addresses), checksums filled in. */
    public static byte[] udp(InetAddress src, int srcPort, InetAddress dst, int dstPort, byte[] payload) {
        int udpLen = UDP_HEADER + payload.length;
        byte[] seg = new byte[udpLen];
        put16(seg, 0, srcPort);
        put16(seg, 2, dstPort);
        put16(seg, 4, udpLen);
        System.arraycopy(payload, 0, seg, UDP_HEADER, payload.length);
        int c = InternetChecksum.checksum(src, dst, PROTO_UDP, seg, 0, udpLen);
        put16(seg, 6, c == 0 ? 0xffff : c);
        return ip(src, dst, PROTO_UDP, 0, DEFAULT_TTL, seg);
    }

    /** An ICMP (IPv4) or ICMPv6 (IPv6) echo request. */
    public static byte[] echoRequest(InetAddress src, InetAddress dst, int id, int seq, byte[] data) {
        return echo(src, dst, true, id, seq, data);
    }

    /** An ICMP (IPv4) or ICMPv6 (IPv6) echo reply. */
    public static byte[] echoReply(InetAddress src, InetAddress dst, int id, int seq, byte[] data) {
        return echo(src, dst, false, id, seq, data);
    }

    private static byte[] echo(InetAddress src, InetAddress dst, boolean request, int id, int seq, byte[] data) {
        boolean v6 = src instanceof Inet6Address;
        byte[] seg = new byte[ICMP_ECHO_HEADER + data.length];
        seg[0] = (byte) (v6 ? (request ? ICMPV6_ECHO_REQUEST : ICMPV6_ECHO_REPLY)
                            : (request ? ICMP_ECHO_REQUEST : ICMP_ECHO_REPLY));
        put16(seg, 4, id);
        put16(seg, 6, seq);
        System.arraycopy(data, 0, seg, ICMP_ECHO_HEADER, data.length);
        int c = v6 ? InternetChecksum.checksum(src, dst, PROTO_ICMPV6, seg, 0, seg.length)
                   : InternetChecksum.checksum(seg, 0, seg.length);
        put16(seg, 2, c);
        return ip(src, dst, v6 ? PROTO_ICMPV6 : PROTO_ICMP, 0, DEFAULT_TTL, seg);
    }

    /**
     * An IP packet around {@code payload} (already complete with its own checksum): IPv4 with a correct
     * header checksum, or IPv6, chosen by the address family.
     */
    public static byte[] ip(InetAddress src, InetAddress dst, int protocol, int identification, int ttl, byte[] payload) {
        if (src instanceof Inet4Address != dst instanceof Inet4Address) {
            throw new IllegalArgumentException("source " + src.getHostAddress() + " and destination "
                    + dst.getHostAddress() + " are of different address families");
        }
        if (src instanceof Inet4Address) {
            int total = IPV4_HEADER + payload.length;
            if (total > 0xffff) {
                throw new IllegalArgumentException("IPv4 total length " + total + " exceeds 65535");
            }
            byte[] p = new byte[total];
            p[0] = 0x45;
            put16(p, 2, total);
            put16(p, 4, identification);
            p[8] = (byte) ttl;
            p[9] = (byte) protocol;
            System.arraycopy(src.getAddress(), 0, p, 12, 4);
            System.arraycopy(dst.getAddress(), 0, p, 16, 4);
            put16(p, 10, InternetChecksum.checksum(p, 0, IPV4_HEADER));
            System.arraycopy(payload, 0, p, IPV4_HEADER, payload.length);
            return p;
        }
        if (payload.length > 0xffff) {
            throw new IllegalArgumentException("IPv6 payload length " + payload.length + " exceeds 65535");
        }
        byte[] p = new byte[IPV6_HEADER + payload.length];
        p[0] = 0x60;
        put16(p, 4, payload.length);
        p[6] = (byte) protocol;
        p[7] = (byte) ttl;
        System.arraycopy(src.getAddress(), 0, p, 8, 16);
        System.arraycopy(dst.getAddress(), 0, p, 24, 16);
        System.arraycopy(payload, 0, p, IPV6_HEADER, payload.length);
        return p;
    }

    /** Sets an IPv4 packet's identification field and recomputes its header checksum; IPv6 is left as is. */
    public static void setIdentification(byte[] ipPacket, int identification) {
        if ((ipPacket[0] & 0xff) >>> 4 != 4) {
            return;
        }
        put16(ipPacket, 4, identification & 0xffff);
        put16(ipPacket, 10, 0);
        int ihl = (ipPacket[0] & 0x0f) * 4;
        put16(ipPacket, 10, InternetChecksum.checksum(ipPacket, 0, ihl));
    }

    static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    static int get16(byte[] b, int off) {
        return (b[off] & 0xff) << 8 | (b[off + 1] & 0xff);
    }

    static long get32(byte[] b, int off) {
        return (long) get16(b, off) << 16 | get16(b, off + 2);
    }
}

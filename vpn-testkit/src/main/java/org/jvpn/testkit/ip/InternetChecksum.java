package org.jvpn.testkit.ip;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * The Internet checksum (RFC 1071): the 16-bit ones' complement of the ones' complement sum of the
 * data taken as 16-bit big-endian words (an odd last byte is padded with zero), and the pseudo-headers
 * that UDP (RFC 768), ICMPv6 (RFC 4443 section 2.3, RFC 8200 section 8.1) add in front.
 */
public final class InternetChecksum {

    private InternetChecksum() {}

    /** The ones' complement sum (not complemented, folded to 16 bits) of {@code data[off, off+len)}. */
    public static int sum(byte[] data, int off, int len, int initial) {
        long s = initial & 0xffffffffL;
        int i = off;
        int end = off + len;
        for (; i + 1 < end; i += 2) {
            s += ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
        }
        if (i < end) {
            s += (data[i] & 0xff) << 8;
        }
        while ((s >>> 16) != 0) {
            s = (s & 0xffff) + (s >>> 16);
        }
        return (int) s;
    }

    /** The checksum of {@code data[off, off+len)}: what goes into a header's checksum field. */
    public static int checksum(byte[] data, int off, int len) {
        return ~sum(data, off, len, 0) & 0xffff;
    }

    /** The sum of the UDP/ICMPv6 pseudo-header for IPv4 (RFC 768) or IPv6 (RFC 8200 section 8.1). */
    public static int pseudoHeaderSum(InetAddress src, InetAddress dst, int protocol, int upperLength) {
        byte[] s = src.getAddress();
        byte[] d = dst.getAddress();
        int acc = sum(s, 0, s.length, 0);
        acc = sum(d, 0, d.length, acc);
        if (src instanceof Inet4Address) {
            acc = sum(new byte[] {0, (byte) protocol, (byte) (upperLength >>> 8), (byte) upperLength}, 0, 4, acc);
        } else {
            acc = sum(new byte[] {(byte) (upperLength >>> 24), (byte) (upperLength >>> 16), (byte) (upperLength >>> 8),
                (byte) upperLength, 0, 0, 0, (byte) protocol}, 0, 8, acc);
        }
        return acc;
    }

    /** The checksum of an upper-layer segment {@code data[off, off+len)} with its pseudo-header. */
    public static int checksum(InetAddress src, InetAddress dst, int protocol, byte[] data, int off, int len) {
        return ~sum(data, off, len, pseudoHeaderSum(src, dst, protocol, len)) & 0xffff;
    }

    /** Whether data whose checksum field is filled in sums to all ones (i.e. verifies). */
    public static boolean verifies(byte[] data, int off, int len) {
        return sum(data, off, len, 0) == 0xffff;
    }
}

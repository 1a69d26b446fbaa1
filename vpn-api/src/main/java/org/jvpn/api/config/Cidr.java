package org.jvpn.api.config;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 prefix such as {@code 10.0.1.0/24}: a subnet in a VPN service or connection, and a
 * traffic selector. The address is normalised (host bits must be zero; {@link #parse} refuses others).
 */
public final class Cidr {

    private final byte[] address;
    private final int prefixLength;

    private Cidr(byte[] address, int prefixLength) {
        this.address = address;
        this.prefixLength = prefixLength;
    }

    /**
     * Parses "a.b.c.d/n" or "x::y/n" (a bare address means a host prefix). Never consults DNS.
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static Cidr parse(String text) {
        Object r = parseOrProblem(text);
        if (r instanceof Cidr c) {
            return c;
        }
        throw new IllegalArgumentException("'" + text + "' " + r);
    }

    /** Either the parsed prefix or, as a String, what is wrong with {@code text} (without repeating it). */
    static Object parseOrProblem(String text) {
        String s = text.trim();
        int slash = s.indexOf('/');
        String addr = slash < 0 ? s : s.substring(0, slash);
        byte[] bytes = literal(addr);
        if (bytes == null) {
            return "is not a CIDR (expected an IP address and prefix, e.g. 10.0.0.0/24)";
        }
        int max = bytes.length * 8;
        int len = max;
        if (slash >= 0) {
            try {
                len = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                return "has a bad prefix length (expected 0.." + max + ")";
            }
            if (len < 0 || len > max) {
                return "has prefix length " + len + " (expected 0.." + max + ")";
            }
        }
        Cidr c = new Cidr(bytes, len);
        if (!Arrays.equals(c.maskedAddress(), bytes)) {
            return "has host bits set (did you mean " + new Cidr(c.maskedAddress(), len) + "?)";
        }
        return c;
    }

    /**
     * An IPv4 or IPv6 literal ("192.0.2.1", "2001:db8::1") as an address, without any DNS lookup;
     * empty if {@code text} is not a literal (for example a host name).
     */
    public static Optional<InetAddress> parseAddress(String text) {
        byte[] b = literal(text.trim());
        if (b == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(b));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address in its canonical text form: dotted quad, or RFC 5952 compressed IPv6 ("2001:db8::1"). */
    public static String format(InetAddress address) {
        return format(address.getAddress());
    }

    static String format(byte[] a) {
        if (a.length == 4) {
            return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = (a[2 * i] & 0xff) << 8 | a[2 * i + 1] & 0xff;
        }
        // RFC 5952 section 4.2: the longest run of two or more zero groups (the first if tied) becomes "::".
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8;) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    /** The prefix of {@code address} with {@code prefixLength} bits, host bits cleared. */
    public static Cidr of(InetAddress address, int prefixLength) {
        byte[] b = address.getAddress();
        if (prefixLength < 0 || prefixLength > b.length * 8) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " outside 0.." + b.length * 8);
        }
        Cidr c = new Cidr(b, prefixLength);
        return new Cidr(c.maskedAddress(), prefixLength);
    }

    /** A host prefix (/32 or /128). */
    public static Cidr host(InetAddress address) {
        byte[] b = address.getAddress();
        return new Cidr(b, b.length * 8);
    }

    /** Parses an IP literal without any DNS lookup; null if {@code s} is not one. */
    static byte @Nullable [] literal(String s) {
        if (s.isEmpty()) {
            return null;
        }
        boolean v6 = s.indexOf(':') >= 0;
        if (!v6) {
            String[] parts = s.split("\\.", -1);
            if (parts.length != 4) {
                return null;
            }
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                String p = parts[i];
                if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                    return null;
                }
                int v = Integer.parseInt(p);
                if (v > 255) {
                    return null;
                }
                b[i] = (byte) v;
            }
            return b;
        }
        if (!s.chars().allMatch(ch -> ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f' || ch >= 'A' && ch <= 'F' || ch == ':' || ch == '.')) {
            return null;
        }
        try {
            // Brackets make the JDK treat the text as an IPv6 literal only: a malformed one throws
            // instead of falling through to a DNS lookup.
            InetAddress a = InetAddress.getByName("[" + s + "]");
            return a instanceof Inet6Address || a instanceof Inet4Address ? a.getAddress() : null;
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    /** The network address. */
    public InetAddress address() {
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The network address bytes (a copy). */
    public byte[] addressBytes() {
        return address.clone();
    }

    public int prefixLength() {
        return prefixLength;
    }

    public boolean isIpv4() {
        return address.length == 4;
    }

    public boolean isIpv6() {
        return address.length == 16;
    }

    /** 4 or 6. */
    public int ipVersion() {
        return address.length == 4 ? 4 : 6;
    }

    /** The last address in the prefix. */
    public byte[] lastAddressBytes() {
        byte[] b = address.clone();
        for (int i = prefixLength; i < b.length * 8; i++) {
            b[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
        return b;
    }

    /** The netmask bytes (for IKE's IPV4_ADDR_SUBNET). */
    public byte[] maskBytes() {
        byte[] m = new byte[address.length];
        for (int i = 0; i < prefixLength; i++) {
            m[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
        return m;
    }

    /** Whether {@code ip} (4 or 16 bytes at {@code off}) lies in this prefix. */
    public boolean contains(byte[] ip, int off, int len) {
        if (len != address.length || off < 0 || off + len > ip.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (ip[off + i] != address[i]) {
                return false;
            }
        }
        int rem = prefixLength % 8;
        if (rem == 0) {
            return true;
        }
        int mask = (0xff << (8 - rem)) & 0xff;
        return (ip[off + full] & mask) == (address[full] & mask);
    }

    public boolean contains(InetAddress ip) {
        byte[] b = ip.getAddress();
        return contains(b, 0, b.length);
    }

    /** Whether this prefix contains all of {@code other}. */
    public boolean contains(Cidr other) {
        return other.address.length == address.length && other.prefixLength >= prefixLength
                && contains(other.address, 0, other.address.length);
    }

    /** Whether the two prefixes share any address. */
    public boolean overlaps(Cidr other) {
        return contains(other) || other.contains(this);
    }

    private byte[] maskedAddress() {
        byte[] m = maskBytes();
        byte[] out = new byte[address.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (address[i] & m[i]);
        }
        return out;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Cidr c && c.prefixLength == prefixLength && Arrays.equals(c.address, address);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(address) * 31 + prefixLength;
    }

    @Override
    public String toString() {
        return format(address) + "/" + prefixLength;
    }
}

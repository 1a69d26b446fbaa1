package org.jvpn.esp;

import org.jvpn.esp.sa.Bytes;

/** The few facts about inner IPv4/IPv6 headers that the data plane needs (RFC 791, RFC 8200). */
final class InnerIp {

    static final int IPV4 = 4;
    static final int IPV6 = 41;

    private InnerIp() {}

    /**
     * The length of the IP packet of protocol {@code nh} (4 or 41) at {@code b[off, off+avail)} per its
     * own header, or -1 if it is not a valid packet of that version that fits (trailing bytes, e.g. TFC
     * padding, are allowed).
     */
    static int packetLength(byte[] b, int off, int avail, int nh) {
        if (nh == IPV4) {
            if (avail < 20 || (b[off] & 0xf0) != 0x40) {
                return -1;
            }
            int ihl = (b[off] & 0x0f) * 4;
            int total = Bytes.getShort(b, off + 2);
            return ihl < 20 || total < ihl || total > avail ? -1 : total;
        }
        if (avail < 40 || (b[off] & 0xf0) != 0x60) {
            return -1;
        }
        int total = 40 + Bytes.getShort(b, off + 4);
        return total > avail ? -1 : total;
    }

    static int srcOffset(int nh) {
        return nh == IPV4 ? 12 : 8;
    }

    static int dstOffset(int nh) {
        return nh == IPV4 ? 16 : 24;
    }

    static int addrLength(int nh) {
        return nh == IPV4 ? 4 : 16;
    }
}

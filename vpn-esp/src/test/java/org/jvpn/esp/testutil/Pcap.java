package org.jvpn.esp.testutil;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A small reader for classic libpcap files with Ethernet frames carrying IPv4. */
public final class Pcap {
    private Pcap() {}

    /** One IPv4 packet: the whole IP packet, its header length, protocol, and (for UDP) the UDP payload offset. */
    public record Ipv4(byte[] packet, int headerLength, int protocol) {
        public int udpDstPort() {
            return (packet[headerLength + 2] & 0xff) << 8 | (packet[headerLength + 3] & 0xff);
        }

        /** The IP payload (after the IPv4 header). */
        public byte[] payload() {
            return Arrays.copyOfRange(packet, headerLength, totalLength());
        }

        public int totalLength() {
            return (packet[2] & 0xff) << 8 | (packet[3] & 0xff);
        }
    }

    public static List<Ipv4> ipv4Packets(byte[] file) {
        boolean le;
        int magic = u32be(file, 0);
        if (magic == 0xa1b2c3d4) {
            le = false;
        } else if (magic == 0xd4c3b2a1) {
            le = true;
        } else {
            throw new IllegalArgumentException("not a classic pcap file: magic " + Integer.toHexString(magic));
        }
        int linkType = u32(file, 20, le);
        if (linkType != 1) {
            throw new IllegalArgumentException("link type " + linkType + " (expected 1, Ethernet)");
        }
        List<Ipv4> out = new ArrayList<>();
        int off = 24;
        while (off + 16 <= file.length) {
            int incl = u32(file, off + 8, le);
            int frame = off + 16;
            off = frame + incl;
            if (off > file.length || incl < 14 + 20) {
                break;
            }
            int etherType = (file[frame + 12] & 0xff) << 8 | (file[frame + 13] & 0xff);
            if (etherType != 0x0800) {
                continue;
            }
            byte[] ip = Arrays.copyOfRange(file, frame + 14, frame + incl);
            out.add(new Ipv4(ip, (ip[0] & 0x0f) * 4, ip[9] & 0xff));
        }
        return out;
    }

    private static int u32(byte[] b, int off, boolean le) {
        int v = u32be(b, off);
        return le ? Integer.reverseBytes(v) : v;
    }

    private static int u32be(byte[] b, int off) {
        return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
    }

    /** Whether the IPv4 header checksum of {@code ip} is right. */
    public static boolean ipv4ChecksumOk(byte[] ip, int off) {
        int hl = (ip[off] & 0x0f) * 4;
        int sum = 0;
        for (int i = 0; i < hl; i += 2) {
            sum += (ip[off + i] & 0xff) << 8 | (ip[off + i + 1] & 0xff);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return sum == 0xffff;
    }
}

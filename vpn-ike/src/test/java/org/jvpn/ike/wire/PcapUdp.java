package org.jvpn.ike.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a classic libpcap file (Ethernet link type) and returns the UDP/IPv4 datagrams with their
 * 1-based frame numbers and ports. Enough for the ISAKMP captures; not a general pcap library.
 */
final class PcapUdp {

    record Datagram(int frame, byte[] srcIp, int srcPort, byte[] dstIp, int dstPort, byte[] payload) {
    }

    private PcapUdp() {
    }

    static List<Datagram> read(byte[] file) {
        boolean le = (file[0] & 0xff) == 0xd4;
        if (!le && (file[0] & 0xff) != 0xa1) {
            throw new IllegalArgumentException("not a classic pcap file");
        }
        if (u32(file, 20, le) != 1) {
            throw new IllegalArgumentException("link type is not Ethernet");
        }
        List<Datagram> out = new ArrayList<>();
        int off = 24;
        int frame = 0;
        while (off + 16 <= file.length) {
            int incl = (int) u32(file, off + 8, le);
            int p = off + 16;
            off = p + incl;
            frame++;
            if (incl < 14 + 20 || Wire.u16(file, p + 12) != 0x0800) {
                continue;
            }
            int ip = p + 14;
            int ihl = (file[ip] & 0x0f) * 4;
            if (Wire.u8(file, ip + 9) != 17) {
                continue;
            }
            int udp = ip + ihl;
            int udpLen = Wire.u16(file, udp + 4);
            byte[] payload = Wire.copy(file, udp + 8, udpLen - 8);
            out.add(new Datagram(frame, Wire.copy(file, ip + 12, 4), Wire.u16(file, udp), Wire.copy(file, ip + 16, 4),
                    Wire.u16(file, udp + 2), payload));
        }
        return out;
    }

    private static long u32(byte[] b, int off, boolean le) {
        if (!le) {
            return Wire.u32(b, off);
        }
        return (b[off] & 0xffL) | (b[off + 1] & 0xffL) << 8 | (b[off + 2] & 0xffL) << 16 | (b[off + 3] & 0xffL) << 24;
    }
}

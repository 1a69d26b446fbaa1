package org.jvpn.ike.testvectors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a classic libpcap file (either byte order, Ethernet link type) and returns its UDP/IPv4
 * datagrams with their 1-based frame numbers; other frames are skipped. Enough for the ISAKMP
 * captures in vectors/pcaps, not a general pcap library. Truncated records fail with an
 * {@link IllegalArgumentException} naming the frame.
 */
public final class PcapUdp {

    private static final int FILE_HEADER = 24;
    private static final int RECORD_HEADER = 16;
    private static final int ETHERNET = 14;

    /** One UDP datagram; {@code payload} is the UDP payload (after the 8-byte UDP header). */
    public record Datagram(int frame, byte[] srcIp, int srcPort, byte[] dstIp, int dstPort, byte[] payload) {
    }

    private PcapUdp() {
    }

    public static List<Datagram> read(byte[] file) {
        if (file.length < FILE_HEADER) {
            throw new IllegalArgumentException("pcap: file of " + file.length + " bytes has no 24-byte header");
        }
        boolean le = (file[0] & 0xff) == 0xd4;
        if (!le && (file[0] & 0xff) != 0xa1) {
            throw new IllegalArgumentException("pcap: not a classic pcap file (magic byte " + (file[0] & 0xff) + ")");
        }
        long linkType = u32(file, 20, le);
        if (linkType != 1) {
            throw new IllegalArgumentException("pcap: link type " + linkType + ", expected 1 (Ethernet)");
        }
        List<Datagram> out = new ArrayList<>();
        int off = FILE_HEADER;
        int frame = 0;
        while (off + RECORD_HEADER <= file.length) {
            frame++;
            long incl = u32(file, off + 8, le);
            int p = off + RECORD_HEADER;
            if (incl > file.length - p) {
                throw new IllegalArgumentException("pcap: frame " + frame + " claims " + incl + " bytes, "
                        + (file.length - p) + " left");
            }
            off = p + (int) incl;
            Datagram d = udp(frame, Arrays.copyOfRange(file, p, off));
            if (d != null) {
                out.add(d);
            }
        }
        return out;
    }

    /** The UDP/IPv4 datagram in an Ethernet frame, or null for any other frame. */
    private static @Nullable Datagram udp(int frame, byte[] f) {
        if (f.length < ETHERNET + 20 || u16(f, 12) != 0x0800 || (f[ETHERNET + 9] & 0xff) != 17) {
            return null;
        }
        int ip = ETHERNET;
        int ihl = (f[ip] & 0x0f) * 4;
        int udp = ip + ihl;
        if (ihl < 20 || udp + 8 > f.length) {
            throw new IllegalArgumentException("pcap: frame " + frame + " has a truncated IPv4/UDP header");
        }
        int udpLen = u16(f, udp + 4);
        if (udpLen < 8 || udp + udpLen > f.length) {
            throw new IllegalArgumentException("pcap: frame " + frame + " UDP length " + udpLen + " does not fit "
                    + (f.length - udp) + " captured bytes");
        }
        return new Datagram(frame, Arrays.copyOfRange(f, ip + 12, ip + 16), u16(f, udp),
                Arrays.copyOfRange(f, ip + 16, ip + 20), u16(f, udp + 2), Arrays.copyOfRange(f, udp + 8, udp + udpLen));
    }

    private static int u16(byte[] b, int off) {
        return (b[off] & 0xff) << 8 | (b[off + 1] & 0xff);
    }

    private static long u32(byte[] b, int off, boolean le) {
        long b0 = b[off] & 0xffL;
        long b1 = b[off + 1] & 0xffL;
        long b2 = b[off + 2] & 0xffL;
        long b3 = b[off + 3] & 0xffL;
        return le ? b0 | b1 << 8 | b2 << 16 | b3 << 24 : b0 << 24 | b1 << 16 | b2 << 8 | b3;
    }
}

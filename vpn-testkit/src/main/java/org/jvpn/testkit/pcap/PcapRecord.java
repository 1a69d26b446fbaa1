package org.jvpn.testkit.pcap;

import java.time.Instant;
import java.util.Arrays;

/**
 * One captured frame.
 *
 * @param epochNanos     capture time, nanoseconds since 1970 (microsecond files are scaled)
 * @param data           the captured bytes (link header included)
 * @param originalLength the frame length on the wire (may exceed {@code data.length} if truncated)
 * @param linkType       the file's link type (1 Ethernet, 101 raw IP, 0 BSD loopback, ...)
 */
public record PcapRecord(long epochNanos, byte[] data, int originalLength, int linkType) {

    public Instant timestamp() {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }

    /**
     * The IP packet inside the frame: after the 14-byte Ethernet header (and any 802.1Q tags) for type 1,
     * the 4-byte family for type 0, the 16-byte cooked header for Linux SLL (113), as-is for raw (101,
     * 228, 229).
     *
     * @throws IllegalArgumentException if the frame does not carry IPv4/IPv6 or the link type is unknown
     */
    public byte[] ipPacket() {
        int off;
        switch (linkType) {
            case PcapWriter.LINKTYPE_ETHERNET -> {
                off = 12;
                while (true) {
                    if (data.length < off + 2) {
                        throw new IllegalArgumentException("Ethernet frame of " + data.length + " bytes is truncated");
                    }
                    int type = (data[off] & 0xff) << 8 | (data[off + 1] & 0xff);
                    if (type == 0x8100 || type == 0x88a8) {
                        off += 4;
                        continue;
                    }
                    if (type != 0x0800 && type != 0x86dd) {
                        throw new IllegalArgumentException(String.format("ethertype 0x%04x is not IPv4/IPv6", type));
                    }
                    off += 2;
                    break;
                }
            }
            case PcapWriter.LINKTYPE_NULL -> off = 4;
            case 113 -> off = 16;
            case PcapWriter.LINKTYPE_RAW, 228, 229 -> off = 0;
            default -> throw new IllegalArgumentException("link type " + linkType + " not supported (0, 1, 101, 113, 228, 229)");
        }
        if (off > data.length) {
            throw new IllegalArgumentException("frame of " + data.length + " bytes shorter than its link header " + off);
        }
        return Arrays.copyOfRange(data, off, data.length);
    }
}

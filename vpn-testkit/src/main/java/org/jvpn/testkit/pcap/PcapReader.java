package org.jvpn.testkit.pcap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads classic libpcap files in either byte order, with microsecond (0xa1b2c3d4) or nanosecond
 * (0xa1b23c4d) timestamps, any link type (the frame bytes are returned as captured; see
 * {@link PcapRecord#ipPacket()} for link types 0, 1 and 101). pcapng is not supported.
 */
public final class PcapReader {

    private PcapReader() {}

    /** All records of {@code file}. */
    public static List<PcapRecord> read(Path file) throws IOException {
        return read(Files.readAllBytes(file));
    }

    /** All records of an in-memory pcap file. */
    public static List<PcapRecord> read(byte[] file) {
        if (file.length < 24) {
            throw new IllegalArgumentException("pcap file of " + file.length + " bytes is shorter than its 24-byte header");
        }
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt(0);
        boolean nanos;
        if (magic == 0xa1b2c3d4 || magic == 0xa1b23c4d) {
            nanos = magic == 0xa1b23c4d;
        } else {
            b.order(ByteOrder.BIG_ENDIAN);
            magic = b.getInt(0);
            if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
                throw new IllegalArgumentException(String.format("pcap magic 0x%08x, expected 0xa1b2c3d4 or 0xa1b23c4d "
                        + "(pcapng is not supported)", b.order(ByteOrder.LITTLE_ENDIAN).getInt(0)));
            }
            nanos = magic == 0xa1b23c4d;
        }
        int linkType = b.getInt(20) & 0x0fffffff;
        List<PcapRecord> out = new ArrayList<>();
        int pos = 24;
        while (pos < file.length) {
            if (pos + 16 > file.length) {
                throw new IllegalArgumentException("pcap record header at offset " + pos + " truncated");
            }
            long sec = b.getInt(pos) & 0xffffffffL;
            long frac = b.getInt(pos + 4) & 0xffffffffL;
            int incl = b.getInt(pos + 8);
            int orig = b.getInt(pos + 12);
            if (incl < 0 || pos + 16 + incl > file.length) {
                throw new IllegalArgumentException("pcap record at offset " + pos + " claims " + incl + " bytes, "
                        + (file.length - pos - 16) + " present");
            }
            byte[] data = new byte[incl];
            System.arraycopy(file, pos + 16, data, 0, incl);
            out.add(new PcapRecord(sec * 1_000_000_000L + (nanos ? frac : frac * 1000), data, orig, linkType));
            pos += 16 + incl;
        }
        return out;
    }
}

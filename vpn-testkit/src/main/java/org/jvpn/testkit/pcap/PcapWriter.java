package org.jvpn.testkit.pcap;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a classic libpcap file (magic 0xa1b2c3d4, version 2.4, microsecond timestamps, little-endian
 * as written by most capture tools), readable by tcpdump, tshark and Wireshark.
 *
 * <pre>
 *  global header: magic(4) version_major(2)=2 version_minor(2)=4 thiszone(4)=0 sigfigs(4)=0 snaplen(4) network(4)
 *  record header: ts_sec(4) ts_usec(4) incl_len(4) orig_len(4), then incl_len bytes
 * </pre>
 */
public final class PcapWriter implements AutoCloseable {

    /** BSD loopback: 4-byte address family in host order, then IP. */
    public static final int LINKTYPE_NULL = 0;
    /** Ethernet II frames. */
    public static final int LINKTYPE_ETHERNET = 1;
    /** Raw IPv4 or IPv6, no link header. */
    public static final int LINKTYPE_RAW = 101;

    private static final int SNAPLEN = 262_144;

    private final OutputStream out;
    private final int linkType;
    private final ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    private long records;

    private PcapWriter(OutputStream out, int linkType) throws IOException {
        this.out = out;
        this.linkType = linkType;
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(SNAPLEN)
                .putInt(linkType);
        out.write(header.array(), 0, 24);
    }

    /** Creates (or replaces) {@code file}, creating parent directories. */
    public static PcapWriter create(Path file, int linkType) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new PcapWriter(new BufferedOutputStream(Files.newOutputStream(file)), linkType);
    }

    /** Writes to {@code out} (closed with this writer). */
    public static PcapWriter to(OutputStream out, int linkType) throws IOException {
        return new PcapWriter(out, linkType);
    }

    public int linkType() {
        return linkType;
    }

    /** Number of records written. */
    public long records() {
        return records;
    }

    /** Writes one record stamped {@code epochNanos} (nanoseconds since 1970, truncated to microseconds). */
    public void write(long epochNanos, byte[] data, int off, int len) {
        try {
            int incl = Math.min(len, SNAPLEN);
            ByteBuffer h = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            long sec = Math.floorDiv(epochNanos, 1_000_000_000L);
            long usec = Math.floorMod(epochNanos, 1_000_000_000L) / 1000;
            h.putInt((int) sec).putInt((int) usec).putInt(incl).putInt(len);
            out.write(h.array());
            out.write(data, off, incl);
            records++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(long epochNanos, byte[] data) {
        write(epochNanos, data, 0, data.length);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

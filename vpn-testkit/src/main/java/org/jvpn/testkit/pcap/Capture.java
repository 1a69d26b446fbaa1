package org.jvpn.testkit.pcap;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jvpn.testkit.ip.IpPacket;
import org.jvpn.testkit.ip.IpPackets;
import org.jvpn.testkit.time.VirtualClock;

/**
 * An in-memory capture of IP packets stamped with virtual time; outer UDP datagrams are stored as the
 * IPv4/IPv6 + UDP packets they would be on a wire (real addresses and ports, correct checksums), so the
 * whole capture writes as one {@link PcapWriter#LINKTYPE_RAW} file. Keeps at most {@link #limit()}
 * packets (later ones are counted in {@link #overflowed()}). Thread-safe.
 */
public final class Capture {

    /** Default number of packets kept. */
    public static final int DEFAULT_LIMIT = 200_000;

    private final String name;
    private final List<Entry> entries = new ArrayList<>();
    private final int limit;
    private long overflowed;
    private int ipId;

    public Capture(String name) {
        this(name, DEFAULT_LIMIT);
    }

    public Capture(String name, int limit) {
        this.name = name;
        this.limit = limit;
    }

    /** A label used for file names ("outer", "link-198.51.100.1-203.0.113.5", "inner-a"). */
    public String name() {
        return name;
    }

    public int limit() {
        return limit;
    }

    /** Records one IP packet seen at {@code nanoTime} (a {@link VirtualClock#nanoTime()} value). */
    public synchronized void add(long nanoTime, byte[] ipPacket) {
        if (entries.size() >= limit) {
            overflowed++;
            return;
        }
        entries.add(new Entry(nanoTime, ipPacket.clone()));
    }

    /** Records one UDP datagram from {@code src} to {@code dst}, wrapped in the IP/UDP headers it had on the wire. */
    public synchronized void addUdp(long nanoTime, InetSocketAddress src, InetSocketAddress dst, byte[] payload) {
        if (entries.size() >= limit) {
            overflowed++;
            return;
        }
        if (src.getAddress().getClass() != dst.getAddress().getClass()) {
            overflowed++;
            return;
        }
        byte[] udp = IpPackets.udp(src.getAddress(), src.getPort(), dst.getAddress(), dst.getPort(), payload);
        IpPackets.setIdentification(udp, ++ipId); // distinct per packet, as a real stack would
        entries.add(new Entry(nanoTime, udp));
    }

    /** The packets captured so far (a copy of the list; the entries are immutable in use). */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Packets not kept because the limit was reached. */
    public synchronized long overflowed() {
        return overflowed;
    }

    public synchronized void clear() {
        entries.clear();
        overflowed = 0;
    }

    /** Writes the capture as a pcap file with link type RAW (101). */
    public void writePcap(Path file) throws IOException {
        List<Entry> copy = entries();
        try (PcapWriter w = PcapWriter.create(file, PcapWriter.LINKTYPE_RAW)) {
            for (Entry e : copy) {
                w.write(VirtualClock.epochNanos(e.nanoTime()), e.packet());
            }
        }
    }

    @Override
    public synchronized String toString() {
        return "Capture[" + name + ", " + entries.size() + " packets]";
    }

    /** One captured IP packet. */
    public record Entry(long nanoTime, byte[] packet) {
        /** The packet parsed. */
        public IpPacket ip() {
            return IpPacket.parse(packet);
        }
    }
}

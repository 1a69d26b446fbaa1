package org.jvpn.testkit.inner;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * Sends numbered UDP datagrams from an {@link InnerHost}: each payload starts with the magic
 * {@code "JVPN"} and a 64-bit sequence number (from 0), padded with a pattern to the requested size, so
 * that a {@link UdpSink} can count loss, duplication, reordering and corruption.
 */
public final class UdpSource {

    /** Smallest payload: magic (4) and sequence number (8). */
    public static final int MIN_SIZE = 12;
    static final int MAGIC = 0x4a56504e;

    private final InnerHost host;
    private final int srcPort;
    private final InetAddress destination;
    private final int dstPort;
    private long nextSeq;
    private long sent;
    private long refused;

    UdpSource(InnerHost host, int srcPort, InetAddress destination, int dstPort) {
        this.host = host;
        this.srcPort = srcPort;
        this.destination = destination;
        this.dstPort = dstPort;
    }

    /** Sends the next datagram now. */
    public boolean sendOne(int size) {
        long seq;
        synchronized (this) {
            seq = nextSeq++;
        }
        boolean ok = host.sendUdp(srcPort, destination, dstPort, payload(seq, Math.max(MIN_SIZE, size)));
        synchronized (this) {
            if (ok) {
                sent++;
            } else {
                refused++;
            }
        }
        return ok;
    }

    /** Schedules {@code count} datagrams of {@code size} bytes, the first now, then every {@code interval}. */
    public UdpSource start(int count, Duration interval, int size) {
        for (int i = 0; i < count; i++) {
            host.device().scheduler().schedule(interval.multipliedBy(i), () -> sendOne(size));
        }
        return this;
    }

    /** Datagrams handed to the device. */
    public synchronized long sent() {
        return sent;
    }

    /** Datagrams the device refused (closed, oversize). */
    public synchronized long refused() {
        return refused;
    }

    static byte[] payload(long seq, int size) {
        ByteBuffer b = ByteBuffer.allocate(size);
        b.putInt(MAGIC).putLong(seq);
        for (int i = MIN_SIZE; i < size; i++) {
            b.put((byte) (seq * 31 + i));
        }
        return b.array();
    }
}

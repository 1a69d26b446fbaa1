package org.jvpn.testkit.inner;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Counts the numbered datagrams of a {@link UdpSource}: received, unique, duplicates, reordered (a
 * datagram arriving after one with a higher number) and corrupt (bad magic or padding).
 */
public final class UdpSink {

    private final BitSet seen = new BitSet();
    private long received;
    private long duplicates;
    private long reordered;
    private long corrupt;
    private long highest = -1;

    synchronized void accept(byte[] data) {
        received++;
        if (data.length < UdpSource.MIN_SIZE) {
            corrupt++;
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(data);
        long seq = b.getInt() == UdpSource.MAGIC ? b.getLong() : -1;
        if (seq < 0 || seq > Integer.MAX_VALUE || !Arrays.equals(data, UdpSource.payload(seq, data.length))) {
            corrupt++;
            return;
        }
        if (seen.get((int) seq)) {
            duplicates++;
            return;
        }
        seen.set((int) seq);
        if (seq < highest) {
            reordered++;
        }
        highest = Math.max(highest, seq);
    }

    /** Counters, with loss computed against {@code sent} datagrams. */
    public synchronized UdpStreamStats stats(long sent) {
        long unique = seen.cardinality();
        return new UdpStreamStats(sent, received, unique, Math.max(0, sent - unique), duplicates, reordered, corrupt);
    }

    /** Counters, with loss computed against the highest number seen (losses at the tail are not visible). */
    public synchronized UdpStreamStats stats() {
        return stats(highest + 1);
    }
}

package org.jvpn.testkit.inner;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.jvpn.testkit.ip.IpPacket;
import org.jvpn.testkit.time.VirtualScheduler;

/**
 * Sends ICMP (IPv4) or ICMPv6 (IPv6) echo requests from an {@link InnerHost} on virtual time and matches
 * the replies, measuring round trips on the scheduler's clock. Created by {@link InnerHost#pinger}.
 */
public final class Pinger {

    /** Default echo data size (as ping's 56 bytes). */
    public static final int DEFAULT_SIZE = 56;

    private final InnerHost host;
    private final InetAddress destination;
    private final int id;
    private final Map<Integer, Long> sentAt = new HashMap<>();
    private final Set<Integer> answered = new HashSet<>();
    private int nextSeq = 1;
    private int transmitted;
    private int duplicates;
    private int corrupt;
    private long rttMin = Long.MAX_VALUE;
    private long rttMax;
    private long rttSum;

    Pinger(InnerHost host, InetAddress destination, int id) {
        this.host = host;
        this.destination = destination;
        this.id = id;
    }

    public int identifier() {
        return id;
    }

    /** Sends one echo request now with {@code size} bytes of data; returns its sequence number. */
    public int ping(int size) {
        int seq;
        long now = scheduler().clock().nanoTime();
        synchronized (this) {
            seq = nextSeq++ & 0xffff;
            transmitted++;
            sentAt.put(seq, now);
        }
        host.sendEcho(true, destination, id, seq, data(seq, size));
        return seq;
    }

    /** Sends one echo request of {@link #DEFAULT_SIZE} bytes now. */
    public int ping() {
        return ping(DEFAULT_SIZE);
    }

    /**
     * Schedules {@code count} echo requests, the first now and then every {@code interval}, like
     * {@code ping -c count -i interval}. Drive the scheduler to send them and collect replies.
     */
    public Pinger start(int count, Duration interval, int size) {
        for (int i = 0; i < count; i++) {
            scheduler().schedule(interval.multipliedBy(i), () -> ping(size));
        }
        return this;
    }

    public Pinger start(int count, Duration interval) {
        return start(count, interval, DEFAULT_SIZE);
    }

    public synchronized PingStats stats() {
        int received = answered.size();
        @Nullable Duration min = received == 0 ? null : Duration.ofNanos(rttMin);
        @Nullable Duration max = received == 0 ? null : Duration.ofNanos(rttMax);
        @Nullable Duration avg = received == 0 ? null : Duration.ofNanos(rttSum / received);
        return new PingStats(transmitted, received, duplicates, corrupt, min, avg, max);
    }

    /** ping's summary line(s). */
    public String summary() {
        return "--- " + destination.getHostAddress() + " ping statistics ---\n" + stats().summary();
    }

    void onReply(InetAddress from, IpPacket.Echo echo) {
        long now = scheduler().clock().nanoTime();
        synchronized (this) {
            Long sent = sentAt.get(echo.sequence());
            if (sent == null || !from.equals(destination)) {
                corrupt++;
                return;
            }
            if (!Arrays.equals(echo.data(), data(echo.sequence(), echo.data().length))) {
                corrupt++;
                return;
            }
            if (!answered.add(echo.sequence())) {
                duplicates++;
                return;
            }
            long rtt = now - sent;
            rttMin = Math.min(rttMin, rtt);
            rttMax = Math.max(rttMax, rtt);
            rttSum += rtt;
        }
    }

    private VirtualScheduler scheduler() {
        return host.device().scheduler();
    }

    private static byte[] data(int seq, int size) {
        byte[] d = new byte[size];
        for (int i = 0; i < size; i++) {
            d[i] = (byte) (seq + i);
        }
        return d;
    }

    @Override
    public String toString() {
        return "Pinger[" + host.address().getHostAddress() + " -> " + destination.getHostAddress() + ", " + stats() + "]";
    }
}

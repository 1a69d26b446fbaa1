package org.jvpn.cli.inner;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jvpn.testkit.ip.IpPacket;
import org.jvpn.testkit.ip.IpPackets;

/**
 * One run of pings from an {@link InnerHostDevice}: echo requests with a common identifier and sequence
 * numbers 1..count sent at a fixed interval on a timer thread, replies matched by sequence number with
 * their round-trip times. {@link #await} waits for every reply or a deadline.
 */
public final class PingSession {

    private final InnerHostDevice host;
    private final int identifier;
    private final InetAddress source;
    private final InetAddress destination;
    private final int count;
    private final Duration interval;
    private final int dataSize;
    private final LongSupplier nanoTime;
    private final long[] sentAt;
    private final long[] rtt;
    private final ScheduledExecutorService timer;
    private int transmitted;
    private int received;
    private int duplicates;
    private int corrupt;
    private long firstSent = -1;
    private long lastEvent;

    PingSession(InnerHostDevice host, int identifier, InetAddress source, InetAddress destination, int count,
            Duration interval, int dataSize, LongSupplier nanoTime) {
        if (count < 1 || count > 65535) {
            throw new IllegalArgumentException("ping count " + count + " outside 1..65535");
        }
        if (dataSize < 8 || dataSize > 1400) {
            throw new IllegalArgumentException("ping data size " + dataSize + " outside 8..1400");
        }
        this.host = host;
        this.identifier = identifier;
        this.source = source;
        this.destination = destination;
        this.count = count;
        this.interval = interval;
        this.dataSize = dataSize;
        this.nanoTime = nanoTime;
        this.sentAt = new long[count + 1];
        this.rtt = new long[count + 1];
        Arrays.fill(rtt, -1);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jvpn-ping-" + identifier);
            t.setDaemon(true);
            return t;
        });
    }

    int identifier() {
        return identifier;
    }

    void start() {
        long periodNanos = Math.max(1, interval.toNanos());
        timer.scheduleAtFixedRate(this::sendNext, 0, periodNanos, TimeUnit.NANOSECONDS);
    }

    private void sendNext() {
        int seq;
        synchronized (this) {
            if (transmitted >= count) {
                timer.shutdown();
                return;
            }
            seq = ++transmitted;
            long now = nanoTime.getAsLong();
            sentAt[seq] = now;
            if (firstSent < 0) {
                firstSent = now;
            }
            lastEvent = now;
            notifyAll();
        }
        host.send(IpPackets.echoRequest(source, destination, identifier, seq, payload(seq)));
    }

    private byte[] payload(int seq) {
        byte[] d = new byte[dataSize];
        for (int i = 0; i < d.length; i++) {
            d[i] = (byte) (seq * 31 + i);
        }
        return d;
    }

    synchronized void onReply(InetAddress from, IpPacket.Echo echo) {
        int seq = echo.sequence();
        if (!from.equals(destination) || seq < 1 || seq > transmitted) {
            return;
        }
        if (!Arrays.equals(echo.data(), payload(seq))) {
            corrupt++;
            return;
        }
        if (rtt[seq] >= 0) {
            duplicates++;
            return;
        }
        long now = nanoTime.getAsLong();
        rtt[seq] = now - sentAt[seq];
        received++;
        lastEvent = now;
        notifyAll();
    }

    /**
     * Waits until every request has been sent and answered, or until {@code linger} has passed since the
     * last request was sent (the wait for late replies), or until {@code deadline} has passed in total.
     */
    public PingResult await(Duration linger, Duration deadline) throws InterruptedException {
        long start = nanoTime.getAsLong();
        synchronized (this) {
            while (true) {
                long now = nanoTime.getAsLong();
                if (received >= count) {
                    break;
                }
                long waitNanos = deadline.toNanos() - (now - start);
                if (transmitted >= count) {
                    waitNanos = Math.min(waitNanos, linger.toNanos() - (now - sentAt[count]));
                }
                if (waitNanos <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(this, waitNanos);
            }
        }
        stop();
        return result();
    }

    /** Stops sending. */
    public void stop() {
        timer.shutdownNow();
        host.pingDone(this);
    }

    /** The results so far. */
    public synchronized PingResult result() {
        long min = Long.MAX_VALUE;
        long max = 0;
        double sum = 0;
        double sumSq = 0;
        for (int s = 1; s <= transmitted; s++) {
            long r = rtt[s];
            if (r >= 0) {
                min = Math.min(min, r);
                max = Math.max(max, r);
                sum += r;
                sumSq += (double) r * r;
            }
        }
        long elapsed = firstSent < 0 ? 0 : Math.max(0, lastEvent - firstSent);
        if (received == 0) {
            return new PingResult(destination, transmitted, 0, duplicates, corrupt, Duration.ofNanos(elapsed), null, null,
                    null, null);
        }
        double avg = sum / received;
        double mdev = Math.sqrt(Math.max(0, sumSq / received - avg * avg));
        return new PingResult(destination, transmitted, received, duplicates, corrupt, Duration.ofNanos(elapsed),
                Duration.ofNanos(min), Duration.ofNanos((long) avg), Duration.ofNanos(max), Duration.ofNanos((long) mdev));
    }

    /** Sequence numbers (1-based) sent but not answered. */
    public synchronized int[] unanswered() {
        return java.util.stream.IntStream.rangeClosed(1, transmitted).filter(s -> rtt[s] < 0).toArray();
    }
}

package org.jvpn.testkit.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.Consumer;
import org.jvpn.testkit.SeededRandom;
import org.jvpn.testkit.pcap.Capture;
import org.jvpn.testkit.time.VirtualScheduler;

/**
 * The public path between two addresses (hosts or NAT boxes), both directions, with seeded
 * {@link Impairments}, a partition switch, counters and a capture of every datagram handed to it (taken
 * at the sending end, before loss). Delivery happens on the {@link VirtualScheduler}: a zero-delay link
 * delivers on the scheduler's next run, never inside {@code send()}. Thread-safe.
 */
public final class Link {

    private final InetAddress a;
    private final InetAddress b;
    private final VirtualScheduler scheduler;
    private final SeededRandom random;
    private final Capture capture;
    private final Capture networkCapture;
    private Impairments impairments;
    private boolean partitioned;
    private long sent;
    private long delivered;
    private long lost;
    private long duplicated;
    private long reordered;
    private long mtuDropped;
    private long partitionDropped;
    private long bytesSent;

    Link(InetAddress a, InetAddress b, VirtualScheduler scheduler, SeededRandom random, Impairments impairments,
         Capture networkCapture) {
        this.a = a;
        this.b = b;
        this.scheduler = scheduler;
        this.random = random;
        this.impairments = impairments;
        this.networkCapture = networkCapture;
        this.capture = new Capture("link-" + a.getHostAddress().replace(':', '_') + "-"
                + b.getHostAddress().replace(':', '_'));
    }

    /** One end (the smaller address as text). */
    public InetAddress endA() {
        return a;
    }

    public InetAddress endB() {
        return b;
    }

    public synchronized Impairments impairments() {
        return impairments;
    }

    /** Replaces the impairments (effective for datagrams sent from now on). */
    public synchronized Link impair(Impairments newImpairments) {
        this.impairments = newImpairments;
        return this;
    }

    /** Cuts the link: datagrams sent now, and those in flight when they would arrive, are dropped. */
    public synchronized Link partition() {
        partitioned = true;
        return this;
    }

    /** Heals a partition. */
    public synchronized Link heal() {
        partitioned = false;
        return this;
    }

    public synchronized boolean isPartitioned() {
        return partitioned;
    }

    public synchronized LinkStats stats() {
        return new LinkStats(sent, delivered, lost, duplicated, reordered, mtuDropped, partitionDropped, bytesSent);
    }

    /** What was handed to this link, as IP/UDP packets. */
    public Capture capture() {
        return capture;
    }

    void transmit(InetSocketAddress src, InetSocketAddress dst, byte[] payload, Consumer<byte[]> arrive) {
        long now = scheduler.clock().nanoTime();
        capture.addUdp(now, src, dst, payload);
        networkCapture.addUdp(now, src, dst, payload);
        int copies;
        long[] delays;
        synchronized (this) {
            sent++;
            bytesSent += payload.length;
            if (partitioned) {
                partitionDropped++;
                return;
            }
            int ipLength = payload.length + 8 + (src.getAddress().getAddress().length == 4 ? 20 : 40);
            if (ipLength > impairments.mtu()) {
                mtuDropped++;
                return;
            }
            if (random.chance(impairments.lossPercent())) {
                lost++;
                return;
            }
            copies = random.chance(impairments.duplicatePercent()) ? 2 : 1;
            if (copies == 2) {
                duplicated++;
            }
            delays = new long[copies];
            for (int i = 0; i < copies; i++) {
                long d = impairments.delay().toNanos();
                long j = impairments.jitter().toNanos();
                if (j > 0) {
                    d += random.nextLong(2 * j + 1) - j;
                }
                if (random.chance(impairments.reorderPercent())) {
                    reordered++;
                    d += impairments.reorderDelay().toNanos();
                }
                delays[i] = Math.max(0, d);
            }
        }
        for (long d : delays) {
            Runnable task = () -> {
                synchronized (this) {
                    if (partitioned) {
                        partitionDropped++;
                        return;
                    }
                    delivered++;
                }
                arrive.accept(payload);
            };
            if (d == 0) {
                scheduler.execute(task);
            } else {
                scheduler.schedule(Duration.ofNanos(d), task);
            }
        }
    }

    @Override
    public String toString() {
        return "Link[" + a.getHostAddress() + " <-> " + b.getHostAddress() + ", " + stats() + "]";
    }
}

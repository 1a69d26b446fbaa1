package org.jvpn.esp;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.spi.io.PacketBuffer;
import org.jvpn.api.spi.time.Clock;
import org.jvpn.api.spi.time.Scheduler;
import org.jvpn.api.spi.time.Timer;

/**
 * The data plane's timers: NAT-keepalives (RFC 3948 section 2.3) and the periodic lifetime check, each a
 * task that re-schedules itself until {@link #stop}.
 */
final class PeriodicWork {

    private final SaTable sad;
    private final Clock clock;
    private final OutboundSender sender;
    private final AtomicLong keepalivesSent = new AtomicLong();
    private final List<Repeating> repeating = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    PeriodicWork(SaTable sad, Clock clock, OutboundSender sender) {
        this.sad = sad;
        this.clock = clock;
        this.sender = sender;
    }

    /**
     * Sends a NAT-keepalive (one 0xFF byte) from each outbound SA's local endpoint to its peer, unless the
     * SA sent traffic within {@code idle}; one per endpoint pair. Returns how many were sent.
     */
    int sendKeepalives(Duration idle) {
        long now = clock.nanoTime();
        Set<List<InetSocketAddress>> pairs = new LinkedHashSet<>();
        for (SecurityAssociation sa : sad.outbound()) {
            long last = sa.lastUsedNanos;
            if (last == Long.MIN_VALUE || now - last >= idle.toNanos()) {
                pairs.add(List.of(sa.config.local(), sa.remote));
            }
        }
        int sent = 0;
        for (List<InetSocketAddress> pair : pairs) {
            PacketBuffer ka = PacketBuffer.copyOf(new byte[] {(byte) 0xff});
            if (sender.send(pair.get(0), pair.get(1), ka)) {
                sent++;
            }
        }
        keepalivesSent.addAndGet(sent);
        return sent;
    }

    /** NAT-keepalives sent so far. */
    long keepalivesSent() {
        return keepalivesSent.get();
    }

    /**
     * Schedules {@code pollLifetimes} every second and, unless {@code keepaliveInterval} is zero,
     * keepalives at that interval. Caller holds the data plane's lock.
     */
    void start(Scheduler scheduler, Duration keepaliveInterval, Runnable pollLifetimes) {
        repeat(scheduler, Duration.ofSeconds(1), pollLifetimes);
        if (!keepaliveInterval.isZero()) {
            repeat(scheduler, keepaliveInterval, () -> sendKeepalives(keepaliveInterval));
        }
    }

    /** Cancels every timer; no task runs or re-schedules itself afterwards. Caller holds the data plane's lock. */
    void stop() {
        closed = true;
        for (Repeating r : repeating) {
            r.cancel();
        }
    }

    private void repeat(Scheduler scheduler, Duration every, Runnable task) {
        Repeating r = new Repeating(scheduler, every, task);
        repeating.add(r);
        r.timer = scheduler.schedule(every, r);
    }

    /** A task that re-schedules itself after each run until stopped. */
    private final class Repeating implements Runnable {
        final Scheduler scheduler;
        final Duration every;
        final Runnable task;
        volatile @Nullable Timer timer;

        Repeating(Scheduler scheduler, Duration every, Runnable task) {
            this.scheduler = scheduler;
            this.every = every;
            this.task = task;
        }

        @Override
        public void run() {
            if (closed) {
                return;
            }
            try {
                task.run();
            } finally {
                if (!closed) {
                    timer = scheduler.schedule(every, this);
                }
            }
        }

        void cancel() {
            Timer t = timer;
            if (t != null) {
                t.cancel();
            }
        }
    }
}

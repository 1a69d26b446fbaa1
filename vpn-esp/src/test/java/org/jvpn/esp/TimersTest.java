package org.jvpn.esp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.PriorityQueue;
import org.jvpn.api.config.EncryptionAlgorithm;
import org.jvpn.api.spi.dataplane.LifetimeLimits;
import org.jvpn.api.spi.dataplane.SaEvent;
import org.jvpn.api.spi.time.Clock;
import org.jvpn.api.spi.time.Scheduler;
import org.jvpn.api.spi.time.Timer;
import org.junit.jupiter.api.Test;
import org.jvpn.esp.crypto.CryptoBackends;

/** Keepalives on an interval and time lifetimes, driven by a manual scheduler on the harness clock. */
class TimersTest {

    static final class ManualScheduler implements Scheduler {
        record Task(long due, long order, Runnable r, boolean[] cancelled) {}

        final Harness.ManualClock clock;
        final PriorityQueue<Task> queue = new PriorityQueue<>((a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.order, b.order));
        long order;

        ManualScheduler(Harness.ManualClock clock) {
            this.clock = clock;
        }

        @Override public Clock clock() { return clock; }
        @Override public void execute(Runnable task) { schedule(Duration.ZERO, task); }
        @Override public boolean inEventLoop() { return true; }

        @Override
        public Timer schedule(Duration delay, Runnable task) {
            boolean[] c = new boolean[1];
            queue.add(new Task(clock.now + delay.toNanos(), order++, task, c));
            return new Timer() {
                @Override public boolean cancel() { boolean was = !c[0]; c[0] = true; return was; }
                @Override public boolean isCancelled() { return c[0]; }
            };
        }

        void advance(Duration d) {
            long end = clock.now + d.toNanos();
            while (!queue.isEmpty() && queue.peek().due <= end) {
                Task t = queue.poll();
                clock.now = Math.max(clock.now, t.due);
                if (!t.cancelled[0]) {
                    t.r.run();
                }
            }
            clock.now = end;
        }
    }

    @Test
    void keepalivesAndLifetimesRunOnTheScheduler() {
        Harness h = new Harness(CryptoBackends.jca(), CryptoBackends.jca());
        h.tunnel(EncryptionAlgorithm.AES_128_GCM_16, null, null, false, 128, new LifetimeLimits(30, 60, 0, 0, 0, 0), false);
        ManualScheduler s = new ManualScheduler(h.clock);
        h.left.start(s, Duration.ofSeconds(20));
        s.advance(Duration.ofSeconds(65));
        assertEquals(3, h.left.keepalivesSent(), "at 20 s, 40 s, 60 s");
        assertEquals(3, h.right.count(Verdict.KEEPALIVE));
        assertTrue(h.events.stream().anyMatch(e -> e.kind() == SaEvent.Kind.SOFT_EXPIRED));
        assertTrue(h.events.stream().anyMatch(e -> e.kind() == SaEvent.Kind.HARD_EXPIRED));
        h.left.close();
        s.advance(Duration.ofSeconds(100));
        assertEquals(3, h.left.keepalivesSent(), "nothing after close");
    }
}

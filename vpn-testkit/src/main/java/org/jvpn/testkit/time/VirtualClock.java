package org.jvpn.testkit.time;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.jvpn.api.spi.time.Clock;

/**
 * A clock that moves only when told to. {@link #nanoTime()} starts at {@link #ORIGIN_NANOS} (not zero,
 * so code that treats 0 as "never" is caught); {@link #wallTime()} is {@link #WALL_ORIGIN} plus the
 * virtual time elapsed. Thread-safe. Usually driven by a {@link VirtualScheduler}.
 */
public final class VirtualClock implements Clock {

    /** The monotonic time at which every virtual clock starts (1000 s). */
    public static final long ORIGIN_NANOS = 1_000_000_000_000L;

    /** The wall time at which every virtual clock starts. */
    public static final Instant WALL_ORIGIN = Instant.parse("2025-01-01T00:00:00Z");

    private final AtomicLong now = new AtomicLong(ORIGIN_NANOS);

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public Instant wallTime() {
        return WALL_ORIGIN.plusNanos(now.get() - ORIGIN_NANOS);
    }

    /** Virtual time elapsed since the clock started. */
    public Duration elapsed() {
        return Duration.ofNanos(now.get() - ORIGIN_NANOS);
    }

    /** Wall time (epoch nanoseconds) that corresponds to a {@link #nanoTime()} value, for captures. */
    public static long epochNanos(long nanoTime) {
        return WALL_ORIGIN.getEpochSecond() * 1_000_000_000L + (nanoTime - ORIGIN_NANOS);
    }

    /** Moves the clock forward by {@code d}; prefer {@link VirtualScheduler#advance}, which runs timers. */
    public void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("cannot move a clock backwards: " + d);
        }
        now.addAndGet(d.toNanos());
    }

    /** Sets the time to {@code nanoTime} if that is not in the past. */
    void advanceTo(long nanoTime) {
        now.accumulateAndGet(nanoTime, Math::max);
    }

    @Override
    public String toString() {
        return "VirtualClock[+" + elapsed() + "]";
    }
}

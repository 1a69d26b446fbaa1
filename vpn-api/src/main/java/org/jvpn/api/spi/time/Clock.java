package org.jvpn.api.spi.time;

import java.time.Instant;

/**
 * The engine's only source of time. Protocol code never calls {@code System.nanoTime()} or
 * {@code System.currentTimeMillis()}; it asks the injected clock, so tests can run on virtual time.
 *
 * <p>Implementations are thread-safe.
 */
public interface Clock {

    /**
     * Monotonic time in nanoseconds, from an arbitrary origin. Never goes backwards. Use it for
     * lifetimes, timeouts, DPD idle detection and retransmission.
     */
    long nanoTime();

    /** Wall-clock time, for display and logs only (never for protocol timing). */
    Instant wallTime();

    /** The system clock: {@link System#nanoTime()} and {@link Instant#now()}. */
    static Clock system() {
        return SystemTime.CLOCK;
    }
}

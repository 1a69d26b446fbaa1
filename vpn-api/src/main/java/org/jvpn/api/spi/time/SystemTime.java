package org.jvpn.api.spi.time;

import java.time.Instant;

/** The one real-time implementation of {@link Clock}. */
final class SystemTime implements Clock {

    static final SystemTime CLOCK = new SystemTime();

    private SystemTime() {}

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Instant wallTime() {
        return Instant.now();
    }
}

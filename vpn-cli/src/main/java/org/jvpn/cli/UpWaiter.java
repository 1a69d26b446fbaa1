package org.jvpn.cli;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jvpn.api.ConnectionHandle;
import org.jvpn.api.ConnectionListener;
import org.jvpn.api.ConnectionState;

/**
 * Waits until a connection is UP. Unlike {@link ConnectionHandle#awaitUp}, it re-checks the state at
 * least every 20 ms as well as on every event: the gateway fires a connection's events before it
 * publishes the state snapshot that {@code state()} reads, so a wait woken only by events can miss the
 * transition and sleep until its timeout.
 */
public final class UpWaiter {

    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private UpWaiter() {}

    /** Whether {@code handle} became UP within {@code timeout}. */
    public static boolean awaitUp(ConnectionHandle handle, Duration timeout) throws InterruptedException {
        Object monitor = new Object();
        ConnectionListener l = ev -> {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        };
        handle.addListener(l);
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (monitor) {
                while (handle.state() != ConnectionState.UP) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(monitor, Math.min(left, RECHECK_NANOS));
                }
                return true;
            }
        } finally {
            handle.removeListener(l);
        }
    }
}

package org.jvpn.api.spi.time;

/** A scheduled task. Cancelling is idempotent and thread-safe. */
public interface Timer {

    /**
     * Cancels the task if it has not run yet.
     *
     * @return true if this call prevented the task from running
     */
    boolean cancel();

    /** Whether the task was cancelled before it ran. */
    boolean isCancelled();
}

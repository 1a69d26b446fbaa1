package org.jvpn.api.spi.time;

import java.time.Duration;

/**
 * Runs tasks later, on the scheduler's own thread (the gateway's event loop). The engine confines its
 * state to that thread: every task submitted here runs there, one at a time, in due-time order (tasks
 * with equal due times run in submission order).
 *
 * <p>{@link #execute} and {@link #schedule} may be called from any thread. A task that throws is
 * logged by the implementation and does not stop the scheduler.
 */
public interface Scheduler {

    /** The clock that this scheduler's delays are measured on. */
    Clock clock();

    /** Runs {@code task} on the scheduler thread as soon as possible (after tasks already due). */
    void execute(Runnable task);

    /**
     * Runs {@code task} on the scheduler thread once {@code delay} has elapsed on {@link #clock()}.
     * A zero or negative delay means "as soon as possible".
     *
     * @return a handle that cancels the task if it has not started yet
     */
    Timer schedule(Duration delay, Runnable task);

    /** Whether the calling thread is the scheduler's thread (the event loop). */
    boolean inEventLoop();
}

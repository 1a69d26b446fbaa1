package org.jvpn.ike.gateway;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jvpn.api.spi.time.Clock;
import org.jvpn.api.spi.time.Scheduler;
import org.jvpn.api.spi.time.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real-time {@link Scheduler}: one daemon thread that owns all IKE state of a gateway. Tasks that
 * throw are logged and do not stop the loop.
 */
public final class EventLoop implements Scheduler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);

    private final ScheduledThreadPoolExecutor executor;
    private final Clock clock = Clock.system();
    private volatile Thread thread;

    public EventLoop(String name) {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            thread = t;
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.prestartCoreThread();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void execute(Runnable task) {
        if (!executor.isShutdown()) {
            executor.execute(guarded(task));
        }
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        if (executor.isShutdown()) {
            return CancelledTimer.INSTANCE;
        }
        long nanos = Math.max(0, delay.toNanos());
        ScheduledFuture<?> f = executor.schedule(guarded(task), nanos, TimeUnit.NANOSECONDS);
        return new Timer() {
            @Override
            public boolean cancel() {
                return f.cancel(false);
            }

            @Override
            public boolean isCancelled() {
                return f.isCancelled();
            }
        };
    }

    @Override
    public boolean inEventLoop() {
        return Thread.currentThread() == thread;
    }

    /** Stops the loop; tasks not yet run are dropped. Waits up to {@code wait} for a running task. */
    public void shutdown(Duration wait) {
        executor.shutdownNow();
        if (!inEventLoop()) {
            try {
                executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        shutdown(Duration.ofSeconds(2));
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("event loop task failed", e);
            }
        };
    }

    private enum CancelledTimer implements Timer {
        INSTANCE;

        @Override
        public boolean cancel() {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return true;
        }
    }
}

package org.jvpn.testkit.time;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.spi.time.Scheduler;
import org.jvpn.api.spi.time.Timer;

/**
 * A {@link Scheduler} on a {@link VirtualClock}: tasks run only when the test drives it with
 * {@link #advance}, {@link #runFor}, {@link #runDue} or {@link #runUntilIdle}, on the driving thread, in
 * due-time order (FIFO among equal due times), including tasks that running tasks schedule. Nothing
 * sleeps: minutes of virtual time take milliseconds.
 *
 * <p>{@link #execute} and {@link #schedule} may be called from any thread (queued under a lock).
 * {@link #inEventLoop()} is true on the thread that created the scheduler or last drove it.
 *
 * <p>A task that throws does not stop the scheduler (as the SPI says); the exception is kept in
 * {@link #taskFailures()} (the JUnit extension fails the test if any remain).
 *
 * <p>Every run method stops with an {@link IllegalStateException} after {@link #maxTasksPerRun()} tasks
 * (1,000,000 by default), so that a periodic timer or a task that reschedules itself cannot hang a test.
 */
public final class VirtualScheduler implements Scheduler {

    /** Default bound on the number of tasks one run call may execute. */
    public static final int DEFAULT_MAX_TASKS = 1_000_000;

    private final VirtualClock clock;
    private final Object lock = new Object();
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    private long nextSeq;
    private long tasksRun;
    private volatile Thread owner;
    private boolean running;
    private int maxTasks = DEFAULT_MAX_TASKS;

    public VirtualScheduler() {
        this(new VirtualClock());
    }

    public VirtualScheduler(VirtualClock clock) {
        this.clock = clock;
        this.owner = Thread.currentThread();
    }

    @Override
    public VirtualClock clock() {
        return clock;
    }

    @Override
    public void execute(Runnable task) {
        enqueue(clock.nanoTime(), task);
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        long d = delay.isNegative() ? 0 : saturatedNanos(delay);
        return enqueue(saturatedAdd(clock.nanoTime(), d), task);
    }

    @Override
    public boolean inEventLoop() {
        return Thread.currentThread() == owner;
    }

    /** Runs the tasks that are due now (and those they schedule for now) without moving time. */
    public int runDue() {
        return runUntil(clock.nanoTime());
    }

    /**
     * Moves virtual time forward by {@code d}, running every task that falls due on the way, each at its
     * own due time (the clock reads the task's due time while it runs).
     *
     * @return the number of tasks run
     */
    public int advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("cannot advance by a negative duration: " + d);
        }
        return runUntil(saturatedAdd(clock.nanoTime(), saturatedNanos(d)));
    }

    /** Same as {@link #advance}: lets the world run for {@code d} of virtual time. */
    public int runFor(Duration d) {
        return advance(d);
    }

    /**
     * Runs tasks, moving time forward to each one's due time, until no task is left. Fails after
     * {@link #maxTasksPerRun()} tasks (a periodic timer never goes idle: use {@link #runFor} then).
     *
     * @return the number of tasks run
     */
    public int runUntilIdle() {
        return runUntil(Long.MAX_VALUE);
    }

    /** Number of tasks waiting (not cancelled). */
    public int pendingTasks() {
        synchronized (lock) {
            int n = 0;
            for (Task t : queue) {
                if (!t.isCancelled()) {
                    n++;
                }
            }
            return n;
        }
    }

    /** Virtual time until the next pending task, or null if none. */
    public @Nullable Duration nextDue() {
        synchronized (lock) {
            purgeCancelledHead();
            Task t = queue.peek();
            return t == null ? null : Duration.ofNanos(Math.max(0, t.due - clock.nanoTime()));
        }
    }

    /** Total number of tasks run since creation. */
    public long tasksRun() {
        synchronized (lock) {
            return tasksRun;
        }
    }

    /** Exceptions thrown by tasks so far (a copy). */
    public List<Throwable> taskFailures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /** Forgets recorded task failures (for tests that provoke them on purpose). */
    public void clearTaskFailures() {
        failures.clear();
    }

    public int maxTasksPerRun() {
        return maxTasks;
    }

    /** Changes the bound on tasks per run call. */
    public void maxTasksPerRun(int max) {
        if (max <= 0) {
            throw new IllegalArgumentException("maxTasksPerRun must be positive: " + max);
        }
        this.maxTasks = max;
    }

    private int runUntil(long limit) {
        synchronized (lock) {
            if (running) {
                throw new IllegalStateException("VirtualScheduler is already running: a task may not drive the scheduler");
            }
            running = true;
        }
        owner = Thread.currentThread();
        int count = 0;
        try {
            while (true) {
                Task t;
                synchronized (lock) {
                    purgeCancelledHead();
                    t = queue.peek();
                    if (t == null || t.due > limit) {
                        break;
                    }
                    queue.poll();
                    if (!t.state.compareAndSet(PENDING, STARTED)) {
                        continue;
                    }
                    tasksRun++;
                }
                if (++count > maxTasks) {
                    throw new IllegalStateException("VirtualScheduler ran " + maxTasks + " tasks in one call without "
                            + "going idle (a periodic timer or a task rescheduling itself?); at virtual time +"
                            + clock.elapsed() + ". Use runFor(Duration) for worlds with periodic timers, or raise "
                            + "maxTasksPerRun");
                }
                clock.advanceTo(t.due);
                try {
                    t.task.run();
                } catch (RuntimeException | AssertionError e) {
                    failures.add(e);
                }
            }
            if (limit != Long.MAX_VALUE) {
                clock.advanceTo(limit);
            }
            return count;
        } finally {
            synchronized (lock) {
                running = false;
            }
        }
    }

    private void purgeCancelledHead() {
        while (!queue.isEmpty() && queue.peek().isCancelled()) {
            queue.poll();
        }
    }

    private Task enqueue(long due, Runnable task) {
        synchronized (lock) {
            Task t = new Task(due, nextSeq++, task);
            queue.add(t);
            return t;
        }
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 2;
        }
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE - 1 : r;
    }

    @Override
    public String toString() {
        return "VirtualScheduler[+" + clock.elapsed() + ", pending=" + pendingTasks() + "]";
    }

    private static final int PENDING = 0;
    private static final int STARTED = 1;
    private static final int CANCELLED = 2;

    private static final class Task implements Timer, Comparable<Task> {
        final long due;
        final long seq;
        final Runnable task;
        final AtomicInteger state = new AtomicInteger(PENDING);

        Task(long due, long seq, Runnable task) {
            this.due = due;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public int compareTo(Task o) {
            int c = Long.compare(due, o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }

        @Override
        public boolean cancel() {
            return state.compareAndSet(PENDING, CANCELLED);
        }

        @Override
        public boolean isCancelled() {
            return state.get() == CANCELLED;
        }
    }
}

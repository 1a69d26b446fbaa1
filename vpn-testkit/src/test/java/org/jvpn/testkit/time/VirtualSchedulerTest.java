package org.jvpn.testkit.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvpn.api.spi.time.Timer;

class VirtualSchedulerTest {

    private final VirtualScheduler s = new VirtualScheduler();
    private final List<String> log = new ArrayList<>();

    private Runnable note(String what) {
        return () -> log.add(what + "@" + s.clock().elapsed().toMillis());
    }

    @Test
    void runsInDueOrderFifoOnTiesAndAtTheirOwnTime() {
        s.schedule(Duration.ofMillis(30), note("c"));
        s.schedule(Duration.ofMillis(10), note("a"));
        s.schedule(Duration.ofMillis(10), note("b"));
        s.execute(note("now"));
        assertEquals(4, s.advance(Duration.ofMillis(30)));
        assertEquals(List.of("now@0", "a@10", "b@10", "c@30"), log);
        assertEquals(Duration.ofMillis(30), s.clock().elapsed());
    }

    @Test
    void tasksScheduledByTasksRunInTheSameAdvanceWhenDue() {
        s.schedule(Duration.ofMillis(5), () -> {
            note("outer").run();
            s.schedule(Duration.ofMillis(5), note("inner"));
            s.execute(note("asap"));
            s.schedule(Duration.ofMillis(100), note("late"));
        });
        s.advance(Duration.ofMillis(20));
        assertEquals(List.of("outer@5", "asap@5", "inner@10"), log);
        assertEquals(1, s.pendingTasks());
        assertEquals(Duration.ofMillis(85), s.nextDue());
        s.runUntilIdle();
        assertEquals("late@105", log.get(3));
        assertNull(s.nextDue());
    }

    @Test
    void advanceDoesNotRunTasksBeyondTheTarget() {
        s.schedule(Duration.ofSeconds(2), note("x"));
        assertEquals(0, s.advance(Duration.ofMillis(1999)));
        assertTrue(log.isEmpty());
        assertEquals(1, s.runFor(Duration.ofMillis(1)));
        assertEquals(List.of("x@2000"), log);
    }

    @Test
    void cancelledTasksDoNotRun() {
        Timer t = s.schedule(Duration.ofMillis(1), note("cancelled"));
        s.schedule(Duration.ofMillis(2), note("kept"));
        assertTrue(t.cancel());
        assertFalse(t.cancel());
        assertTrue(t.isCancelled());
        s.runUntilIdle();
        assertEquals(List.of("kept@2"), log);
    }

    @Test
    void cancelAfterRunReturnsFalse() {
        Timer t = s.schedule(Duration.ZERO, note("ran"));
        s.runDue();
        assertFalse(t.cancel());
        assertFalse(t.isCancelled());
    }

    @Test
    void periodicTimerCannotHangRunUntilIdle() {
        s.maxTasksPerRun(10_000);
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> s.schedule(Duration.ofSeconds(1), tick[0]);
        s.execute(tick[0]);
        IllegalStateException e = assertThrows(IllegalStateException.class, s::runUntilIdle);
        assertTrue(e.getMessage().contains("10000 tasks"), e.getMessage());
        // but a bounded run works: one tick per second for an hour of virtual time
        VirtualScheduler s2 = new VirtualScheduler();
        int[] ticks = {0};
        Runnable[] t2 = new Runnable[1];
        t2[0] = () -> {
            ticks[0]++;
            s2.schedule(Duration.ofSeconds(1), t2[0]);
        };
        s2.execute(t2[0]);
        s2.runFor(Duration.ofHours(1));
        assertEquals(3601, ticks[0]);
    }

    @Test
    void taskFailuresAreRecordedAndDoNotStopTheScheduler() {
        s.execute(() -> {
            throw new IllegalStateException("boom");
        });
        s.execute(note("after"));
        s.runDue();
        assertEquals(List.of("after@0"), log);
        assertEquals(1, s.taskFailures().size());
        assertEquals("boom", s.taskFailures().get(0).getMessage());
        s.clearTaskFailures();
        assertTrue(s.taskFailures().isEmpty());
    }

    @Test
    void aTaskCannotDriveTheScheduler() {
        s.execute(s::runDue);
        s.runDue();
        assertEquals(1, s.taskFailures().size());
    }

    @Test
    void inEventLoopOnDrivingThreadAndExecuteFromOtherThreads() throws Exception {
        assertTrue(s.inEventLoop());
        boolean[] otherSawLoop = {true};
        Thread t = new Thread(() -> {
            otherSawLoop[0] = s.inEventLoop();
            for (int i = 0; i < 1000; i++) {
                s.execute(() -> log.add("x"));
            }
        });
        t.start();
        t.join();
        assertFalse(otherSawLoop[0]);
        boolean[] inLoop = {false};
        s.execute(() -> inLoop[0] = s.inEventLoop());
        s.runDue();
        assertTrue(inLoop[0]);
        assertEquals(1000, log.size());
    }

    @Test
    void clockIsVirtualAndWallTimeFollows() {
        VirtualClock c = s.clock();
        long t0 = c.nanoTime();
        assertEquals(VirtualClock.ORIGIN_NANOS, t0);
        assertEquals(VirtualClock.WALL_ORIGIN, c.wallTime());
        s.advance(Duration.ofMinutes(10));
        assertEquals(Duration.ofMinutes(10).toNanos(), c.nanoTime() - t0);
        assertEquals(VirtualClock.WALL_ORIGIN.plus(Duration.ofMinutes(10)), c.wallTime());
        assertThrows(IllegalArgumentException.class, () -> s.advance(Duration.ofMillis(-1)));
    }
}

package org.jvpn.testkit;

import java.util.List;
import org.jvpn.api.ConnectionHandle;
import org.jvpn.api.ConnectionState;
import org.jvpn.testkit.inner.InnerHost;
import org.jvpn.testkit.inner.MemoryTunnelDevice;
import org.jvpn.testkit.inner.PingStats;
import org.jvpn.testkit.inner.Pinger;
import org.jvpn.testkit.inner.UdpSink;
import org.jvpn.testkit.inner.UdpSource;
import org.jvpn.testkit.inner.UdpStreamStats;
import org.jvpn.testkit.net.Link;
import org.jvpn.testkit.net.LinkStats;
import org.jvpn.testkit.time.VirtualScheduler;

/**
 * Assertions that read like the test's intent and fail with the numbers that matter (ping's summary,
 * stream counters, link counters). They throw {@link AssertionError}, so they work under any test
 * framework. Tunnel-state assertions will join them with the gateway API.
 */
public final class VpnAssertions {

    private VpnAssertions() {}

    /** Every echo request was answered, once, with the data that was sent. */
    /** The connection is UP, with an ISAKMP SA and at least one IPsec SA pair; else its last error. */
    public static void assertUp(ConnectionHandle handle) {
        if (handle.state() != ConnectionState.UP || handle.ikeSa().isEmpty() || handle.ipsecSas().isEmpty()) {
            throw new AssertionError("connection '" + handle.name() + "' is not up: state " + handle.state() + ", "
                    + handle.ipsecSas().size() + " IPsec SA pairs, last error: " + handle.lastError().orElse("(none)"));
        }
    }

    /** The connection is not UP and its last error contains {@code text}. */
    public static void assertFailedWith(ConnectionHandle handle, String text) {
        String err = handle.lastError().orElse("");
        if (handle.state() == ConnectionState.UP || !err.contains(text)) {
            throw new AssertionError("connection '" + handle.name() + "': expected a failure mentioning '" + text + "', state "
                    + handle.state() + ", last error: " + (err.isEmpty() ? "(none)" : err));
        }
    }

    public static void assertAllPingsAnswered(Pinger pinger) {
        PingStats s = pinger.stats();
        if (s.transmitted() == 0) {
            fail("no echo request was sent by " + pinger);
        }
        if (s.received() != s.transmitted() || s.corrupt() != 0 || s.duplicates() != 0) {
            fail("expected every ping answered exactly once, got:\n" + pinger.summary()
                    + (s.corrupt() > 0 ? "\n" + s.corrupt() + " corrupt replies" : ""));
        }
    }

    /** At least {@code expected} distinct replies arrived and none was corrupt. */
    public static void assertPingsAnswered(Pinger pinger, int expected) {
        PingStats s = pinger.stats();
        if (s.received() < expected || s.corrupt() != 0) {
            fail("expected at least " + expected + " ping replies, got:\n" + pinger.summary()
                    + (s.corrupt() > 0 ? "\n" + s.corrupt() + " corrupt replies" : ""));
        }
    }

    /** Ping loss at most {@code percent}. */
    public static void assertPingLossAtMost(Pinger pinger, double percent) {
        PingStats s = pinger.stats();
        if (s.lossPercent() > percent || s.corrupt() != 0) {
            fail("expected at most " + percent + "% ping loss, got:\n" + pinger.summary());
        }
    }

    /** Every datagram the source sent arrived once, intact (order not checked). */
    public static void assertStreamDelivered(UdpSource source, UdpSink sink) {
        UdpStreamStats s = sink.stats(source.sent());
        if (s.sent() == 0) {
            fail("the UDP source sent nothing (refused " + source.refused() + ")");
        }
        if (s.lost() != 0 || s.duplicates() != 0 || s.corrupt() != 0) {
            fail("expected the whole UDP stream delivered once and intact, got " + s);
        }
    }

    /** Like {@link #assertStreamDelivered} and in order. */
    public static void assertStreamDeliveredInOrder(UdpSource source, UdpSink sink) {
        assertStreamDelivered(source, sink);
        UdpStreamStats s = sink.stats(source.sent());
        if (s.reordered() != 0) {
            fail("expected the UDP stream in order, got " + s);
        }
    }

    /** Stream loss at most {@code percent}, and nothing corrupt. */
    public static void assertStreamLossAtMost(UdpSource source, UdpSink sink, double percent) {
        UdpStreamStats s = sink.stats(source.sent());
        if (s.lossPercent() > percent || s.corrupt() != 0) {
            fail("expected at most " + percent + "% UDP stream loss, got " + s);
        }
    }

    /** The link dropped nothing (no loss, MTU or partition drops). */
    public static void assertLinkDroppedNothing(Link link) {
        LinkStats s = link.stats();
        if (s.lost() + s.mtuDropped() + s.partitionDropped() != 0) {
            fail("expected no drops on " + link.endA().getHostAddress() + " <-> " + link.endB().getHostAddress() + ", got " + s);
        }
    }

    /** The link carried exactly {@code sent} datagrams. */
    public static void assertLinkSent(Link link, long sent) {
        assertCounter("datagrams sent on link " + link.endA().getHostAddress() + " <-> " + link.endB().getHostAddress(),
                sent, link.stats().sent());
    }

    /** A named counter has the expected value. */
    public static void assertCounter(String what, long expected, long actual) {
        if (expected != actual) {
            fail("expected " + what + " = " + expected + ", was " + actual);
        }
    }

    /** No inner host dropped a packet for a bad checksum. */
    public static void assertNoBadChecksums(InnerHost... hosts) {
        for (InnerHost h : hosts) {
            if (h.badChecksums() != 0) {
                fail(h + " dropped " + h.badChecksums() + " packets with bad checksums");
            }
        }
    }

    /** The device dropped nothing (no unknown destination, oversize, closed or malformed packets). */
    public static void assertDeviceDroppedNothing(MemoryTunnelDevice device) {
        MemoryTunnelDevice.DeviceStats s = device.stats();
        if (s.droppedNoHost() + s.droppedOversize() + s.droppedClosed() + s.malformed() != 0) {
            fail("expected no drops on tunnel device " + device.name() + ", got " + s);
        }
    }

    /** No scheduler task threw. */
    public static void assertNoTaskFailures(VirtualScheduler scheduler) {
        List<Throwable> f = scheduler.taskFailures();
        if (!f.isEmpty()) {
            AssertionError e = new AssertionError(f.size() + " scheduler task(s) threw; the first is the cause", f.get(0));
            throw e;
        }
    }

    /** No task or timer is left on the scheduler: nothing leaked past a close (timers are resources too). */
    public static void assertNoPendingTasks(VirtualScheduler scheduler) {
        int n = scheduler.pendingTasks();
        if (n != 0) {
            fail("expected no pending scheduler tasks, " + n + " left (next due in " + scheduler.nextDue() + ")");
        }
    }

    private static void fail(String message) {
        throw new AssertionError(message);
    }
}

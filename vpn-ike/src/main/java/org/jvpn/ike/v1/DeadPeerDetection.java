package org.jvpn.ike.v1;

import java.time.Duration;
import java.util.Optional;
import org.jvpn.api.config.Dpd;
import org.jvpn.api.config.DpdAction;
import org.jvpn.api.spi.dataplane.Direction;
import org.jvpn.api.spi.dataplane.SaUsage;
import org.jvpn.ike.wire.NotifyPayload;

/**
 * Dead peer detection (RFC 3706): R-U-THERE only after {@code interval} without inbound traffic (the
 * dataplane's last authenticated inbound packet or any authenticated IKE message), retried every interval;
 * after {@code timeout} without an answer the connection's action runs. Only with peers that sent the
 * DPD vendor ID.
 */
final class DeadPeerDetection {

    private DeadPeerDetection() {}

    static void start(IkeEngine e, IkeSa sa) {
        Dpd dpd = sa.connection.config.dpd();
        if (!dpd.enabled() || !sa.peerDpd) {
            return;
        }
        sa.lastHeardNanos = e.ctx.scheduler().clock().nanoTime();
        sa.dpdSequence = e.ctx.random().nextInt() & 0x7fffffff;
        schedule(e, sa, dpd.interval());
    }

    private static void schedule(IkeEngine e, IkeSa sa, Duration delay) {
        ConnectionRuntime c = sa.connection;
        if (c.dpdTimer != null) {
            c.dpdTimer.cancel();
        }
        c.dpdTimer = e.ctx.scheduler().schedule(delay, () -> e.withMdc(c, () -> tick(e, sa)));
    }

    private static void tick(IkeEngine e, IkeSa sa) {
        ConnectionRuntime c = sa.connection;
        if (sa.state == IkeSa.State.DELETED || c.ikeSa != sa) {
            return;
        }
        Dpd dpd = c.config.dpd();
        long now = e.ctx.scheduler().clock().nanoTime();
        long last = Math.max(sa.lastHeardNanos, lastInbound(e, c));
        long idle = now - last;
        if (sa.dpdOutstanding && now - sa.dpdFirstProbeNanos >= dpd.timeout().toNanos()) {
            timeout(e, sa, dpd);
            return;
        }
        if (idle >= dpd.interval().toNanos() || sa.dpdOutstanding) {
            probe(e, sa, dpd, now, "after " + idle / 1_000_000 + " ms without traffic");
        } else {
            schedule(e, sa, Duration.ofNanos(dpd.interval().toNanos() - idle));
        }
    }

    /** Sends an R-U-THERE (the first of a round, or a retry) and arms the next check. */
    private static void probe(IkeEngine e, IkeSa sa, Dpd dpd, long now, String why) {
        sa.dpdSequence = (sa.dpdSequence + 1) & 0x7fffffff;
        if (!sa.dpdOutstanding) {
            sa.dpdOutstanding = true;
            sa.dpdFirstProbeNanos = now;
            sa.dpdFirstSequence = sa.dpdSequence;
        }
        IkeEngine.LOG.debug("DPD: R-U-THERE #{} {}", sa.dpdSequence, why);
        Informational.sendNotify(e, sa, NotifyPayload.dpd(false, sa.cookies(), sa.dpdSequence));
        long left = dpd.timeout().toNanos() - (now - sa.dpdFirstProbeNanos);
        schedule(e, sa, Duration.ofNanos(Math.max(1, Math.min(dpd.interval().toNanos(), left))));
    }

    /**
     * A hint that the peer may have restarted (ESP for an SPI we do not know came from it): probe now
     * instead of after the idle interval, so a dead peer is found within the timeout. No-op without DPD,
     * or while a probe is outstanding anyway.
     */
    static void probeNow(IkeEngine e, IkeSa sa, String why) {
        ConnectionRuntime c = sa.connection;
        Dpd dpd = c.config.dpd();
        if (!dpd.enabled() || !sa.peerDpd || sa.state == IkeSa.State.DELETED || c.ikeSa != sa || sa.dpdOutstanding) {
            return;
        }
        probe(e, sa, dpd, e.ctx.scheduler().clock().nanoTime(), "at once: " + why);
    }

    private static long lastInbound(IkeEngine e, ConnectionRuntime c) {
        long last = Long.MIN_VALUE;
        for (ChildSa child : c.children) {
            Optional<SaUsage> u = e.ctx.dataplane().usage(child.inboundSpi(), Direction.INBOUND);
            if (u.isPresent() && u.get().packets() > 0) {
                last = Math.max(last, u.get().lastUsedNanos());
            }
        }
        return last;
    }

    /** Any authenticated message from the peer proves it alive. */
    static void heard(IkeEngine e, IkeSa sa) {
        sa.lastHeardNanos = e.ctx.scheduler().clock().nanoTime();
    }

    static void ack(IkeEngine e, IkeSa sa, long sequence) {
        // Only an ACK of one of our outstanding R-U-THEREs counts (RFC 3706 section 7).
        if (sa.dpdOutstanding && sequence >= sa.dpdFirstSequence && sequence <= sa.dpdSequence) {
            sa.dpdOutstanding = false;
            heard(e, sa);
        } else {
            IkeEngine.LOG.info("R-U-THERE-ACK with sequence number {} matches no outstanding R-U-THERE ({}..{}); ignored", sequence,
                    sa.dpdFirstSequence, sa.dpdSequence);
        }
    }

    private static void timeout(IkeEngine e, IkeSa sa, Dpd dpd) {
        ConnectionRuntime c = sa.connection;
        String why = "DPD: no answer from " + sa.remote.getAddress().getHostAddress() + " within " + dpd.timeout().toSeconds()
                + " s; action " + dpd.action().apiName();
        IkeEngine.LOG.warn(why);
        c.lastError = why;
        e.ctx.onEvent(new org.jvpn.api.ConnectionEvent(c.name(), org.jvpn.api.ConnectionEvent.Kind.DPD_TIMEOUT, c.state, why,
                e.ctx.scheduler().clock().wallTime()));
        e.pairs.tearDown(c, false, why);
        c.lastError = why;
        if (dpd.action() == DpdAction.CLEAR) {
            c.cleared = true;
        } else if (dpd.action() == DpdAction.RESTART) {
            e.initiate(c.name());
        }
        e.publish(c);
    }
}

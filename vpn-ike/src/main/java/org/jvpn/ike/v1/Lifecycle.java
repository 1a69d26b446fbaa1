package org.jvpn.ike.v1;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.config.InitiatorMode;
import org.jvpn.api.spi.dataplane.Direction;
import org.jvpn.api.spi.dataplane.SaEvent;
import org.jvpn.api.spi.dataplane.SaUsage;

/**
 * What keeps a tunnel up for months: IPsec rekeys on soft expiry (time, bytes, near sequence-number
 * exhaustion) with make-before-break retirement of the replaced pair, ISAKMP SA renewal by a new main
 * mode before the IKE lifetime ends, rekeys remembered while no ISAKMP SA exists and done once one is
 * up, and counters of removed SAs kept so that totals survive rekeys. Event-loop confined.
 */
final class Lifecycle {

    private Lifecycle() {}

    // ------------------------------------------------------------------ IPsec rekey

    /** A soft lifetime of an SA was reached (either direction): rekey its pair unless it has been replaced. */
    static void onSoftExpired(IkeEngine e, ConnectionRuntime c, SaEvent ev) {
        ChildSa child = childBySpi(c, ev.spi(), ev.direction());
        if (child == null || newest(c, child.policyId()) != child) {
            return;
        }
        ConnectionRuntime.Policy p = c.policy(child.policyId());
        if (p != null) {
            IkeEngine.LOG.debug("soft lifetime of {} SA 0x{} reached: rekeying {} <-> {}", ev.direction(),
                    Integer.toHexString(ev.spi()), p.local(), p.remote());
            requestRekey(e, c, p);
        }
    }

    /** Rekeys a policy now if an ISAKMP SA is up, else remembers it (and, bi-directional, starts main mode). */
    static void requestRekey(IkeEngine e, ConnectionRuntime c, ConnectionRuntime.Policy p) {
        IkeSa sa = c.ikeSa;
        if (sa != null && sa.established()) {
            QuickMode.initiate(e, sa, p);
            return;
        }
        c.pendingRekeys.putIfAbsent(p.id(), e.ctx.scheduler().clock().nanoTime());
        if (sa == null && mayInitiate(c) && !negotiating(e, c)) {
            IkeEngine.LOG.info("rekey of {} <-> {} due with no ISAKMP SA: starting main mode", p.local(), p.remote());
            e.initiate(c.name());
        }
    }

    /** A rekey quick mode we initiated did not complete: remember it for the next chance. */
    static void rekeyFailed(IkeEngine e, ConnectionRuntime c, ConnectionRuntime.Policy p) {
        c.pendingRekeys.putIfAbsent(p.id(), e.ctx.scheduler().clock().nanoTime());
    }

    /** Runs the rekeys remembered while no ISAKMP SA was up (those not overtaken by a newer pair). */
    static void drainPending(IkeEngine e, IkeSa sa) {
        ConnectionRuntime c = sa.connection;
        if (!sa.established() || c.pendingRekeys.isEmpty()) {
            return;
        }
        for (Iterator<Map.Entry<Long, Long>> it = c.pendingRekeys.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Long> en = it.next();
            it.remove();
            ConnectionRuntime.Policy p = c.policy(en.getKey());
            ChildSa n = newest(c, en.getKey());
            if (p == null || n == null || n.installedNanos() > en.getValue()) {
                continue; // gone, missing (the initiator's or ACQUIRE's job), or already rekeyed
            }
            IkeEngine.LOG.info("doing the rekey of {} <-> {} remembered while no ISAKMP SA was up", p.local(), p.remote());
            QuickMode.initiate(e, sa, p);
        }
    }

    static @Nullable ChildSa newest(ConnectionRuntime c, long policyId) {
        ChildSa best = null;
        for (ChildSa ch : c.children) {
            if (ch.policyId() == policyId && (best == null || ch.installedNanos() >= best.installedNanos())) {
                best = ch;
            }
        }
        return best;
    }

    private static @Nullable ChildSa childBySpi(ConnectionRuntime c, int spi, Direction d) {
        for (ChildSa ch : c.children) {
            if ((d == Direction.INBOUND ? ch.inboundSpi() : ch.outboundSpi()) == spi) {
                return ch;
            }
        }
        return null;
    }

    private static boolean mayInitiate(ConnectionRuntime c) {
        return !c.removed && !c.cleared && c.config.adminStateUp() && c.config.initiator() == InitiatorMode.BI_DIRECTIONAL;
    }

    // ------------------------------------------------------------------ make-before-break retirement

    /**
     * Retires a replaced pair: it leaves the connection, its outbound SA goes now (the dataplane already
     * sends on the newer one), its inbound SA keeps accepting what is still in flight for another grace
     * period, then goes too. Counters of both are kept.
     */
    static void retire(IkeEngine e, ConnectionRuntime c, ChildSa child) {
        if (!c.children.remove(child)) {
            return;
        }
        deleteSa(e, c, child.outboundSpi(), Direction.OUTBOUND);
        c.retiring.add(child.inboundSpi());
        e.ctx.scheduler().schedule(Rekey.GRACE, () -> {
            if (c.retiring.remove((Integer) child.inboundSpi())) {
                deleteSa(e, c, child.inboundSpi(), Direction.INBOUND);
                e.publish(c);
            }
        });
        e.ctx.onEvent(new org.jvpn.api.ConnectionEvent(c.name(), org.jvpn.api.ConnectionEvent.Kind.IPSEC_SA_DELETED, c.state,
                "in 0x" + Integer.toHexString(child.inboundSpi()) + " (replaced)", e.ctx.scheduler().clock().wallTime()));
        e.publish(c);
    }

    /** Deletes one SA in the dataplane, adding its counters to the connection's totals first. */
    static void deleteSa(IkeEngine e, ConnectionRuntime c, int spi, Direction d) {
        e.ctx.dataplane().usage(spi, d).ifPresent(u -> account(c, u, d));
        e.ctx.dataplane().deleteSa(spi, d);
    }

    static void account(ConnectionRuntime c, SaUsage u, Direction d) {
        if (d == Direction.INBOUND) {
            c.retiredBytesIn += u.bytes();
            c.retiredPacketsIn += u.packets();
        } else {
            c.retiredBytesOut += u.bytes();
            c.retiredPacketsOut += u.packets();
        }
    }

    /** Inbound SAs of retired pairs still accepting traffic (for counters and the last-inbound time). */
    static void retireAllNow(IkeEngine e, ConnectionRuntime c) {
        for (Integer spi : new ArrayList<>(c.retiring)) {
            deleteSa(e, c, spi, Direction.INBOUND);
        }
        c.retiring.clear();
    }

    // ------------------------------------------------------------------ ISAKMP SA renewal

    /** Arms the renewal (a new main mode) and the expiry of a freshly established ISAKMP SA. */
    static void armIke(IkeEngine e, IkeSa sa) {
        if (sa.lifetimeSeconds <= 0) {
            return;
        }
        long soft = Rekey.softSeconds(sa.lifetimeSeconds, sa.initiator, e.ctx.rekey(), e.ctx.random());
        sa.renewal = e.ctx.scheduler().schedule(Duration.ofSeconds(soft), () -> e.withMdc(sa.connection, () -> renew(e, sa)));
        sa.expiry = e.ctx.scheduler().schedule(Duration.ofSeconds(sa.lifetimeSeconds), () -> e.withMdc(sa.connection, () -> expired(e, sa)));
    }

    /**
     * The peer's RESPONDER-LIFETIME for an established ISAKMP SA: when shorter than ours, the SA's lifetime
     * becomes it (counted from establishment) and its renewal and expiry are re-armed accordingly.
     */
    static void shortenIke(IkeEngine e, IkeSa sa, long seconds) {
        if (!sa.established() || sa.lifetimeSeconds > 0 && seconds >= sa.lifetimeSeconds) {
            return;
        }
        IkeEngine.LOG.info("the peer shortened ISAKMP SA {} to {} s (RESPONDER-LIFETIME; ours {} s)", sa.key(), seconds, sa.lifetimeSeconds);
        sa.lifetimeSeconds = seconds;
        if (sa.renewal != null) {
            sa.renewal.cancel();
        }
        if (sa.expiry != null) {
            sa.expiry.cancel();
        }
        long elapsed = e.ctx.scheduler().clock().nanoTime() - sa.establishedNanos;
        long soft = Rekey.softSeconds(seconds, sa.initiator, e.ctx.rekey(), e.ctx.random());
        sa.renewal = e.ctx.scheduler().schedule(Duration.ofNanos(Math.max(0, soft * 1_000_000_000L - elapsed)),
                () -> e.withMdc(sa.connection, () -> renew(e, sa)));
        sa.expiry = e.ctx.scheduler().schedule(Duration.ofNanos(Math.max(0, seconds * 1_000_000_000L - elapsed)),
                () -> e.withMdc(sa.connection, () -> expired(e, sa)));
        e.publish(sa.connection);
    }

    /** Renewal time of {@code sa}: a new main mode, unless a newer ISAKMP SA exists or is being made. */
    static void renew(IkeEngine e, IkeSa sa) {
        ConnectionRuntime c = sa.connection;
        if (!sa.established() || c.ikeSa != sa || !mayInitiate(c)) {
            return;
        }
        for (IkeSa other : e.sasOf(c)) {
            if (other != sa && other.state != IkeSa.State.DELETED && (!other.established() || other.establishedNanos > sa.establishedNanos)) {
                return;
            }
        }
        InetSocketAddress peer = c.peerEndpoint(e.ctx.ikePort());
        if (peer == null) {
            return;
        }
        IkeEngine.LOG.info("renewing ISAKMP SA {} before its lifetime ends: new main mode", sa.key());
        MainMode.initiate(e, c, peer);
    }

    /** The hard lifetime of an ISAKMP SA ended: it goes (IPsec SAs live on); without a successor, a new one is made. */
    static void expired(IkeEngine e, IkeSa sa) {
        ConnectionRuntime c = sa.connection;
        if (sa.state == IkeSa.State.DELETED) {
            return;
        }
        IkeEngine.LOG.info("ISAKMP SA {} expired", sa.key());
        Informational.sendDelete(e, sa);
        drop(e, sa);
        if (c.ikeSa == null && mayInitiate(c) && !negotiating(e, c)) {
            e.initiate(c.name());
        }
        e.publish(c);
    }

    /**
     * Drops an ISAKMP SA that is being replaced or was deleted: quick modes in progress on it are
     * abandoned (our rekeys remembered, half-installed inbound SAs removed), and the connection moves to
     * the newest remaining established ISAKMP SA, on which remembered rekeys then run.
     */
    static void drop(IkeEngine e, IkeSa sa) {
        ConnectionRuntime c = sa.connection;
        for (QuickMode qm : new ArrayList<>(sa.quickModes.values())) {
            qm.abandon(e);
        }
        e.forget(sa);
        sa.destroy();
        if (c.ikeSa == sa || c.ikeSa == null || c.ikeSa.state == IkeSa.State.DELETED) {
            c.ikeSa = successor(e, c);
        }
        IkeSa now = c.ikeSa;
        if (now != null && now.established()) {
            drainPending(e, now);
        }
    }

    /** Whether a main mode of this connection is in progress. */
    static boolean negotiating(IkeEngine e, ConnectionRuntime c) {
        for (IkeSa s : e.sasOf(c)) {
            if (!s.established() && s.state != IkeSa.State.DELETED) {
                return true;
            }
        }
        return false;
    }

    static @Nullable IkeSa successor(IkeEngine e, ConnectionRuntime c) {
        IkeSa best = null;
        for (IkeSa other : e.sasOf(c)) {
            if (other.established() && (best == null || other.establishedNanos >= best.establishedNanos)) {
                best = other;
            }
        }
        return best;
    }
}

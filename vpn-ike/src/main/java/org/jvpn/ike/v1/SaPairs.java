package org.jvpn.ike.v1;

import java.util.ArrayList;
import java.util.List;
import org.jvpn.api.ConnectionEvent;
import org.jvpn.api.ConnectionState;
import org.jvpn.api.spi.dataplane.Direction;

/**
 * Bookkeeping of a connection's IPsec SA pairs: installing and removing pairs (with their events and
 * state changes), leaving one pair per policy after rekeys or simultaneous set-ups, and tearing down
 * every SA of a connection. Event-loop confined, like the engine.
 */
final class SaPairs {

    private final IkeEngine engine;
    private final EngineContext ctx;

    SaPairs(IkeEngine engine) {
        this.engine = engine;
        this.ctx = engine.ctx;
    }

    void childInstalled(ConnectionRuntime c, ChildSa child, boolean rekey) {
        c.children.add(child);
        if (rekey) {
            c.ipsecRekeys++;
        }
        ctx.onEvent(new ConnectionEvent(c.name(), rekey ? ConnectionEvent.Kind.IPSEC_SA_REKEYED : ConnectionEvent.Kind.IPSEC_SA_ESTABLISHED,
                ConnectionState.UP, child.local() + " <-> " + child.remote() + " in 0x" + Integer.toHexString(child.inboundSpi())
                + " out 0x" + Integer.toHexString(child.outboundSpi()), ctx.scheduler().clock().wallTime()));
        engine.status.setState(c, ConnectionState.UP, "IPsec SA installed");
    }

    /** After a grace period, leaves one IPsec SA pair per policy (see {@link #resolveChildren}). */
    void scheduleResolve(ConnectionRuntime c, long policyId) {
        ctx.scheduler().schedule(Rekey.GRACE, () -> engine.withMdc(c, () -> resolveChildren(c, policyId)));
    }

    /**
     * Leaves one SA pair for a policy: of the newest generation (pairs installed within two grace periods
     * of the newest), the pair with the smallest SPI (both peers see the same SPIs, so a simultaneous rekey
     * or set-up by both sides keeps the same pair on both); older pairs and duplicates are deleted with a
     * Delete to the peer.
     */
    void resolveChildren(ConnectionRuntime c, long policyId) {
        List<ChildSa> list = new ArrayList<>();
        long newest = Long.MIN_VALUE;
        for (ChildSa ch : c.children) {
            if (ch.policyId() == policyId) {
                list.add(ch);
                newest = Math.max(newest, ch.installedNanos());
            }
        }
        if (list.size() <= 1) {
            return;
        }
        long window = 2 * Rekey.GRACE.toNanos();
        ChildSa keep = null;
        for (ChildSa ch : list) {
            if (ch.installedNanos() >= newest - window
                    && (keep == null || Integer.compareUnsigned(minSpi(ch), minSpi(keep)) < 0)) {
                keep = ch;
            }
        }
        for (ChildSa ch : list) {
            if (ch != keep) {
                IkeSa sa = c.ikeSa;
                if (sa != null && sa.established()) {
                    Informational.sendChildDelete(engine, sa, ch);
                }
                Lifecycle.retire(engine, c, ch);
            }
        }
    }

    private static int minSpi(ChildSa c) {
        return Integer.compareUnsigned(c.inboundSpi(), c.outboundSpi()) < 0 ? c.inboundSpi() : c.outboundSpi();
    }

    /** Removes an IPsec SA pair locally (both directions). */
    void removeChild(ConnectionRuntime c, ChildSa child) {
        if (!c.children.remove(child)) {
            return;
        }
        Lifecycle.deleteSa(engine, c, child.inboundSpi(), Direction.INBOUND);
        Lifecycle.deleteSa(engine, c, child.outboundSpi(), Direction.OUTBOUND);
        ctx.onEvent(new ConnectionEvent(c.name(), ConnectionEvent.Kind.IPSEC_SA_DELETED, c.state,
                "in 0x" + Integer.toHexString(child.inboundSpi()), ctx.scheduler().clock().wallTime()));
        if (c.children.isEmpty() && c.state == ConnectionState.UP && !c.tearingDown) {
            engine.status.setState(c, c.ikeSa != null && c.ikeSa.established() ? ConnectionState.CONNECTING : ConnectionState.DOWN, "no IPsec SA left");
        }
        engine.publish(c);
    }

    /** Removes the pairs whose SA in direction {@code d} has SPI {@code spi}. */
    void removeChildBySpi(ConnectionRuntime c, int spi, Direction d) {
        for (ChildSa child : new ArrayList<>(c.children)) {
            if ((d == Direction.INBOUND ? child.inboundSpi() : child.outboundSpi()) == spi) {
                removeChild(c, child);
            }
        }
    }

    /** Deletes every SA of a connection (with Deletes to the peer when {@code notify}). */
    void tearDown(ConnectionRuntime c, boolean notify, String why) {
        c.tearingDown = true;
        try {
            tearDownAll(c, notify, why);
        } finally {
            c.tearingDown = false;
        }
    }

    private void tearDownAll(ConnectionRuntime c, boolean notify, String why) {
        IkeSa sa = c.ikeSa;
        for (ChildSa child : new ArrayList<>(c.children)) {
            if (notify && sa != null && sa.established()) {
                Informational.sendChildDelete(engine, sa, child);
            }
            removeChild(c, child);
        }
        for (IkeSa s : engine.sasOf(c)) {
            if (notify && s.established()) {
                Informational.sendDelete(engine, s);
            }
            engine.forget(s);
            s.destroy();
        }
        Lifecycle.retireAllNow(engine, c);
        c.pendingRekeys.clear();
        c.ikeSa = null;
        if (c.dpdTimer != null) {
            c.dpdTimer.cancel();
            c.dpdTimer = null;
        }
        engine.status.setState(c, ConnectionState.DOWN, why);
    }
}

package org.jvpn.ike.v1;

import java.time.Duration;
import org.jvpn.api.ConnectionEvent;
import org.jvpn.api.ConnectionState;
import org.jvpn.api.config.InitiatorMode;

/**
 * A connection's state and its events: state changes, an ISAKMP SA coming up, negotiation failures,
 * and the retry with back-off that follows a failure. Event-loop confined, like the engine.
 */
final class ConnectionStatus {

    private final IkeEngine engine;
    private final EngineContext ctx;

    ConnectionStatus(IkeEngine engine) {
        this.engine = engine;
        this.ctx = engine.ctx;
    }

    /** Negotiation of this ISAKMP SA failed: it is dropped and the connection goes to ERROR. */
    void failSa(IkeSa sa, String reason) {
        ConnectionRuntime c = sa.connection;
        if (sa.authProblem != null && !reason.contains(sa.authProblem)) {
            reason = reason + "; " + sa.authProblem;
        } else if (sa.initiator && sa.state == IkeSa.State.MM_AUTH && !reason.startsWith("AUTHENTICATION-FAILED")
                && !reason.startsWith("INVALID-ID-INFORMATION")) {
            // A responder that cannot decrypt message 5 stays silent (it has no key to answer with).
            reason = reason + "; AUTHENTICATION-FAILED: the peer never answered main mode message 5, which it answers only "
                    + "once it has decrypted it with the pre-shared key: the pre-shared keys probably differ";
        }
        engine.forget(sa);
        sa.destroy();
        if (c.ikeSa == sa) {
            c.ikeSa = null;
        }
        fail(c, reason);
    }

    void fail(ConnectionRuntime c, String reason) {
        IkeEngine.LOG.warn("connection '{}': {}", c.name(), reason);
        c.lastError = reason;
        c.failures++;
        ConnectionState next = c.children.isEmpty() ? ConnectionState.ERROR : ConnectionState.UP;
        setState(c, next, reason);
        ctx.onEvent(new ConnectionEvent(c.name(), ConnectionEvent.Kind.NEGOTIATION_FAILED, c.state, reason, ctx.scheduler().clock().wallTime()));
        scheduleRetry(c);
    }

    /** Retries a bi-directional connection later (after the peer deleted its SAs, or a failure). */
    void retryLater(ConnectionRuntime c) {
        scheduleRetry(c);
    }

    private void scheduleRetry(ConnectionRuntime c) {
        if (c.removed || engine.stopping() || c.config.initiator() != InitiatorMode.BI_DIRECTIONAL || !c.config.adminStateUp()) {
            return;
        }
        if (c.retryTimer != null) {
            c.retryTimer.cancel();
        }
        long seconds = Math.min(300, 5L << Math.min(6, Math.max(0, c.failures - 1)));
        c.retryTimer = ctx.scheduler().schedule(Duration.ofSeconds(seconds), () -> {
            c.retryTimer = null;
            if (!c.removed && (c.ikeSa == null || !c.allPoliciesUp() || !c.pendingRekeys.isEmpty())) {
                engine.initiate(c.name());
            }
        });
    }

    /** An ISAKMP SA is now established for its connection. */
    void established(IkeSa sa) {
        ConnectionRuntime c = sa.connection;
        // Duplicate ISAKMP SAs to one peer (renewal, or both sides renewing): the newest serves; the
        // side that initiated the new one deletes the older ones after a grace period, the other side
        // waits for those Deletes, so both agree.
        boolean renewal = false;
        for (IkeSa other : engine.sasOf(c)) {
            if (other != sa && other.established()) {
                renewal = true;
                if (sa.initiator) {
                    ctx.scheduler().schedule(Rekey.GRACE, () -> engine.withMdc(c, () -> {
                        if (other.state != IkeSa.State.DELETED) {
                            Informational.sendDelete(engine, other);
                            Lifecycle.drop(engine, other);
                            engine.publish(c);
                        }
                    }));
                }
            }
        }
        if (renewal) {
            c.ikeRekeys++;
        }
        c.ikeSa = sa;
        c.failures = 0;
        c.lastError = null;
        ctx.onEvent(new ConnectionEvent(c.name(), ConnectionEvent.Kind.IKE_SA_ESTABLISHED, c.state,
                "ISAKMP SA " + sa.key() + " " + sa.suite.name(), ctx.scheduler().clock().wallTime()));
        DeadPeerDetection.start(engine, sa);
        Lifecycle.drainPending(engine, sa);
        engine.publish(c);
    }

    void setState(ConnectionRuntime c, ConnectionState s, String detail) {
        if (c.state != s) {
            IkeEngine.LOG.info("connection '{}': {} -> {} ({})", c.name(), c.state, s, detail);
            c.state = s;
            engine.publish(c); // before the event: listeners and awaitUp read the published view
            ctx.onEvent(new ConnectionEvent(c.name(), ConnectionEvent.Kind.STATE_CHANGED, s, detail, ctx.scheduler().clock().wallTime()));
            return;
        }
        engine.publish(c);
    }
}

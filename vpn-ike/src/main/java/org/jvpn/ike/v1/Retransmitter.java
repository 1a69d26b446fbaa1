package org.jvpn.ike.v1;

import java.time.Duration;

/**
 * Sends requests that expect an answer and retransmits them with the engine's back-off until the answer
 * comes ({@code Transmission.cancel()}): main-mode requests fail their ISAKMP SA after the last try,
 * quick-mode requests fail only their exchange. Event-loop confined, like the engine.
 */
final class Retransmitter {

    private final IkeEngine engine;
    private final EngineContext ctx;

    Retransmitter(IkeEngine engine) {
        this.engine = engine;
        this.ctx = engine.ctx;
    }

    /** Sends a request and retransmits it with back-off until {@code t.cancel()}; fails the SA after the last try. */
    void sendRequest(IkeSa sa, Transmission t, byte[] message, String what) {
        t.send(ctx::sendIke, sa.localPort, sa.remote, message);
        armRetransmit(sa, t, what);
    }

    private void armRetransmit(IkeSa sa, Transmission t, String what) {
        Duration d = ctx.retransmit().delayAfter(t.attempts());
        t.timer(ctx.scheduler().schedule(d, () -> engine.withMdc(sa.connection, () -> {
            if (sa.state == IkeSa.State.DELETED) {
                return;
            }
            if (t.attempts() >= ctx.retransmit().tries()) {
                String hint = what.endsWith("message 5")
                        ? ": the peer could not decrypt or verify our identity proof, so the pre-shared keys (or the IDs) probably differ"
                        : what.endsWith("message 1") ? ": is the peer up, reachable on UDP " + ctx.ikePort() + ", and configured for this gateway?" : "";
                engine.status.failSa(sa, "no response to " + what + " from " + sa.remote.getAddress().getHostAddress() + " after "
                        + t.attempts() + " transmissions" + hint);
                return;
            }
            sa.connection.ikeRetransmits++;
            IkeEngine.LOG.debug("retransmitting {} (try {})", what, t.attempts() + 1);
            t.resend(ctx::sendIke);
            armRetransmit(sa, t, what);
        })));
    }

    /** Sends a quick-mode message that expects an answer, retransmitting it; failure drops only this exchange. */
    void sendQuickModeRequest(QuickMode qm, byte[] message) {
        IkeSa sa = qm.sa;
        qm.transmission.send(ctx::sendIke, sa.localPort, sa.remote, message);
        armQuickModeRetransmit(qm);
    }

    private void armQuickModeRetransmit(QuickMode qm) {
        IkeSa sa = qm.sa;
        Transmission t = qm.transmission;
        t.timer(ctx.scheduler().schedule(ctx.retransmit().delayAfter(t.attempts()), () -> engine.withMdc(sa.connection, () -> {
            if (sa.state == IkeSa.State.DELETED || qm.state == QuickMode.State.DONE) {
                return;
            }
            if (t.attempts() >= ctx.retransmit().tries()) {
                qm.fail(engine, "no answer to quick mode " + Integer.toHexString(qm.messageId) + " from "
                        + sa.remote.getAddress().getHostAddress() + " after " + t.attempts() + " transmissions");
                return;
            }
            sa.connection.ikeRetransmits++;
            t.resend(ctx::sendIke);
            armQuickModeRetransmit(qm);
        })));
    }
}

package org.jvpn.ike.v1;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.ConnectionEvent;
import org.jvpn.api.ConnectionState;
import org.jvpn.api.config.InitiatorMode;
import org.jvpn.api.config.Cidr;
import org.jvpn.api.config.IpsecSiteConnection;
import org.jvpn.api.spi.dataplane.Direction;
import org.jvpn.api.spi.dataplane.PolicyConfig;
import org.jvpn.api.spi.dataplane.SaEvent;
import org.jvpn.ike.wire.ExchangeType;
import org.jvpn.ike.wire.IkeMessage;
import org.jvpn.ike.wire.IkeWireException;
import org.jvpn.ike.wire.IsakmpHeader;
import org.jvpn.ike.wire.NotifyPayload;
import org.jvpn.ike.wire.NotifyType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The IKEv1 engine of one gateway: connections, ISAKMP SAs by cookies, and dispatch of received
 * messages to main mode, quick mode and informational handling. Sans-IO and confined to the
 * scheduler's thread: every public method must be called there.
 */
public final class IkeEngine {

    static final Logger LOG = LoggerFactory.getLogger(IkeEngine.class);
    private static final HexFormat HEX = HexFormat.of();

    final EngineContext ctx;
    private final Map<String, ConnectionRuntime> connections = new LinkedHashMap<>();
    /** Established and half-open ISAKMP SAs by hex(CKY-I | CKY-R). */
    private final Map<String, IkeSa> sas = new LinkedHashMap<>();
    /** Snapshots published for other threads. */
    private final Map<String, ConnectionView> views = new ConcurrentHashMap<>();
    private long nextPolicyId = 1;
    private boolean stopping;

    public IkeEngine(EngineContext ctx) {
        this.ctx = ctx;
    }

    // ---------------------------------------------------------------- connections

    /** Adds a connection: installs its policies and, if admin-up and bi-directional, initiates. */
    public void addConnection(IpsecSiteConnection config) {
        if (connections.containsKey(config.name())) {
            throw new IllegalArgumentException("connection '" + config.name() + "' exists already");
        }
        ConnectionRuntime c = new ConnectionRuntime(config);
        connections.put(config.name(), c);
        for (Cidr local : config.localCidrs()) {
            for (Cidr remote : config.peerCidrs()) {
                ConnectionRuntime.Policy p = new ConnectionRuntime.Policy(nextPolicyId++, local, remote);
                c.policies.add(p);
                ctx.dataplane().addPolicy(new PolicyConfig(p.id(), local, remote, 100));
            }
        }
        publish(c);
        if (config.adminStateUp() && config.initiator() == InitiatorMode.BI_DIRECTIONAL && !stopping) {
            initiate(config.name());
        }
    }

    /** Removes a connection: Deletes to the peer, SAs and policies removed. */
    public boolean removeConnection(String name) {
        ConnectionRuntime c = connections.remove(name);
        if (c == null) {
            return false;
        }
        c.removed = true;
        tearDown(c, true, "connection removed");
        for (ConnectionRuntime.Policy p : c.policies) {
            ctx.dataplane().deletePolicy(p.id());
        }
        c.cancelTimers();
        views.remove(name);
        return true;
    }

    /** Starts main mode with the connection's peer (no-op if an ISAKMP SA exists or is being made). */
    public void initiate(String name) {
        ConnectionRuntime c = connections.get(name);
        if (c == null || stopping || !c.config.adminStateUp()) {
            return;
        }
        c.cleared = false;
        withMdc(c, () -> {
            if (c.ikeSa != null && c.ikeSa.state != IkeSa.State.DELETED) {
                if (c.ikeSa.established()) {
                    Lifecycle.drainPending(this, c.ikeSa);
                    QuickMode.startMissing(this, c.ikeSa);
                }
                return;
            }
            InetSocketAddress peer = c.peerEndpoint(ctx.ikePort());
            if (peer == null) {
                fail(c, "peer address '" + c.config.peerAddress() + "' is not an IP address (FQDN peers need resolution by the host)");
                return;
            }
            setState(c, ConnectionState.CONNECTING, "initiating main mode with " + peer.getAddress().getHostAddress());
            MainMode.initiate(this, c, peer);
        });
    }

    /** Sends Deletes for every SA of every connection and forgets them (the gateway is stopping). */
    public void shutdown() {
        stopping = true;
        for (ConnectionRuntime c : new ArrayList<>(connections.values())) {
            tearDown(c, true, "gateway stopping");
            c.cancelTimers();
        }
    }

    public Optional<ConnectionView> view(String name) {
        return Optional.ofNullable(views.get(name));
    }

    public List<String> connectionNames() {
        return new ArrayList<>(connections.keySet());
    }

    // ---------------------------------------------------------------- input

    /**
     * One received ISAKMP message (on port 4500 without its non-ESP marker).
     */
    public void onIke(int localPort, InetSocketAddress remote, byte[] buf, int off, int len) {
        byte[] datagram = Arrays.copyOfRange(buf, off, off + len);
        IkeMessage msg;
        try {
            msg = IkeMessage.parse(datagram);
        } catch (IkeWireException e) {
            LOG.debug("dropping malformed ISAKMP message from {}: {}", remote, e.getMessage());
            return;
        }
        IsakmpHeader h = msg.header();
        int exchange = h.exchangeType();
        String key = HEX.formatHex(h.initiatorCookie()) + HEX.formatHex(h.responderCookie());
        IkeSa sa = sas.get(key);
        if (exchange == ExchangeType.IDENTITY_PROTECTION.number()) {
            if (isZero(h.responderCookie())) {
                // A retransmitted MM1 belongs to the SA it created, even once that SA is established.
                IkeSa halfOpen = findByInitiatorCookie(h.initiatorCookie(), remote);
                if (halfOpen != null) {
                    withMdc(halfOpen.connection, () -> MainMode.onMessage(this, halfOpen, localPort, remote, msg, datagram));
                } else {
                    MainMode.respond(this, localPort, remote, msg, datagram);
                }
            } else if (sa != null) {
                IkeSa s = sa;
                withMdc(s.connection, () -> MainMode.onMessage(this, s, localPort, remote, msg, datagram));
            } else {
                IkeSa init = findHalfOpen(h.initiatorCookie(), null);
                if (init != null && init.initiator && isZero(init.ckyR)) {
                    withMdc(init.connection, () -> MainMode.onMessage(this, init, localPort, remote, msg, datagram));
                } else {
                    LOG.debug("main mode message for unknown ISAKMP SA {} from {}", key, remote);
                }
            }
        } else if (exchange == ExchangeType.QUICK_MODE.number()) {
            if (sa == null || !sa.established()) {
                LOG.debug("quick mode for unknown or unfinished ISAKMP SA {} from {}", key, remote);
                return;
            }
            IkeSa s = sa;
            withMdc(s.connection, () -> QuickMode.onMessage(this, s, localPort, remote, msg, datagram));
        } else if (exchange == ExchangeType.INFORMATIONAL.number()) {
            if (sa == null) {
                sa = findHalfOpen(h.initiatorCookie(), null);
            }
            if (sa == null) {
                LOG.debug("informational for unknown ISAKMP SA {} from {}", key, remote);
                return;
            }
            IkeSa s = sa;
            withMdc(s.connection, () -> Informational.onMessage(this, s, remote, msg, datagram));
        } else if (exchange == ExchangeType.AGGRESSIVE.number()) {
            ConnectionRuntime c = connectionForPeer(remote);
            String why = "peer " + remote.getAddress().getHostAddress() + " proposed aggressive mode; jvpn supports main mode only";
            LOG.warn(why);
            if (c != null) {
                c.lastError = why;
                publish(c);
            }
        } else {
            LOG.debug("dropping ISAKMP exchange type {} from {}", ExchangeType.nameOf(exchange), remote);
        }
    }

    /** A data plane event, on the event loop. */
    public void onSaEvent(SaEvent e) {
        if (stopping) {
            return;
        }
        ConnectionRuntime c = connectionForPolicy(e.policyId());
        switch (e.kind()) {
            case ACQUIRE -> {
                if (c != null && c.config.initiator() == InitiatorMode.BI_DIRECTIONAL && c.config.adminStateUp() && !c.cleared
                        && (c.ikeSa == null || c.ikeSa.established())) {
                    initiate(c.name());
                }
            }
            case HARD_EXPIRED -> {
                if (c != null) {
                    // The data plane removed the SA before telling us: its final counts come with the event.
                    if (e.finalUsage() != null) {
                        Lifecycle.account(c, e.finalUsage(), e.direction());
                    }
                    if (e.direction() == Direction.INBOUND) {
                        c.retiring.remove((Integer) e.spi());
                    }
                    removeChildBySpi(c, e.spi(), e.direction());
                    publish(c);
                }
            }
            case REMOTE_CHANGED -> {
                if (c != null && e.source() != null) {
                    InetSocketAddress to = e.source();
                    withMdc(c, () -> peerMoved(c, to, "authenticated ESP on SA 0x" + Integer.toHexString(e.spi())));
                }
            }
            case SOFT_EXPIRED -> {
                if (c != null) {
                    withMdc(c, () -> Lifecycle.onSoftExpired(this, c, e));
                }
            }
            case UNKNOWN_SPI -> {
                InetSocketAddress from = e.source();
                ConnectionRuntime peer = from == null ? null : connectionForPeer(from);
                LOG.debug("ESP for unknown SPI 0x{} from {}", Integer.toHexString(e.spi()), from);
                if (peer != null && peer.ikeSa != null && peer.ikeSa.established()) {
                    // The peer may have restarted (it sends on SAs we do not know): ask it now, not after the interval.
                    IkeSa sa = peer.ikeSa;
                    withMdc(peer, () -> DeadPeerDetection.probeNow(this, sa, "ESP for unknown SPI 0x" + Integer.toHexString(e.spi())));
                }
            }
        }
    }

    /**
     * The peer now sends from {@code to} (its NAT mapping changed; proven by an authenticated IKE message or
     * ESP packet): the connection's ISAKMP SAs and IPsec SAs move there, without renegotiation.
     */
    void peerMoved(ConnectionRuntime c, InetSocketAddress to, String evidence) {
        boolean moved = false;
        for (IkeSa s : sasOf(c)) {
            if (s.established() && !s.remote.equals(to)) {
                LOG.info("peer of ISAKMP SA {} moved from {} to {} ({})", s.key(), s.remote, to, evidence);
                s.remote = to;
                moved = true;
            }
        }
        for (ChildSa child : c.children) {
            moved |= ctx.dataplane().updateRemote(child.outboundSpi(), Direction.OUTBOUND, to);
            ctx.dataplane().updateRemote(child.inboundSpi(), Direction.INBOUND, to);
        }
        for (Integer spi : c.retiring) {
            ctx.dataplane().updateRemote(spi, Direction.INBOUND, to);
        }
        if (moved) {
            c.peerMoves++;
            publish(c);
        }
    }

    /** An authenticated IKE message for an established SA came from {@code remote}: follow the peer if it moved. */
    void heardFrom(IkeSa sa, InetSocketAddress remote) {
        if (sa.established() && !sa.remote.equals(remote) && sa.connection.ikeSa == sa) {
            peerMoved(sa.connection, remote, "authenticated IKE message");
        }
    }

    // ---------------------------------------------------------------- helpers for the tasks

    void register(IkeSa sa) {
        sas.put(sa.key(), sa);
    }

    void rekeyed(IkeSa sa, String oldKey) {
        sas.remove(oldKey);
        sas.put(sa.key(), sa);
    }

    void forget(IkeSa sa) {
        sas.remove(sa.key());
    }

    private @Nullable IkeSa findByInitiatorCookie(byte[] ckyI, InetSocketAddress remote) {
        for (IkeSa s : sas.values()) {
            if (Arrays.equals(s.ckyI, ckyI) && s.remote.getAddress().equals(remote.getAddress()) && !s.initiator) {
                return s;
            }
        }
        return null;
    }

    private @Nullable IkeSa findHalfOpen(byte[] ckyI, @Nullable InetSocketAddress remote) {
        for (IkeSa s : sas.values()) {
            if (Arrays.equals(s.ckyI, ckyI) && (remote == null || s.remote.getAddress().equals(remote.getAddress()))
                    && !s.established()) {
                return s;
            }
        }
        return null;
    }

    @Nullable ConnectionRuntime connectionForPeer(InetSocketAddress remote) {
        for (ConnectionRuntime c : connections.values()) {
            if (c.matchesPeer(remote.getAddress())) {
                return c;
            }
        }
        return null;
    }

    private @Nullable ConnectionRuntime connectionForPolicy(long policyId) {
        for (ConnectionRuntime c : connections.values()) {
            if (c.policy(policyId) != null) {
                return c;
            }
        }
        return null;
    }

    /** Other ISAKMP SAs with the same connection (for INITIAL-CONTACT and duplicates). */
    List<IkeSa> sasOf(ConnectionRuntime c) {
        List<IkeSa> out = new ArrayList<>();
        for (IkeSa s : sas.values()) {
            if (s.connection == c) {
                out.add(s);
            }
        }
        return out;
    }

    void send(IkeSa sa, byte[] message) {
        ctx.sendIke(sa.localPort, sa.remote, message);
    }

    /** Sends a request and retransmits it with back-off until {@code t.cancel()}; fails the SA after the last try. */
    void sendRequest(IkeSa sa, Transmission t, byte[] message, String what) {
        t.send(ctx::sendIke, sa.localPort, sa.remote, message);
        armRetransmit(sa, t, what);
    }

    private void armRetransmit(IkeSa sa, Transmission t, String what) {
        Duration d = ctx.retransmit().delayAfter(t.attempts());
        t.timer(ctx.scheduler().schedule(d, () -> withMdc(sa.connection, () -> {
            if (sa.state == IkeSa.State.DELETED) {
                return;
            }
            if (t.attempts() >= ctx.retransmit().tries()) {
                String hint = what.endsWith("message 5")
                        ? ": the peer could not decrypt or verify our identity proof, so the pre-shared keys (or the IDs) probably differ"
                        : what.endsWith("message 1") ? ": is the peer up, reachable on UDP " + ctx.ikePort() + ", and configured for this gateway?" : "";
                failSa(sa, "no response to " + what + " from " + sa.remote.getAddress().getHostAddress() + " after "
                        + t.attempts() + " transmissions" + hint);
                return;
            }
            sa.connection.ikeRetransmits++;
            LOG.debug("retransmitting {} (try {})", what, t.attempts() + 1);
            t.resend(ctx::sendIke);
            armRetransmit(sa, t, what);
        })));
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
        forget(sa);
        sa.destroy();
        if (c.ikeSa == sa) {
            c.ikeSa = null;
        }
        fail(c, reason);
    }

    void fail(ConnectionRuntime c, String reason) {
        LOG.warn("connection '{}': {}", c.name(), reason);
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

    /** Sends a quick-mode message that expects an answer, retransmitting it; failure drops only this exchange. */
    void sendQuickModeRequest(QuickMode qm, byte[] message) {
        IkeSa sa = qm.sa;
        qm.transmission.send(ctx::sendIke, sa.localPort, sa.remote, message);
        armQuickModeRetransmit(qm);
    }

    private void armQuickModeRetransmit(QuickMode qm) {
        IkeSa sa = qm.sa;
        Transmission t = qm.transmission;
        t.timer(ctx.scheduler().schedule(ctx.retransmit().delayAfter(t.attempts()), () -> withMdc(sa.connection, () -> {
            if (sa.state == IkeSa.State.DELETED || qm.state == QuickMode.State.DONE) {
                return;
            }
            if (t.attempts() >= ctx.retransmit().tries()) {
                qm.fail(this, "no answer to quick mode " + Integer.toHexString(qm.messageId) + " from "
                        + sa.remote.getAddress().getHostAddress() + " after " + t.attempts() + " transmissions");
                return;
            }
            sa.connection.ikeRetransmits++;
            t.resend(ctx::sendIke);
            armQuickModeRetransmit(qm);
        })));
    }

    private void scheduleRetry(ConnectionRuntime c) {
        if (c.removed || stopping || c.config.initiator() != InitiatorMode.BI_DIRECTIONAL || !c.config.adminStateUp()) {
            return;
        }
        if (c.retryTimer != null) {
            c.retryTimer.cancel();
        }
        long seconds = Math.min(300, 5L << Math.min(6, Math.max(0, c.failures - 1)));
        c.retryTimer = ctx.scheduler().schedule(Duration.ofSeconds(seconds), () -> {
            c.retryTimer = null;
            if (!c.removed && (c.ikeSa == null || !c.allPoliciesUp() || !c.pendingRekeys.isEmpty())) {
                initiate(c.name());
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
        for (IkeSa other : sasOf(c)) {
            if (other != sa && other.established()) {
                renewal = true;
                if (sa.initiator) {
                    ctx.scheduler().schedule(Rekey.GRACE, () -> withMdc(c, () -> {
                        if (other.state != IkeSa.State.DELETED) {
                            Informational.sendDelete(this, other);
                            Lifecycle.drop(this, other);
                            publish(c);
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
        DeadPeerDetection.start(this, sa);
        Lifecycle.drainPending(this, sa);
        publish(c);
    }

    void childInstalled(ConnectionRuntime c, ChildSa child, boolean rekey) {
        c.children.add(child);
        if (rekey) {
            c.ipsecRekeys++;
        }
        ctx.onEvent(new ConnectionEvent(c.name(), rekey ? ConnectionEvent.Kind.IPSEC_SA_REKEYED : ConnectionEvent.Kind.IPSEC_SA_ESTABLISHED,
                ConnectionState.UP, child.local() + " <-> " + child.remote() + " in 0x" + Integer.toHexString(child.inboundSpi())
                + " out 0x" + Integer.toHexString(child.outboundSpi()), ctx.scheduler().clock().wallTime()));
        setState(c, ConnectionState.UP, "IPsec SA installed");
    }

    /** After a grace period, leaves one IPsec SA pair per policy (see {@link #resolveChildren}). */
    void scheduleResolve(ConnectionRuntime c, long policyId) {
        ctx.scheduler().schedule(Rekey.GRACE, () -> withMdc(c, () -> resolveChildren(c, policyId)));
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
                    Informational.sendChildDelete(this, sa, ch);
                }
                Lifecycle.retire(this, c, ch);
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
        Lifecycle.deleteSa(this, c, child.inboundSpi(), Direction.INBOUND);
        Lifecycle.deleteSa(this, c, child.outboundSpi(), Direction.OUTBOUND);
        ctx.onEvent(new ConnectionEvent(c.name(), ConnectionEvent.Kind.IPSEC_SA_DELETED, c.state,
                "in 0x" + Integer.toHexString(child.inboundSpi()), ctx.scheduler().clock().wallTime()));
        if (c.children.isEmpty() && c.state == ConnectionState.UP && !c.tearingDown) {
            setState(c, c.ikeSa != null && c.ikeSa.established() ? ConnectionState.CONNECTING : ConnectionState.DOWN, "no IPsec SA left");
        }
        publish(c);
    }

    private void removeChildBySpi(ConnectionRuntime c, int spi, Direction d) {
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
                Informational.sendChildDelete(this, sa, child);
            }
            removeChild(c, child);
        }
        for (IkeSa s : sasOf(c)) {
            if (notify && s.established()) {
                Informational.sendDelete(this, s);
            }
            forget(s);
            s.destroy();
        }
        Lifecycle.retireAllNow(this, c);
        c.pendingRekeys.clear();
        c.ikeSa = null;
        if (c.dpdTimer != null) {
            c.dpdTimer.cancel();
            c.dpdTimer = null;
        }
        setState(c, ConnectionState.DOWN, why);
    }

    void setState(ConnectionRuntime c, ConnectionState s, String detail) {
        if (c.state != s) {
            LOG.info("connection '{}': {} -> {} ({})", c.name(), c.state, s, detail);
            c.state = s;
            publish(c); // before the event: listeners and awaitUp read the published view
            ctx.onEvent(new ConnectionEvent(c.name(), ConnectionEvent.Kind.STATE_CHANGED, s, detail, ctx.scheduler().clock().wallTime()));
            return;
        }
        publish(c);
    }

    void publish(ConnectionRuntime c) {
        if (!c.removed) {
            views.put(c.name(), ConnectionView.of(this, c));
        }
    }

    /** Sends an unprotected notification (during main mode, before keys exist). */
    void sendUnprotectedNotify(int localPort, InetSocketAddress remote, byte[] ckyI, byte[] ckyR, NotifyType type) {
        byte[] cookies = new byte[16];
        System.arraycopy(ckyI, 0, cookies, 0, 8);
        System.arraycopy(ckyR, 0, cookies, 8, 8);
        IsakmpHeader h = IsakmpHeader.of(ckyI, ckyR, ExchangeType.INFORMATIONAL.number(), 0, 0);
        ctx.sendIke(localPort, remote, IkeMessage.of(h, List.of(NotifyPayload.error(type, cookies))).encode());
    }

    static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    void withMdc(ConnectionRuntime c, Runnable r) {
        String old = MDC.get("connection");
        MDC.put("connection", c.name());
        try {
            r.run();
        } finally {
            if (old == null) {
                MDC.remove("connection");
            } else {
                MDC.put("connection", old);
            }
        }
    }

    ConnectionRuntime connection(String name) {
        return connections.get(name);
    }
}

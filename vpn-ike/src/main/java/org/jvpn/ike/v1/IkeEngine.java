package org.jvpn.ike.v1;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
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
 *
 * <p>Retransmission of requests lives in {@link Retransmitter}, the connections' IPsec SA pairs in
 * {@link SaPairs}, and state changes, failures and retries in {@link ConnectionStatus}.
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
    /** Requests with retransmission (main and quick mode). */
    final Retransmitter retransmitter;
    /** The connections' IPsec SA pairs. */
    final SaPairs pairs;
    /** State changes, failures and retries of the connections. */
    final ConnectionStatus status;

    public IkeEngine(EngineContext ctx) {
        this.ctx = ctx;
        this.retransmitter = new Retransmitter(this);
        this.pairs = new SaPairs(this);
        this.status = new ConnectionStatus(this);
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
        pairs.tearDown(c, true, "connection removed");
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
                status.fail(c, "peer address '" + c.config.peerAddress() + "' is not an IP address (FQDN peers need resolution by the host)");
                return;
            }
            status.setState(c, ConnectionState.CONNECTING, "initiating main mode with " + peer.getAddress().getHostAddress());
            MainMode.initiate(this, c, peer);
        });
    }

    /** Sends Deletes for every SA of every connection and forgets them (the gateway is stopping). */
    public void shutdown() {
        stopping = true;
        for (ConnectionRuntime c : new ArrayList<>(connections.values())) {
            pairs.tearDown(c, true, "gateway stopping");
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
                    pairs.removeChildBySpi(c, e.spi(), e.direction());
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

    boolean stopping() {
        return stopping;
    }

    void send(IkeSa sa, byte[] message) {
        ctx.sendIke(sa.localPort, sa.remote, message);
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

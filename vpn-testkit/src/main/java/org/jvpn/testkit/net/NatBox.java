package org.jvpn.testkit.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.jvpn.testkit.time.VirtualClock;

/**
 * A NAT (NAPT) between a private realm and the public network of a {@link VirtualNetwork}, in the terms
 * of RFC 4787: endpoint-independent mapping (one public port per private address and port, whatever the
 * destination), public ports allocated sequentially from {@link #firstPort} (so UDP 500 is rewritten, as
 * NAT-T must cope with), and filtering either endpoint-independent (default, "full cone") or
 * address-and-port-dependent ({@link #restrictInbound}). A mapping expires after {@link #idleTimeout} of
 * virtual time without outbound traffic (REQ-6: outbound refreshes; inbound refreshes only if
 * {@link #refreshOnInbound}). Inbound datagrams without a live mapping are dropped and counted. Hosts in
 * the realm reach each other directly. Thread-safe.
 */
public final class NatBox {

    /** Default idle timeout of a mapping (RFC 4787 REQ-5 asks for at least 2 minutes; many boxes use less). */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

    private final VirtualNetwork network;
    private final InetAddress publicAddress;
    private final VirtualClock clock;
    private final Map<InetSocketAddress, Mapping> byPrivate = new LinkedHashMap<>();
    private final Map<Integer, Mapping> byPublicPort = new HashMap<>();
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private int firstPort = 40000;
    private int nextPort = 40000;
    private boolean restrictInbound;
    private boolean refreshOnInbound;
    private long translatedOut;
    private long translatedIn;
    private long droppedNoMapping;
    private long droppedFiltered;
    private long mappingsCreated;
    private long mappingsExpired;

    NatBox(VirtualNetwork network, InetAddress publicAddress, VirtualClock clock) {
        this.network = network;
        this.publicAddress = publicAddress;
        this.clock = clock;
    }

    public InetAddress publicAddress() {
        return publicAddress;
    }

    /** A host in this NAT's private realm (ports 500 and 4500 unless given). */
    public VirtualHost host(String privateAddress, int... ports) {
        return network.addHost(privateAddress, this, ports);
    }

    public synchronized NatBox idleTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout " + timeout + " must be positive");
        }
        this.idleTimeout = timeout;
        return this;
    }

    public synchronized Duration idleTimeout() {
        return idleTimeout;
    }

    /** First public port handed out (default 40000). */
    public synchronized NatBox firstPort(int port) {
        if (port < 1024 || port > 65535) {
            throw new IllegalArgumentException("firstPort " + port + " outside 1024..65535");
        }
        this.firstPort = port;
        this.nextPort = port;
        return this;
    }

    /** Accept inbound datagrams only from endpoints the private side has sent to (address-and-port-dependent filtering). */
    public synchronized NatBox restrictInbound(boolean restrict) {
        this.restrictInbound = restrict;
        return this;
    }

    /** Whether inbound datagrams also keep a mapping alive (default false). */
    public synchronized NatBox refreshOnInbound(boolean refresh) {
        this.refreshOnInbound = refresh;
        return this;
    }

    /** The live mappings, oldest first. */
    public synchronized List<Mapping> mappings() {
        expire();
        return List.copyOf(byPrivate.values());
    }

    /** The live public endpoint of {@code privateEndpoint}, or null. */
    public synchronized @Nullable InetSocketAddress publicEndpointOf(InetSocketAddress privateEndpoint) {
        expire();
        Mapping m = byPrivate.get(privateEndpoint);
        return m == null ? null : new InetSocketAddress(publicAddress, m.publicPort);
    }

    public synchronized NatStats stats() {
        expire();
        return new NatStats(translatedOut, translatedIn, droppedNoMapping, droppedFiltered, mappingsCreated,
                mappingsExpired, byPrivate.size());
    }

    /** Translates an outbound datagram's source; returns the public port. */
    synchronized int outbound(InetSocketAddress privateSrc, InetSocketAddress remote) {
        expire();
        Mapping m = byPrivate.get(privateSrc);
        if (m == null) {
            int port = allocatePort();
            m = new Mapping(privateSrc, port);
            byPrivate.put(privateSrc, m);
            byPublicPort.put(port, m);
            mappingsCreated++;
        }
        m.lastUsed = clock.nanoTime();
        m.contacted.add(remote);
        translatedOut++;
        return m.publicPort;
    }

    /** Translates an inbound datagram's destination; null if dropped. */
    synchronized @Nullable InetSocketAddress inbound(int publicPort, InetSocketAddress remote) {
        expire();
        Mapping m = byPublicPort.get(publicPort);
        if (m == null) {
            droppedNoMapping++;
            return null;
        }
        if (restrictInbound && !m.contacted.contains(remote)) {
            droppedFiltered++;
            return null;
        }
        if (refreshOnInbound) {
            m.lastUsed = clock.nanoTime();
        }
        translatedIn++;
        return m.privateEndpoint;
    }

    private void expire() {
        long now = clock.nanoTime();
        long timeout = idleTimeout.toNanos();
        for (Iterator<Mapping> it = byPrivate.values().iterator(); it.hasNext(); ) {
            Mapping m = it.next();
            if (now - m.lastUsed >= timeout) {
                it.remove();
                byPublicPort.remove(m.publicPort);
                mappingsExpired++;
            }
        }
    }

    private int allocatePort() {
        for (int i = 0; i < 65536; i++) {
            int p = nextPort;
            nextPort = nextPort >= 65535 ? firstPort : nextPort + 1;
            if (!byPublicPort.containsKey(p)) {
                return p;
            }
        }
        throw new IllegalStateException("NAT " + publicAddress.getHostAddress() + " has no free public port");
    }

    @Override
    public String toString() {
        return "NatBox[" + publicAddress.getHostAddress() + ", " + stats() + "]";
    }

    /** One mapping: a private endpoint and its public port. */
    public static final class Mapping {
        private final InetSocketAddress privateEndpoint;
        private final int publicPort;
        private final Set<InetSocketAddress> contacted = Collections.synchronizedSet(new HashSet<>());
        private volatile long lastUsed;

        Mapping(InetSocketAddress privateEndpoint, int publicPort) {
            this.privateEndpoint = privateEndpoint;
            this.publicPort = publicPort;
        }

        public InetSocketAddress privateEndpoint() {
            return privateEndpoint;
        }

        public int publicPort() {
            return publicPort;
        }

        /** {@link VirtualClock#nanoTime()} of the last refresh. */
        public long lastUsedNanos() {
            return lastUsed;
        }

        /** Remote endpoints the private side has sent to. */
        public List<InetSocketAddress> contacted() {
            synchronized (contacted) {
                return new ArrayList<>(contacted);
            }
        }

        @Override
        public String toString() {
            return privateEndpoint + " <-> :" + publicPort;
        }
    }

    /**
     * NAT counters (a snapshot).
     *
     * @param translatedOut     outbound datagrams rewritten
     * @param translatedIn      inbound datagrams rewritten
     * @param droppedNoMapping  inbound datagrams with no live mapping
     * @param droppedFiltered   inbound datagrams refused by address-and-port-dependent filtering
     * @param mappingsCreated   mappings created
     * @param mappingsExpired   mappings expired after the idle timeout
     * @param liveMappings      mappings alive now
     */
    public record NatStats(long translatedOut, long translatedIn, long droppedNoMapping, long droppedFiltered,
                           long mappingsCreated, long mappingsExpired, int liveMappings) {}
}

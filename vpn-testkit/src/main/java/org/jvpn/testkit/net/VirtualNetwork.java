package org.jvpn.testkit.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.jvpn.testkit.SeededRandom;
import org.jvpn.testkit.ip.IpPackets;
import org.jvpn.testkit.pcap.Capture;
import org.jvpn.testkit.time.VirtualScheduler;

/**
 * An in-memory UDP network on virtual time. Public hosts ({@link #host}) and NAT boxes ({@link #nat},
 * with private hosts behind them) exchange datagrams over {@link Link}s, one per pair of public
 * addresses, created on first use with {@link #defaultImpairments()} and each drawing from its own
 * seeded random stream (so impairing one link does not change what happens on another).
 *
 * <pre>{@code
 * VirtualNetwork net = new VirtualNetwork(scheduler, new SeededRandom(42));
 * VirtualHost left = net.host("198.51.100.1");            // binds 500 and 4500
 * NatBox nat = net.nat("203.0.113.5");
 * VirtualHost right = nat.host("192.168.1.10");            // behind the NAT
 * net.link("198.51.100.1", "203.0.113.5").impair(Impairments.none().withLoss(20));
 * }</pre>
 *
 * <p>Everything sent on a public link is kept in {@link #capture()} (datagrams between private hosts of
 * one realm too), with the addresses and ports seen on that wire.
 */
public final class VirtualNetwork {

    private final VirtualScheduler scheduler;
    private final SeededRandom random;
    private final Map<InetAddress, VirtualHost> hosts = new HashMap<>();
    private final Map<InetAddress, NatBox> nats = new HashMap<>();
    private final Map<String, Link> links = new LinkedHashMap<>();
    private final Capture capture = new Capture("outer");
    private Impairments defaultImpairments = Impairments.none();
    private long noRoute;
    private long undeliverable;

    public VirtualNetwork(VirtualScheduler scheduler, SeededRandom random) {
        this.scheduler = scheduler;
        this.random = random;
    }

    public VirtualScheduler scheduler() {
        return scheduler;
    }

    /** The public host with this address, created (binding 500 and 4500, or {@code ports}) on first use. */
    public VirtualHost host(String address, int... ports) {
        InetAddress a = IpPackets.address(address);
        synchronized (this) {
            VirtualHost h = hosts.get(a);
            if (h != null) {
                if (h.nat() != null) {
                    throw new IllegalArgumentException(address + " is a private host behind " + h.nat());
                }
                if (ports.length > 0) {
                    h.bind(ports);
                }
                return h;
            }
        }
        return addHost(address, null, ports);
    }

    /** A NAT box with this public address, created on first use. */
    public synchronized NatBox nat(String publicAddress) {
        InetAddress a = IpPackets.address(publicAddress);
        if (hosts.containsKey(a)) {
            throw new IllegalArgumentException(publicAddress + " is already a host");
        }
        return nats.computeIfAbsent(a, k -> new NatBox(this, k, scheduler.clock()));
    }

    /** The link between two public addresses (either order), created on first use. */
    public Link link(String addressA, String addressB) {
        return link(IpPackets.address(addressA), IpPackets.address(addressB));
    }

    /** Every link created so far. */
    public synchronized List<Link> links() {
        return new ArrayList<>(links.values());
    }

    /** Impairments for links created from now on. */
    public synchronized VirtualNetwork defaultImpairments(Impairments i) {
        this.defaultImpairments = i;
        return this;
    }

    public synchronized Impairments defaultImpairments() {
        return defaultImpairments;
    }

    /** Every datagram put on the network. */
    public Capture capture() {
        return capture;
    }

    /** Writes {@link #capture()} as a raw-IP pcap file. */
    public void writePcap(Path file) throws IOException {
        capture.writePcap(file);
    }

    /** Datagrams sent to an address that is neither a host nor a NAT. */
    public synchronized long noRoute() {
        return noRoute;
    }

    /** Datagrams that arrived at a closed host or unbound port. */
    public synchronized long undeliverable() {
        return undeliverable;
    }

    synchronized void countUndeliverable() {
        undeliverable++;
    }

    VirtualHost addHost(String address, @Nullable NatBox nat, int... ports) {
        InetAddress a = IpPackets.address(address);
        synchronized (this) {
            if (hosts.containsKey(a) || nats.containsKey(a)) {
                throw new IllegalArgumentException("address " + address + " is already in use on this network");
            }
            VirtualHost h = new VirtualHost(this, a, nat, ports);
            hosts.put(a, h);
            return h;
        }
    }

    synchronized Link link(InetAddress x, InetAddress y) {
        boolean swap = x.getHostAddress().compareTo(y.getHostAddress()) > 0;
        InetAddress a = swap ? y : x;
        InetAddress b = swap ? x : y;
        String key = a.getHostAddress() + "|" + b.getHostAddress();
        return links.computeIfAbsent(key, k -> new Link(a, b, scheduler, random.fork("link:" + k), defaultImpairments,
                capture));
    }

    void route(VirtualHost from, int localPort, InetSocketAddress remote, byte[] payload) {
        InetSocketAddress src = from.endpoint(localPort);
        InetAddress dstAddr = remote.getAddress();
        NatBox realm = from.nat();
        VirtualHost dstHost;
        NatBox dstNat;
        synchronized (this) {
            dstHost = hosts.get(dstAddr);
            dstNat = nats.get(dstAddr);
        }
        if (realm != null) {
            if (dstHost != null && dstHost.nat() == realm) {
                capture.addUdp(scheduler.clock().nanoTime(), src, remote, payload);
                VirtualHost peer = dstHost;
                InetSocketAddress lanSrc = src;
                scheduler.execute(() -> peer.deliver(remote.getPort(), lanSrc, payload));
                return;
            }
            src = new InetSocketAddress(realm.publicAddress(), realm.outbound(src, remote));
        }
        if (dstNat == null && (dstHost == null || dstHost.nat() != null)) {
            synchronized (this) {
                noRoute++;
            }
            return;
        }
        InetSocketAddress publicSrc = src;
        link(publicSrc.getAddress(), dstAddr).transmit(publicSrc, remote, payload, p -> arrive(publicSrc, remote, p));
    }

    private void arrive(InetSocketAddress src, InetSocketAddress dst, byte[] payload) {
        NatBox n;
        VirtualHost h;
        synchronized (this) {
            n = nats.get(dst.getAddress());
            h = hosts.get(dst.getAddress());
        }
        if (n != null) {
            InetSocketAddress inside = n.inbound(dst.getPort(), src);
            if (inside == null) {
                return;
            }
            VirtualHost target;
            synchronized (this) {
                target = hosts.get(inside.getAddress());
            }
            if (target != null) {
                target.deliver(inside.getPort(), src, payload);
            }
            return;
        }
        if (h != null) {
            h.deliver(dst.getPort(), src, payload);
        }
    }

    @Override
    public synchronized String toString() {
        return "VirtualNetwork[hosts=" + hosts.size() + ", nats=" + nats.size() + ", links=" + links.size() + "]";
    }
}

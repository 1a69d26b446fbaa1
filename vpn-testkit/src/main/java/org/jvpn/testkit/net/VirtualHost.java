package org.jvpn.testkit.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.spi.io.DatagramTransport;
import org.jvpn.api.spi.io.PacketBuffer;

/**
 * A host on a {@link VirtualNetwork}: its {@link DatagramTransport} binds the configured UDP ports (500
 * and 4500 unless told otherwise). Received datagrams are delivered on the network's scheduler, in a
 * fresh buffer with {@link PacketBuffer#DEFAULT_HEADROOM}/{@link PacketBuffer#DEFAULT_TAILROOM}, which is
 * poisoned (zero-filled, length 0) after the callback so that a receiver that keeps it past the callback
 * fails visibly. {@link #send} copies the datagram; the caller keeps its buffer.
 */
public final class VirtualHost implements DatagramTransport {

    private static final int[] DEFAULT_PORTS = {500, 4500};

    private final VirtualNetwork network;
    private final InetAddress address;
    private final @Nullable NatBox nat;
    private final Set<Integer> ports = new LinkedHashSet<>();
    private volatile @Nullable Receiver receiver;
    private long sent;
    private long received;
    private long sendRejected;
    private long undeliverable;

    VirtualHost(VirtualNetwork network, InetAddress address, @Nullable NatBox nat, int... ports) {
        this.network = network;
        this.address = address;
        this.nat = nat;
        bind(ports.length == 0 ? DEFAULT_PORTS : ports);
    }

    /** The host's own address (a private one if it sits behind a {@link NatBox}). */
    public InetAddress address() {
        return address;
    }

    /** The NAT box this host sits behind, or null for a host on the public network. */
    public @Nullable NatBox nat() {
        return nat;
    }

    /** Replaces the set of ports bound (before or after {@link #open}). */
    public synchronized VirtualHost bind(int... newPorts) {
        ports.clear();
        for (int p : newPorts) {
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("port " + p + " outside 1..65535");
            }
            ports.add(p);
        }
        return this;
    }

    /** The ports bound, in order. */
    public synchronized List<Integer> ports() {
        return List.copyOf(ports);
    }

    /** The endpoint {@code address:port} of this host. */
    public InetSocketAddress endpoint(int port) {
        return new InetSocketAddress(address, port);
    }

    @Override
    public synchronized void open(Receiver r) {
        if (receiver != null) {
            throw new IllegalStateException("host " + address.getHostAddress() + " is already open");
        }
        receiver = r;
    }

    public boolean isOpen() {
        return receiver != null;
    }

    @Override
    public boolean send(int localPort, InetSocketAddress remote, PacketBuffer datagram) {
        synchronized (this) {
            if (receiver == null || !ports.contains(localPort) || remote.getAddress() == null) {
                sendRejected++;
                return false;
            }
            sent++;
        }
        byte[] copy = Arrays.copyOfRange(datagram.array(), datagram.offset(), datagram.end());
        network.route(this, localPort, remote, copy);
        return true;
    }

    /** Convenience for tests: sends {@code payload} as-is. */
    public boolean send(int localPort, InetSocketAddress remote, byte[] payload) {
        return send(localPort, remote, PacketBuffer.wrap(payload, 0, payload.length));
    }

    @Override
    public synchronized List<InetSocketAddress> localEndpoints() {
        if (receiver == null) {
            return List.of();
        }
        List<InetSocketAddress> l = new ArrayList<>();
        for (int p : ports) {
            l.add(new InetSocketAddress(address, p));
        }
        return l;
    }

    @Override
    public synchronized void close() {
        receiver = null;
    }

    /** Datagrams accepted by {@link #send}. */
    public synchronized long sent() {
        return sent;
    }

    /** Datagrams delivered to the receiver. */
    public synchronized long received() {
        return received;
    }

    /** Sends refused (closed or unbound port). */
    public synchronized long sendRejected() {
        return sendRejected;
    }

    /** Datagrams that arrived while closed or for an unbound port (dropped, like ICMP port unreachable). */
    public synchronized long undeliverable() {
        return undeliverable;
    }

    void deliver(int localPort, InetSocketAddress from, byte[] payload) {
        Receiver r;
        synchronized (this) {
            r = receiver;
            if (r == null || !ports.contains(localPort)) {
                undeliverable++;
                network.countUndeliverable();
                return;
            }
            received++;
        }
        PacketBuffer buf = PacketBuffer.allocate(
                PacketBuffer.DEFAULT_HEADROOM + payload.length + PacketBuffer.DEFAULT_TAILROOM, PacketBuffer.DEFAULT_HEADROOM);
        System.arraycopy(payload, 0, buf.array(), buf.offset(), payload.length);
        buf.length(payload.length);
        try {
            r.onDatagram(localPort, from, buf);
        } finally {
            Arrays.fill(buf.array(), (byte) 0);
            buf.set(0, 0);
        }
    }

    @Override
    public String toString() {
        return "VirtualHost[" + address.getHostAddress() + (nat != null ? " behind " + nat.publicAddress().getHostAddress() : "")
                + " ports " + ports() + "]";
    }
}

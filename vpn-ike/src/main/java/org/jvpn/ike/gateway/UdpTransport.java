package org.jvpn.ike.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.spi.io.DatagramTransport;
import org.jvpn.api.spi.io.PacketBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real UDP on {@link DatagramChannel}s, one per local port (500 and 4500 by default), IPv4 or IPv6 by
 * the bind address. One I/O thread reads all channels through a selector and delivers each datagram
 * in a reused buffer with headroom; sends go straight to the channel from the caller's thread.
 */
public final class UdpTransport implements DatagramTransport {

    private static final Logger LOG = LoggerFactory.getLogger(UdpTransport.class);
    private static final int MAX_DATAGRAM = 65535;

    private final InetAddress bindAddress;
    private final int[] ports;
    private final Map<Integer, DatagramChannel> channels = new ConcurrentHashMap<>();
    private final ThreadLocal<ByteBuffer> sendWrapper = new ThreadLocal<>();
    private volatile @Nullable Selector selector;
    private volatile boolean closed;
    private @Nullable Thread ioThread;

    /**
     * @param bindAddress the local outer address (the VPN service's local address)
     * @param ports       the local UDP ports to bind, e.g. 500 and 4500 (0 picks an ephemeral port)
     */
    public UdpTransport(InetAddress bindAddress, int... ports) {
        if (ports.length == 0) {
            throw new IllegalArgumentException("UdpTransport needs at least one port");
        }
        this.bindAddress = bindAddress;
        this.ports = ports.clone();
    }

    @Override
    public synchronized void open(Receiver receiver) throws IOException {
        if (selector != null) {
            throw new IllegalStateException("already open");
        }
        Selector sel = Selector.open();
        try {
            for (int port : ports) {
                DatagramChannel ch = DatagramChannel.open(bindAddress instanceof java.net.Inet6Address
                        ? java.net.StandardProtocolFamily.INET6 : java.net.StandardProtocolFamily.INET);
                ch.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
                ch.bind(new InetSocketAddress(bindAddress, port));
                ch.configureBlocking(false);
                int bound = ((InetSocketAddress) ch.getLocalAddress()).getPort();
                channels.put(bound, ch);
                ch.register(sel, SelectionKey.OP_READ, bound);
            }
        } catch (IOException e) {
            closeChannels();
            sel.close();
            throw new IOException("cannot bind UDP " + bindAddress.getHostAddress() + " ports " + java.util.Arrays.toString(ports) + ": " + e.getMessage(), e);
        }
        selector = sel;
        Thread t = new Thread(() -> loop(sel, receiver), "jvpn-udp-" + bindAddress.getHostAddress());
        t.setDaemon(true);
        ioThread = t;
        t.start();
    }

    private void loop(Selector sel, Receiver receiver) {
        byte[] array = new byte[PacketBuffer.DEFAULT_HEADROOM + MAX_DATAGRAM + PacketBuffer.DEFAULT_TAILROOM];
        ByteBuffer bb = ByteBuffer.wrap(array);
        PacketBuffer pb = PacketBuffer.wrap(array, PacketBuffer.DEFAULT_HEADROOM, 0);
        while (!closed) {
            try {
                sel.select();
                Iterator<SelectionKey> it = sel.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    DatagramChannel ch = (DatagramChannel) key.channel();
                    int port = (Integer) key.attachment();
                    while (true) {
                        bb.clear();
                        bb.position(PacketBuffer.DEFAULT_HEADROOM);
                        bb.limit(PacketBuffer.DEFAULT_HEADROOM + MAX_DATAGRAM);
                        SocketAddress from = ch.receive(bb);
                        if (from == null) {
                            break;
                        }
                        pb.set(PacketBuffer.DEFAULT_HEADROOM, bb.position() - PacketBuffer.DEFAULT_HEADROOM);
                        try {
                            receiver.onDatagram(port, (InetSocketAddress) from, pb);
                        } catch (RuntimeException e) {
                            LOG.warn("datagram handler failed on port {}", port, e);
                        }
                    }
                }
            } catch (ClosedChannelException | java.nio.channels.ClosedSelectorException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("UDP receive failed", e);
                }
            }
        }
    }

    @Override
    public boolean send(int localPort, InetSocketAddress remote, PacketBuffer datagram) {
        DatagramChannel ch = channels.get(localPort);
        if (ch == null || closed) {
            return false;
        }
        ByteBuffer bb = sendWrapper.get();
        if (bb == null || bb.array() != datagram.array()) {
            bb = ByteBuffer.wrap(datagram.array());
            sendWrapper.set(bb);
        }
        bb.limit(datagram.end()).position(datagram.offset());
        try {
            return ch.send(bb, remote) > 0;
        } catch (IOException e) {
            LOG.debug("UDP send to {} failed: {}", remote, e.toString());
            return false;
        }
    }

    @Override
    public List<InetSocketAddress> localEndpoints() {
        List<InetSocketAddress> out = new ArrayList<>();
        for (int port : channels.keySet()) {
            out.add(new InetSocketAddress(bindAddress, port));
        }
        return out;
    }

    /** The actually bound local ports in the order given (useful when 0 was given). */
    public int[] boundPorts() {
        return channels.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeChannels();
        Selector sel = selector;
        if (sel != null) {
            try {
                sel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        Thread t = ioThread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void closeChannels() {
        for (DatagramChannel ch : channels.values()) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}

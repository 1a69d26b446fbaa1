package org.jvpn.cli.inner;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.spi.io.PacketBuffer;
import org.jvpn.api.spi.io.TunnelDevice;
import org.jvpn.testkit.ip.IpPacket;
import org.jvpn.testkit.ip.IpPackets;
import org.jvpn.testkit.pcap.PcapWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real-time built-in inner host behind a gateway: a {@link TunnelDevice} that owns one or more inner IP
 * addresses, answers ICMP/ICMPv6 echo requests and UDP echo (RFC 862, on a configurable port) addressed
 * to them, and sends pings ({@link #ping}) whose replies it matches with round-trip times.
 *
 * <p>Threading: {@link #write} (called by the gateway from its I/O threads) only parses and enqueues; a
 * single device thread hands every outbound packet to the gateway's receiver, in a fresh buffer with
 * {@link PacketBuffer#DEFAULT_HEADROOM} headroom and {@link PacketBuffer#DEFAULT_TAILROOM} tailroom, so
 * the gateway is never re-entered from inside {@code write}.
 */
public final class InnerHostDevice implements TunnelDevice {

    private static final Logger LOG = LoggerFactory.getLogger(InnerHostDevice.class);
    private static final int QUEUE_LIMIT = 4096;

    private final Set<InetAddress> addresses;
    private final int udpEchoPort;
    private final int mtu;
    private final LongSupplier nanoTime;
    private final BlockingQueue<byte[]> outbound = new LinkedBlockingQueue<>(QUEUE_LIMIT);
    private final Map<Integer, PingSession> pings = new ConcurrentHashMap<>();
    private final AtomicInteger nextPingId = new AtomicInteger(0x4a56);
    private final Counters counters = new Counters();
    private final Object captureLock = new Object();
    private @Nullable PcapWriter capture;
    private volatile @Nullable Thread thread;
    private volatile boolean closed;

    /**
     * @param addresses    the inner addresses this host answers for (IPv4 and/or IPv6)
     * @param udpEchoPort  the UDP echo port (e.g. 7), or 0 for none
     * @param mtu          the device MTU
     */
    public InnerHostDevice(List<InetAddress> addresses, int udpEchoPort, int mtu) {
        this(addresses, udpEchoPort, mtu, System::nanoTime);
    }

    /** As above with the time source used for round-trip times. */
    public InnerHostDevice(List<InetAddress> addresses, int udpEchoPort, int mtu, LongSupplier nanoTime) {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("an inner host needs at least one address");
        }
        if (udpEchoPort < 0 || udpEchoPort > 65535) {
            throw new IllegalArgumentException("UDP echo port " + udpEchoPort + " outside 0..65535");
        }
        if (mtu < 68 || mtu > 65535) {
            throw new IllegalArgumentException("MTU " + mtu + " outside 68..65535");
        }
        this.addresses = Set.copyOf(new LinkedHashSet<>(addresses));
        this.udpEchoPort = udpEchoPort;
        this.mtu = mtu;
        this.nanoTime = nanoTime;
    }

    /** Records every inner packet, in both directions, into {@code writer} (LINKTYPE_RAW). */
    public void capture(PcapWriter writer) {
        synchronized (captureLock) {
            this.capture = writer;
        }
    }

    public Set<InetAddress> addresses() {
        return addresses;
    }

    public Counters counters() {
        return counters;
    }

    @Override
    public synchronized void open(Receiver receiver) throws IOException {
        if (thread != null) {
            throw new IllegalStateException("inner host device already open");
        }
        Thread t = new Thread(() -> deliver(receiver), "jvpn-inner-host");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void deliver(Receiver receiver) {
        while (!closed) {
            byte[] p;
            try {
                p = outbound.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (p == null) {
                continue;
            }
            PacketBuffer b = PacketBuffer.forMtu(Math.max(mtu, p.length));
            int at = b.append(p.length);
            System.arraycopy(p, 0, b.array(), at, p.length);
            try {
                receiver.onPacket(b);
                counters.sent.incrementAndGet();
            } catch (RuntimeException e) {
                LOG.warn("gateway refused an inner packet", e);
            }
        }
    }

    /**
     * Queues an IP packet from this host into the tunnel (delivered on the device thread).
     *
     * @return false if the device is closed or its queue is full (the packet is dropped)
     */
    public boolean send(byte[] ipPacket) {
        if (closed || ipPacket.length > mtu) {
            counters.dropped.incrementAndGet();
            return false;
        }
        record(ipPacket, 0, ipPacket.length);
        if (!outbound.offer(ipPacket)) {
            counters.dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    /**
     * Starts pinging {@code destination} from {@code source} (one of this host's addresses): {@code count}
     * echo requests of {@code dataSize} bytes, one every {@code interval}.
     */
    public PingSession ping(InetAddress source, InetAddress destination, int count, Duration interval, int dataSize) {
        if (!addresses.contains(source)) {
            throw new IllegalArgumentException("source " + source.getHostAddress() + " is not an address of this host "
                    + addresses);
        }
        int id = nextPingId.getAndIncrement() & 0xffff;
        PingSession s = new PingSession(this, id, source, destination, count, interval, dataSize, nanoTime);
        pings.put(id, s);
        s.start();
        return s;
    }

    void pingDone(PingSession s) {
        pings.remove(s.identifier(), s);
    }

    @Override
    public boolean write(PacketBuffer packet) {
        if (closed) {
            return false;
        }
        record(packet.array(), packet.offset(), packet.length());
        counters.received.incrementAndGet();
        IpPacket ip;
        try {
            ip = IpPacket.parse(packet.array(), packet.offset(), packet.length());
        } catch (IllegalArgumentException e) {
            counters.malformed.incrementAndGet();
            return false;
        }
        if (!addresses.contains(ip.destination())) {
            counters.notForUs.incrementAndGet();
            return false;
        }
        if (!ip.checksumsOk()) {
            counters.badChecksum.incrementAndGet();
            return false;
        }
        IpPacket.Echo echo = ip.echo();
        if (echo != null) {
            if (echo.request()) {
                counters.echoAnswered.incrementAndGet();
                return send(IpPackets.echoReply(ip.destination(), ip.source(), echo.identifier(), echo.sequence(), echo.data()));
            }
            PingSession s = pings.get(echo.identifier());
            if (s != null) {
                s.onReply(ip.source(), echo);
            }
            return true;
        }
        IpPacket.Udp udp = ip.udp();
        if (udp != null && udpEchoPort != 0 && udp.destinationPort() == udpEchoPort) {
            counters.udpEchoed.incrementAndGet();
            return send(IpPackets.udp(ip.destination(), udpEchoPort, ip.source(), udp.sourcePort(), udp.data()));
        }
        counters.unanswered.incrementAndGet();
        return true;
    }

    private void record(byte[] b, int off, int len) {
        synchronized (captureLock) {
            PcapWriter w = capture;
            if (w != null) {
                java.time.Instant t = java.time.Instant.now();
                long now = t.getEpochSecond() * 1_000_000_000L + t.getNano();
                try {
                    w.write(now, b, off, len);
                } catch (RuntimeException e) {
                    LOG.warn("inner capture failed; capture stopped: {}", e.toString());
                    capture = null;
                }
            }
        }
    }

    @Override
    public int mtu() {
        return mtu;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (PingSession s : pings.values()) {
            s.stop();
        }
    }

    /** What the host did, thread-safe snapshots. */
    public static final class Counters {
        final AtomicLong sent = new AtomicLong();
        final AtomicLong received = new AtomicLong();
        final AtomicLong echoAnswered = new AtomicLong();
        final AtomicLong udpEchoed = new AtomicLong();
        final AtomicLong notForUs = new AtomicLong();
        final AtomicLong badChecksum = new AtomicLong();
        final AtomicLong malformed = new AtomicLong();
        final AtomicLong unanswered = new AtomicLong();
        final AtomicLong dropped = new AtomicLong();

        /** Packets handed to the gateway. */
        public long sent() {
            return sent.get();
        }

        /** Packets the gateway wrote to this host. */
        public long received() {
            return received.get();
        }

        public long echoRequestsAnswered() {
            return echoAnswered.get();
        }

        public long udpEchoed() {
            return udpEchoed.get();
        }

        public long notForUs() {
            return notForUs.get();
        }

        public long badChecksum() {
            return badChecksum.get();
        }

        public long malformed() {
            return malformed.get();
        }

        /** Packets for us that are neither echo nor UDP echo. */
        public long unanswered() {
            return unanswered.get();
        }

        /** Outbound packets dropped (closed, too big or queue full). */
        public long dropped() {
            return dropped.get();
        }

        @Override
        public String toString() {
            return String.format("sent %d, received %d, echo answered %d, UDP echoed %d, not for us %d, "
                    + "bad checksum %d, malformed %d, dropped %d", sent(), received(), echoRequestsAnswered(), udpEchoed(),
                    notForUs(), badChecksum(), malformed(), dropped());
        }
    }
}

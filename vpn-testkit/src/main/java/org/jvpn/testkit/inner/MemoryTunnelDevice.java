package org.jvpn.testkit.inner;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.spi.io.PacketBuffer;
import org.jvpn.api.spi.io.TunnelDevice;
import org.jvpn.testkit.ip.IpPacket;
import org.jvpn.testkit.ip.IpPackets;
import org.jvpn.testkit.pcap.Capture;
import org.jvpn.testkit.time.VirtualScheduler;

/**
 * A {@link TunnelDevice} whose "host side" is a set of {@link InnerHost}s living in memory. Packets the
 * inner hosts send are handed to the receiver (the gateway) on the scheduler, in fresh buffers with
 * {@link PacketBuffer#DEFAULT_HEADROOM}/{@link PacketBuffer#DEFAULT_TAILROOM}, poisoned after the
 * callback. Packets the gateway {@link #write}s are copied and dispatched to the inner host owning the
 * destination address on the scheduler's next run (never re-entrantly). Both directions are captured
 * as raw IP ({@link #capture()}). Thread-safe.
 */
public final class MemoryTunnelDevice implements TunnelDevice {

    /** Default device MTU. */
    public static final int DEFAULT_MTU = 1400;

    private final String name;
    private final VirtualScheduler scheduler;
    private final int mtu;
    private final Map<InetAddress, InnerHost> hosts = new HashMap<>();
    private final Capture capture;
    private volatile @Nullable Receiver receiver;
    private long toGateway;
    private long fromGateway;
    private long droppedNoHost;
    private long droppedOversize;
    private long droppedClosed;
    private long malformed;

    public MemoryTunnelDevice(String name, VirtualScheduler scheduler) {
        this(name, scheduler, DEFAULT_MTU);
    }

    public MemoryTunnelDevice(String name, VirtualScheduler scheduler, int mtu) {
        if (mtu < 68 || mtu > 65535) {
            throw new IllegalArgumentException("mtu " + mtu + " outside 68..65535");
        }
        this.name = name;
        this.scheduler = scheduler;
        this.mtu = mtu;
        this.capture = new Capture("inner-" + name);
    }

    public String name() {
        return name;
    }

    public VirtualScheduler scheduler() {
        return scheduler;
    }

    /** Adds an inner host with this address (IPv4 or IPv6) behind the device. */
    public synchronized InnerHost addHost(String address) {
        InetAddress a = IpPackets.address(address);
        if (hosts.containsKey(a)) {
            throw new IllegalArgumentException("inner host " + address + " already exists on device " + name);
        }
        InnerHost h = new InnerHost(this, a);
        hosts.put(a, h);
        return h;
    }

    /** The inner host with this address, or null. */
    public synchronized @Nullable InnerHost host(String address) {
        return hosts.get(IpPackets.address(address));
    }

    @Override
    public synchronized void open(Receiver r) {
        if (receiver != null) {
            throw new IllegalStateException("tunnel device " + name + " is already open");
        }
        receiver = r;
    }

    @Override
    public boolean write(PacketBuffer packet) {
        byte[] bytes = packet.toByteArray();
        synchronized (this) {
            if (receiver == null) {
                droppedClosed++;
                return false;
            }
            fromGateway++;
        }
        capture.add(scheduler.clock().nanoTime(), bytes);
        scheduler.execute(() -> dispatch(bytes));
        return true;
    }

    @Override
    public int mtu() {
        return mtu;
    }

    @Override
    public synchronized void close() {
        receiver = null;
    }

    /** The inner IP packets in both directions. */
    public Capture capture() {
        return capture;
    }

    public synchronized DeviceStats stats() {
        return new DeviceStats(toGateway, fromGateway, droppedNoHost, droppedOversize, droppedClosed, malformed);
    }

    /** An inner host sends {@code ipPacket} into the tunnel. */
    boolean inject(byte[] ipPacket) {
        Receiver r;
        synchronized (this) {
            r = receiver;
            if (r == null) {
                droppedClosed++;
                return false;
            }
            if (ipPacket.length > mtu) {
                droppedOversize++;
                return false;
            }
            toGateway++;
        }
        capture.add(scheduler.clock().nanoTime(), ipPacket);
        scheduler.execute(() -> {
            Receiver now = receiver;
            if (now == null) {
                synchronized (this) {
                    droppedClosed++;
                }
                return;
            }
            PacketBuffer b = PacketBuffer.allocate(PacketBuffer.DEFAULT_HEADROOM + ipPacket.length
                    + PacketBuffer.DEFAULT_TAILROOM, PacketBuffer.DEFAULT_HEADROOM);
            System.arraycopy(ipPacket, 0, b.array(), b.offset(), ipPacket.length);
            b.length(ipPacket.length);
            try {
                now.onPacket(b);
            } finally {
                Arrays.fill(b.array(), (byte) 0);
                b.set(0, 0);
            }
        });
        return true;
    }

    private void dispatch(byte[] bytes) {
        IpPacket p;
        try {
            p = IpPacket.parse(bytes);
        } catch (IllegalArgumentException e) {
            synchronized (this) {
                malformed++;
            }
            return;
        }
        InnerHost h;
        synchronized (this) {
            h = hosts.get(p.destination());
            if (h == null) {
                droppedNoHost++;
                return;
            }
        }
        h.receive(p);
    }

    @Override
    public String toString() {
        return "MemoryTunnelDevice[" + name + ", mtu " + mtu + ", " + stats() + "]";
    }

    /**
     * Device counters.
     *
     * @param toGateway       packets the inner hosts sent into the tunnel
     * @param fromGateway     packets the gateway wrote to the device
     * @param droppedNoHost   written packets for an address no inner host owns
     * @param droppedOversize packets larger than the MTU
     * @param droppedClosed   packets while the device was not open
     * @param malformed       written packets that are not parseable IP
     */
    public record DeviceStats(long toGateway, long fromGateway, long droppedNoHost, long droppedOversize,
                              long droppedClosed, long malformed) {}
}

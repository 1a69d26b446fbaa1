package org.jvpn.ike.interop;

import java.net.InetAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.spi.io.PacketBuffer;
import org.jvpn.api.spi.io.TunnelDevice;
import org.jvpn.testkit.ip.IpPacket;
import org.jvpn.testkit.ip.IpPackets;

/**
 * A real-time tunnel device with one inner host that answers ICMP echo requests and can send them,
 * counting the replies. Replies are handed to the gateway on the device's own thread.
 */
final class EchoTunnel implements TunnelDevice {

    private final InetAddress address;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "echo-tunnel");
        t.setDaemon(true);
        return t;
    });
    private volatile @Nullable Receiver receiver;
    final AtomicInteger echoRequestsAnswered = new AtomicInteger();
    final AtomicInteger echoRepliesReceived = new AtomicInteger();

    EchoTunnel(InetAddress address) {
        this.address = address;
    }

    @Override
    public void open(Receiver r) {
        receiver = r;
    }

    @Override
    public boolean write(PacketBuffer packet) {
        IpPacket p;
        try {
            p = IpPacket.parse(packet.toByteArray());
        } catch (RuntimeException e) {
            return false;
        }
        IpPacket.Echo echo = p.echo();
        if (echo == null || !p.destination().equals(address)) {
            return false;
        }
        if (echo.request()) {
            byte[] reply = IpPackets.echoReply(address, p.source(), echo.identifier(), echo.sequence(), echo.data());
            echoRequestsAnswered.incrementAndGet();
            deliver(reply);
        } else {
            echoRepliesReceived.incrementAndGet();
        }
        return true;
    }

    /** Sends an echo request from the inner host to {@code dst}. */
    void ping(InetAddress dst, int seq) {
        deliver(IpPackets.echoRequest(address, dst, 0x4a56, seq, new byte[56]));
    }

    private void deliver(byte[] ip) {
        thread.execute(() -> {
            Receiver r = receiver;
            if (r != null) {
                PacketBuffer b = PacketBuffer.forMtu(1500);
                System.arraycopy(ip, 0, b.array(), b.offset(), ip.length);
                b.length(ip.length);
                r.onPacket(b);
            }
        });
    }

    @Override
    public int mtu() {
        return 1500;
    }

    @Override
    public void close() {
        receiver = null;
        thread.shutdownNow();
    }
}

package org.jvpn.cli.capture;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import org.jvpn.api.spi.io.DatagramTransport;
import org.jvpn.api.spi.io.PacketBuffer;
import org.jvpn.testkit.ip.IpPackets;
import org.jvpn.testkit.pcap.PcapWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link DatagramTransport} decorator that records every datagram sent and received into a pcap as an
 * IP/UDP packet (LINKTYPE_RAW) between the local address and the peer, so the outer traffic (IKE and
 * ESP-in-UDP) can be opened in Wireshark. The writer is shared safely between the I/O thread and senders.
 */
public final class CapturingTransport implements DatagramTransport {

    private static final Logger LOG = LoggerFactory.getLogger(CapturingTransport.class);

    private final DatagramTransport delegate;
    private final InetAddress localAddress;
    private final PcapWriter writer;
    private volatile boolean failed;

    /**
     * @param delegate      the real transport
     * @param localAddress  the address the transport is bound to (the source of sent datagrams)
     * @param writer        a LINKTYPE_RAW pcap writer (not closed by this decorator)
     */
    public CapturingTransport(DatagramTransport delegate, InetAddress localAddress, PcapWriter writer) {
        if (writer.linkType() != PcapWriter.LINKTYPE_RAW) {
            throw new IllegalArgumentException("the outer capture needs a LINKTYPE_RAW writer, got " + writer.linkType());
        }
        this.delegate = delegate;
        this.localAddress = localAddress;
        this.writer = writer;
    }

    @Override
    public void open(Receiver receiver) throws IOException {
        delegate.open((localPort, remote, datagram) -> {
            record(remote.getAddress(), remote.getPort(), localAddress, localPort, datagram);
            receiver.onDatagram(localPort, remote, datagram);
        });
    }

    @Override
    public boolean send(int localPort, InetSocketAddress remote, PacketBuffer datagram) {
        record(localAddress, localPort, remote.getAddress(), remote.getPort(), datagram);
        return delegate.send(localPort, remote, datagram);
    }

    private void record(InetAddress src, int srcPort, InetAddress dst, int dstPort, PacketBuffer datagram) {
        if (failed || src.getClass() != dst.getClass()) {
            return;
        }
        byte[] packet = IpPackets.udp(src, srcPort, dst, dstPort, datagram.toByteArray());
        Instant t = Instant.now();
        synchronized (writer) {
            try {
                writer.write(t.getEpochSecond() * 1_000_000_000L + t.getNano(), packet);
            } catch (RuntimeException e) {
                failed = true;
                LOG.warn("outer capture failed; capture stopped: {}", e.toString());
            }
        }
    }

    @Override
    public List<InetSocketAddress> localEndpoints() {
        return delegate.localEndpoints();
    }

    @Override
    public void close() {
        delegate.close();
    }
}

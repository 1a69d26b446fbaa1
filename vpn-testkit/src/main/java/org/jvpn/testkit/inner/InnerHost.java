package org.jvpn.testkit.inner;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jvpn.testkit.ip.IpPacket;
import org.jvpn.testkit.ip.IpPackets;

/**
 * A tiny IP host behind a {@link MemoryTunnelDevice}: answers ICMP/ICMPv6 echo requests (like any
 * host), echoes UDP on ports given to {@link #udpEcho}, and runs {@link Pinger}s, {@link UdpSource}s and
 * {@link UdpSink}s. Packets whose IPv4 header, ICMP or UDP checksum does not verify are dropped and
 * counted, as a real stack would. Runs on the device's scheduler.
 */
public final class InnerHost {

    private final MemoryTunnelDevice device;
    private final InetAddress address;
    private final Set<Integer> echoPorts = new HashSet<>();
    private final Map<Integer, UdpHandler> udpHandlers = new HashMap<>();
    private final Map<Integer, Pinger> pingers = new HashMap<>();
    private boolean answerPings = true;
    private int nextPingId = 0x4a56;
    private int ipId;
    private long received;
    private long badChecksum;
    private long unhandled;

    InnerHost(MemoryTunnelDevice device, InetAddress address) {
        this.device = device;
        this.address = address;
    }

    public InetAddress address() {
        return address;
    }

    public MemoryTunnelDevice device() {
        return device;
    }

    /** Whether to answer echo requests (default true). */
    public synchronized InnerHost answerPings(boolean answer) {
        this.answerPings = answer;
        return this;
    }

    /** Echoes every UDP datagram received on {@code port} back to its sender. */
    public synchronized InnerHost udpEcho(int port) {
        echoPorts.add(port);
        return this;
    }

    /** Calls {@code handler} for UDP datagrams received on {@code port}. */
    public synchronized InnerHost onUdp(int port, UdpHandler handler) {
        udpHandlers.put(port, handler);
        return this;
    }

    /** A pinger from this host to {@code destination} (same address family). */
    public synchronized Pinger pinger(String destination) {
        int id = nextPingId++ & 0xffff;
        Pinger p = new Pinger(this, IpPackets.address(destination), id);
        pingers.put(id, p);
        return p;
    }

    /** A numbered UDP stream from {@code srcPort} to {@code destination:dstPort}. */
    public UdpSource udpSource(int srcPort, String destination, int dstPort) {
        return new UdpSource(this, srcPort, IpPackets.address(destination), dstPort);
    }

    /** A sink counting a {@link UdpSource}'s datagrams arriving on {@code port}. */
    public UdpSink udpSink(int port) {
        UdpSink s = new UdpSink();
        onUdp(port, (src, srcPort, data) -> s.accept(data));
        return s;
    }

    /** Sends a UDP datagram into the tunnel; false if the device dropped it. */
    public boolean sendUdp(int srcPort, InetAddress dst, int dstPort, byte[] data) {
        byte[] p = IpPackets.udp(address, srcPort, dst, dstPort, data);
        stampId(p);
        return device.inject(p);
    }

    /** Sends a ready-made IP packet into the tunnel. */
    public boolean sendRaw(byte[] ipPacket) {
        return device.inject(ipPacket);
    }

    /** Packets received (all, including dropped ones). */
    public synchronized long received() {
        return received;
    }

    /** Packets dropped because a checksum did not verify. */
    public synchronized long badChecksums() {
        return badChecksum;
    }

    /** Packets nobody handled (no echo, no handler). */
    public synchronized long unhandled() {
        return unhandled;
    }

    boolean sendEcho(boolean request, InetAddress dst, int id, int seq, byte[] data) {
        byte[] p = request ? IpPackets.echoRequest(address, dst, id, seq, data) : IpPackets.echoReply(address, dst, id, seq, data);
        stampId(p);
        return device.inject(p);
    }

    void receive(IpPacket p) {
        synchronized (this) {
            received++;
            if (!p.checksumsOk()) {
                badChecksum++;
                return;
            }
        }
        IpPacket.Echo echo = p.echo();
        if (echo != null) {
            if (echo.request()) {
                boolean answer;
                synchronized (this) {
                    answer = answerPings;
                }
                if (answer) {
                    sendEcho(false, p.source(), echo.identifier(), echo.sequence(), echo.data());
                    return;
                }
            } else {
                Pinger pinger;
                synchronized (this) {
                    pinger = pingers.get(echo.identifier());
                }
                if (pinger != null) {
                    pinger.onReply(p.source(), echo);
                    return;
                }
            }
            countUnhandled();
            return;
        }
        IpPacket.Udp udp = p.udp();
        if (udp != null) {
            UdpHandler h;
            boolean echoIt;
            synchronized (this) {
                h = udpHandlers.get(udp.destinationPort());
                echoIt = echoPorts.contains(udp.destinationPort());
            }
            if (echoIt) {
                sendUdp(udp.destinationPort(), p.source(), udp.sourcePort(), udp.data());
            }
            if (h != null) {
                h.onDatagram(p.source(), udp.sourcePort(), udp.data());
            }
            if (echoIt || h != null) {
                return;
            }
        }
        countUnhandled();
    }

    private synchronized void countUnhandled() {
        unhandled++;
    }

    private void stampId(byte[] p) {
        int id;
        synchronized (this) {
            id = ++ipId;
        }
        IpPackets.setIdentification(p, id);
    }

    @Override
    public String toString() {
        return "InnerHost[" + address.getHostAddress() + " on " + device.name() + "]";
    }

    /** Receives UDP datagrams for a port. */
    @FunctionalInterface
    public interface UdpHandler {
        void onDatagram(InetAddress source, int sourcePort, byte[] data);
    }
}

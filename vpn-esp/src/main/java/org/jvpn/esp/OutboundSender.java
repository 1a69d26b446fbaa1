package org.jvpn.esp;

import java.net.InetSocketAddress;
import org.jvpn.api.spi.io.DatagramTransport;
import org.jvpn.api.spi.io.PacketBuffer;

/** Where the data plane sends UDP payloads (ESP-in-UDP, keepalives). Must not keep the buffer. */
@FunctionalInterface
public interface OutboundSender {

    /** Sends {@code payload} as one UDP datagram from {@code local} to {@code remote}; false if dropped. */
    boolean send(InetSocketAddress local, InetSocketAddress remote, PacketBuffer payload);

    /** Sends through a transport, from the local endpoint's port. */
    static OutboundSender of(DatagramTransport transport) {
        return (local, remote, payload) -> transport.send(local.getPort(), remote, payload);
    }
}

package org.jvpn.api.spi.io;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The outer side: UDP datagrams between this gateway and its peers, carrying IKE (port 500), and IKE
 * with a non-ESP marker, ESP-in-UDP and NAT-keepalives (port 4500, RFC 3948). Modelled on
 * wireguard-go's {@code conn.Bind}.
 *
 * <p>Implementations: real UDP on {@code DatagramChannel} (vpn-ike), the testkit's in-memory network.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #open} binds every configured local port and starts delivering received datagrams to the
 *       receiver, on the transport's I/O thread(s). The receiver owns the buffer only for the duration
 *       of the callback; the transport may reuse it afterwards.</li>
 *   <li>{@link #send} may be called from any thread; it never blocks for long (a full socket buffer
 *       drops the datagram, which is what UDP would do). The transport does not keep the buffer after
 *       returning. Send failures are reported by return value, never thrown.</li>
 *   <li>After {@link #close()} nothing is delivered and sends are dropped.</li>
 * </ul>
 */
public interface DatagramTransport extends AutoCloseable {

    /** Binds the local endpoints and starts delivering datagrams to {@code receiver}. */
    void open(Receiver receiver) throws IOException;

    /**
     * Sends {@code datagram}'s bytes (its {@code [offset, offset+length)}) as one UDP payload from
     * {@code localPort} to {@code remote}.
     *
     * @return true if handed to the network, false if dropped (closed, unbound port, buffer full)
     */
    boolean send(int localPort, InetSocketAddress remote, PacketBuffer datagram);

    /** The bound local endpoints (address and port), once open. */
    List<InetSocketAddress> localEndpoints();

    /** Stops delivery and releases the sockets. Idempotent. */
    @Override
    void close();

    /** Receives datagrams from the transport. */
    @FunctionalInterface
    interface Receiver {
        /**
         * One received datagram.
         *
         * @param localPort the local port it arrived on (500, 4500 or as configured)
         * @param remote    the sender's address and port as seen here (after any NAT)
         * @param datagram  the UDP payload; valid only during this call
         */
        void onDatagram(int localPort, InetSocketAddress remote, PacketBuffer datagram);
    }
}

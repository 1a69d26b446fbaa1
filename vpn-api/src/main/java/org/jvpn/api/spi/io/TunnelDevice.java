package org.jvpn.api.spi.io;

import java.io.IOException;

/**
 * The inner side: plain IPv4/IPv6 packets between the host's protected network and the gateway.
 * Packets the host sends are read by the gateway, matched against policies, encrypted and sent to a
 * peer; packets decrypted from peers are written to the device. Modelled on wireguard-go's
 * {@code tun.Device}.
 *
 * <p>Implementations: the testkit's in-memory device with tiny inner hosts, a built-in inner host for
 * the CLI, or a real TUN device.
 *
 * <p>Contract: {@link #open} starts delivering outbound packets (host to tunnel) to the receiver on the
 * device's thread(s); buffers delivered carry at least {@link PacketBuffer#DEFAULT_HEADROOM} bytes of
 * headroom and {@link PacketBuffer#DEFAULT_TAILROOM} of tailroom so ESP is written in place, and the
 * receiver owns a buffer only during the callback. {@link #write} may be called from any thread and does
 * not keep the buffer after returning.
 */
public interface TunnelDevice extends AutoCloseable {

    /** Starts delivering packets that the host sends into the tunnel. */
    void open(Receiver receiver) throws IOException;

    /** Hands a decrypted inner IP packet to the host. Returns false if it was dropped. */
    boolean write(PacketBuffer packet);

    /** The device MTU: the largest inner packet the host will send. */
    int mtu();

    /** Stops delivery. Idempotent. */
    @Override
    void close();

    /** Receives packets that the host sends into the tunnel. */
    @FunctionalInterface
    interface Receiver {
        /** One outbound inner IP packet; valid only during this call. */
        void onPacket(PacketBuffer packet);
    }
}

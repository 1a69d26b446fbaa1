package org.jvpn.esp;

import org.jvpn.api.spi.io.PacketBuffer;
import org.jvpn.api.spi.io.TunnelDevice;

/** Where decrypted inner IP packets go. Must not keep the buffer after returning. */
@FunctionalInterface
public interface InnerSink {

    /** Takes one inner IPv4/IPv6 packet; false if it was dropped. */
    boolean deliver(PacketBuffer innerPacket);

    static InnerSink of(TunnelDevice device) {
        return device::write;
    }
}

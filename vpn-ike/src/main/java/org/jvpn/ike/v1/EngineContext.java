package org.jvpn.ike.v1;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.jvpn.api.ConnectionEvent;
import org.jvpn.api.RekeyPolicy;
import org.jvpn.api.RetransmitPolicy;
import org.jvpn.api.spi.crypto.CryptoBackend;
import org.jvpn.api.spi.crypto.RandomSource;
import org.jvpn.api.spi.dataplane.Dataplane;
import org.jvpn.api.spi.keylog.KeyLogSink;
import org.jvpn.api.spi.time.Scheduler;

/**
 * Everything the engine needs from outside, supplied by the gateway (or a test). All calls happen on
 * the scheduler's thread.
 */
public interface EngineContext {

    Scheduler scheduler();

    RandomSource random();

    CryptoBackend crypto();

    Dataplane dataplane();

    KeyLogSink keyLog();

    RetransmitPolicy retransmit();

    /** When SAs are renewed before their lifetimes end. */
    default RekeyPolicy rekey() {
        return RekeyPolicy.DEFAULT;
    }

    /** Anti-replay window of inbound SAs. */
    int replayWindow();

    /** Our outer address (the VPN service's local address). */
    InetAddress localAddress();

    /** IKE port, ours and the peers' (500). */
    int ikePort();

    /** NAT-T port, ours and the peers' (4500). */
    int nattPort();

    /**
     * Sends one ISAKMP message. On {@link #nattPort()} the gateway prepends the 4-byte non-ESP marker
     * (RFC 3948 section 2.2).
     */
    void sendIke(int localPort, InetSocketAddress remote, byte[] message);

    /** A connection event for listeners. */
    void onEvent(ConnectionEvent event);
}

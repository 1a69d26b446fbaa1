package org.jvpn.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jvpn.api.config.IpsecSiteConnection;

/**
 * What a host holds for one IPsec site connection of a {@link VpnGateway}: its state, SAs, counters and
 * events. Thread-safe: every accessor returns a snapshot.
 */
public interface ConnectionHandle {

    /** The connection's name (unique in its gateway). */
    String name();

    /** The configuration currently in force. */
    IpsecSiteConnection config();

    ConnectionState state();

    /**
     * Why the last negotiation failed, in words a user can act on (which proposal attribute did not
     * match, whether the PSK or the ID differs, which peer ID was seen), if it failed.
     */
    Optional<String> lastError();

    /** The current ISAKMP SA, if any. */
    Optional<IkeSaInfo> ikeSa();

    /** The installed IPsec SA pairs. */
    List<IpsecSaInfo> ipsecSas();

    ConnectionStats stats();

    /** Adds a listener for this connection's events (called on the gateway's event loop). */
    void addListener(ConnectionListener listener);

    void removeListener(ConnectionListener listener);

    /** Starts negotiating now if not up (also for response-only connections: an explicit request). */
    void initiate();

    /**
     * Blocks the calling thread until the connection is {@link ConnectionState#UP} or {@code timeout}
     * passes on the gateway's clock. Never call it on the gateway's event loop; with a virtual scheduler
     * (tests) drive the scheduler instead and check {@link #state()}.
     *
     * @return whether the connection is up
     */
    boolean awaitUp(Duration timeout) throws InterruptedException;
}

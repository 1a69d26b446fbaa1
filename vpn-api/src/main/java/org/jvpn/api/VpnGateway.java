package org.jvpn.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.jvpn.api.config.GatewayConfig;
import org.jvpn.api.config.IpsecSiteConnection;

/**
 * A site-to-site IPsec gateway: one {@link org.jvpn.api.config.VpnService} with its connections,
 * running on an outer transport, an inner tunnel device, a scheduler and a random source
 * ({@link GatewayOptions}). Created with {@link #create}, which finds the implementation (vpn-ike) with
 * {@link ServiceLoader}.
 *
 * <p>Thread-safe: every method may be called from any thread; the work happens on the gateway's event
 * loop.
 *
 * <pre>{@code
 * try (VpnGateway gw = VpnGateway.create(config, GatewayOptions.builder().tunnel(device).build())) {
 *     gw.start();
 *     gw.connection("branch-1").orElseThrow().awaitUp(Duration.ofSeconds(10));
 * }
 * }</pre>
 */
public interface VpnGateway extends AutoCloseable {

    /** Creates a gateway with the first {@link VpnGatewayProvider} found. */
    static VpnGateway create(GatewayConfig config, GatewayOptions options) {
        return provider().create(config, options);
    }

    /** The first {@link VpnGatewayProvider} on the module or class path. */
    static VpnGatewayProvider provider() {
        return ServiceLoader.load(VpnGatewayProvider.class, VpnGateway.class.getClassLoader()).findFirst()
                .or(() -> ServiceLoader.load(VpnGatewayProvider.class).findFirst())
                .orElseThrow(() -> new IllegalStateException(
                        "no VpnGatewayProvider found: add the vpn-ike module (org.jvpn:vpn-ike) to the module or class path"));
    }

    /**
     * Binds the transport, opens the tunnel device and brings up every admin-up connection
     * (bi-directional ones initiate; response-only ones wait).
     */
    void start();

    /**
     * Sends Deletes for every SA, waits up to {@code wait} for them to leave, then closes the
     * transport and device. Idempotent.
     */
    void stop(Duration wait);

    /** Adds a connection at run time (it must belong to this gateway's service). */
    ConnectionHandle addConnection(IpsecSiteConnection connection);

    /** Removes a connection: its SAs are deleted (with Deletes to the peer). */
    boolean removeConnection(String name);

    /** Replaces a connection's configuration; the connection renegotiates. */
    ConnectionHandle updateConnection(IpsecSiteConnection connection);

    Optional<ConnectionHandle> connection(String name);

    List<ConnectionHandle> connections();

    /** The current configuration (service and connections). */
    GatewayConfig config();

    /** A human-readable SA table: per connection its state, IKE SA and IPsec SAs with counters. */
    String statusReport();

    /** {@link #stop(Duration)} with a short default wait. */
    @Override
    default void close() {
        stop(Duration.ofSeconds(2));
    }
}

package org.jvpn.ike.v1;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.ConnectionState;
import org.jvpn.api.config.Cidr;
import org.jvpn.api.config.IpsecSiteConnection;
import org.jvpn.api.spi.time.Timer;

/**
 * The engine's state for one IPsec site connection: its policies (one per local x peer CIDR pair), the
 * current ISAKMP SA, the installed IPsec SA pairs, and what went wrong last. Event-loop confined.
 */
final class ConnectionRuntime {

    /** One dataplane policy: traffic from {@code local} to {@code remote}. */
    record Policy(long id, Cidr local, Cidr remote) {}

    IpsecSiteConnection config;
    final List<Policy> policies = new ArrayList<>();
    final List<ChildSa> children = new ArrayList<>();
    @Nullable IkeSa ikeSa;
    ConnectionState state = ConnectionState.DOWN;
    @Nullable String lastError;
    @Nullable Timer retryTimer;
    @Nullable Timer dpdTimer;
    int failures;
    long ikeRetransmits;
    long ipsecRekeys;
    long ikeRekeys;
    /** How often the peer's outer endpoint changed under established SAs (NAT rebinding). */
    long peerMoves;
    boolean removed;
    /** Set while all SAs are being removed at once (no intermediate state changes). */
    boolean tearingDown;
    /** Rekeys due while no ISAKMP SA was up: policy id -> clock time the rekey fell due. */
    final java.util.Map<Long, Long> pendingRekeys = new java.util.LinkedHashMap<>();
    /** Inbound SPIs of replaced pairs still accepting in-flight traffic (make-before-break). */
    final List<Integer> retiring = new ArrayList<>();
    /** Counters of SAs already removed, so that totals survive rekeys. */
    long retiredBytesIn;
    long retiredBytesOut;
    long retiredPacketsIn;
    long retiredPacketsOut;
    /** DPD action clear ran: traffic does not bring the tunnel up again until initiated or the peer comes. */
    boolean cleared;

    ConnectionRuntime(IpsecSiteConnection config) {
        this.config = config;
    }

    String name() {
        return config.name();
    }

    /** The peer's IKE endpoint on {@code port}, when the peer address is an IP literal. */
    @Nullable InetSocketAddress peerEndpoint(int port) {
        return config.peerInetAddress().map(a -> new InetSocketAddress(a, port)).orElse(null);
    }

    boolean matchesPeer(InetAddress address) {
        return config.peerInetAddress().map(a -> a.equals(address)).orElse(false);
    }

    @Nullable Policy policyFor(Cidr local, Cidr remote) {
        for (Policy p : policies) {
            if (p.local.equals(local) && p.remote.equals(remote)) {
                return p;
            }
        }
        return null;
    }

    @Nullable Policy policy(long id) {
        for (Policy p : policies) {
            if (p.id == id) {
                return p;
            }
        }
        return null;
    }

    boolean hasChildFor(long policyId) {
        for (ChildSa c : children) {
            if (c.policyId() == policyId) {
                return true;
            }
        }
        return false;
    }

    boolean allPoliciesUp() {
        for (Policy p : policies) {
            if (!hasChildFor(p.id)) {
                return false;
            }
        }
        return !policies.isEmpty();
    }

    void cancelTimers() {
        if (retryTimer != null) {
            retryTimer.cancel();
            retryTimer = null;
        }
        if (dpdTimer != null) {
            dpdTimer.cancel();
            dpdTimer = null;
        }
    }
}

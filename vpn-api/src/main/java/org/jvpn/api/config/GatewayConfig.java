package org.jvpn.api.config;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A whole gateway's configuration: one {@link VpnService} and its {@link IpsecSiteConnection}s (a
 * multi-site hub). Connection names are unique, every connection belongs to this service, and no two
 * connections have overlapping peer CIDRs (traffic to an address must pick exactly one tunnel).
 * Immutable; connections keep the order in which they were added.
 *
 * <pre>{@code
 * GatewayConfig gw = GatewayConfig.builder(vs).addConnection(toBranchA).addConnection(toBranchB).build();
 * gw = gw.withConnection(toBranchC);          // adds, or replaces the one with the same name
 * }</pre>
 */
public final class GatewayConfig {

    static final String RESOURCE = "GatewayConfig";

    private final VpnService service;
    private final Map<String, IpsecSiteConnection> connections;

    private GatewayConfig(VpnService service, Map<String, IpsecSiteConnection> connections) {
        this.service = service;
        this.connections = connections;
    }

    public static Builder builder(VpnService service) {
        return new Builder(service);
    }

    /** The service with these connections; see {@link Builder#addConnection}. */
    public static GatewayConfig of(VpnService service, Collection<IpsecSiteConnection> connections) {
        return builder(service).addConnections(connections).build();
    }

    public Builder toBuilder() {
        return builder(service).addConnections(connections.values());
    }

    public VpnService service() {
        return service;
    }

    /** The connections in the order they were added. */
    public List<IpsecSiteConnection> connections() {
        return List.copyOf(connections.values());
    }

    /** The connection with this name. */
    public Optional<IpsecSiteConnection> connection(String name) {
        return Optional.ofNullable(connections.get(name));
    }

    /** A copy with {@code connection} added, or replacing the one of the same name (keeping its position). */
    public GatewayConfig withConnection(IpsecSiteConnection connection) {
        Builder b = builder(service);
        boolean replaced = false;
        for (IpsecSiteConnection c : connections.values()) {
            if (c.name().equals(connection.name())) {
                b.addConnection(connection);
                replaced = true;
            } else {
                b.addConnection(c);
            }
        }
        if (!replaced) {
            b.addConnection(connection);
        }
        return b.build();
    }

    /** A copy without the connection of this name (unchanged if there is none). */
    public GatewayConfig withoutConnection(String name) {
        Builder b = builder(service);
        connections.values().stream().filter(c -> !c.name().equals(name)).forEach(b::addConnection);
        return b.build();
    }

    /** Every connection's warnings about weak legacy choices, each once. */
    public List<String> warnings() {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        connections.values().forEach(c -> out.addAll(c.warnings()));
        return List.copyOf(out);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof GatewayConfig g && g.service.equals(service)
                && List.copyOf(g.connections.values()).equals(List.copyOf(connections.values()));
    }

    @Override
    public int hashCode() {
        return service.hashCode() * 31 + List.copyOf(connections.values()).hashCode();
    }

    @Override
    public String toString() {
        return "GatewayConfig[service=" + service + ", connections=" + connections.values() + "]";
    }

    /** Builds a {@link GatewayConfig}; each added connection is checked against the others at once. */
    public static final class Builder {
        private final VpnService service;
        private final Where where;
        private final Map<String, IpsecSiteConnection> connections = new LinkedHashMap<>();

        private Builder(VpnService service) {
            this.service = service;
            this.where = new Where(RESOURCE, service.name());
        }

        /**
         * Adds a connection. Refused: a name already present, a connection of another service, and peer CIDRs
         * overlapping those of a connection already present.
         */
        public Builder addConnection(IpsecSiteConnection c) {
            if (connections.containsKey(c.name())) {
                throw where.fail("connection", c.name(), "is listed twice; expected unique connection names");
            }
            if (!c.service().equals(service)) {
                throw where.fail("connection", c.name(), c.service().name().equals(service.name())
                        ? "belongs to a different VpnService '" + c.service().name() + "' (its settings differ); expected "
                                + "VpnService '" + service.name() + "' as configured here"
                        : "belongs to VpnService '" + c.service().name() + "'; expected VpnService '" + service.name() + "'");
            }
            for (IpsecSiteConnection other : connections.values()) {
                Cidr[] overlap = IpsecSiteConnection.firstPeerOverlap(c, other);
                if (overlap != null) {
                    throw where.fail("connection", c.name(), "has peerCidrs '" + overlap[0] + "' overlapping peerCidrs '"
                            + overlap[1] + "' of connection '" + other.name() + "'; expected disjoint peer subnets");
                }
            }
            connections.put(c.name(), c);
            return this;
        }

        public Builder addConnections(Collection<IpsecSiteConnection> connections) {
            connections.forEach(this::addConnection);
            return this;
        }

        public GatewayConfig build() {
            return new GatewayConfig(service, new LinkedHashMap<>(connections));
        }
    }
}

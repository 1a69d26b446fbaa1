package org.jvpn.api.config;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A VPN service (Neutron VPNaaS {@code vpnservice}): the gateway side shared by its connections, with its
 * outer address and the subnets behind it. Immutable; build with {@link #builder(String)}.
 *
 * <pre>{@code
 * VpnService vs = VpnService.builder("vs1").localAddress("192.0.2.1").localSubnets("10.1.0.0/24").build();
 * }</pre>
 */
public final class VpnService {

    static final String RESOURCE = "VpnService";

    private final String name;
    private final @Nullable String description;
    private final InetAddress localAddress;
    private final List<Cidr> localSubnets;
    private final @Nullable String routerId;
    private final @Nullable String vpcId;
    private final boolean adminStateUp;

    private VpnService(Builder b, InetAddress localAddress, List<Cidr> localSubnets) {
        this.name = b.name;
        this.description = b.description;
        this.localAddress = localAddress;
        this.localSubnets = localSubnets;
        this.routerId = b.routerId;
        this.vpcId = b.vpcId;
        this.adminStateUp = b.adminStateUp;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public String name() {
        return name;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** The gateway's outer address: the IKE and ESP endpoint (IPv4 or IPv6). */
    public InetAddress localAddress() {
        return localAddress;
    }

    /** The subnets behind the gateway: one or more, unique, of one IP version. */
    public List<Cidr> localSubnets() {
        return localSubnets;
    }

    /** An opaque reference to the host's router, if any. */
    public Optional<String> routerId() {
        return Optional.ofNullable(routerId);
    }

    /** An opaque reference to the host's VPC, if any. */
    public Optional<String> vpcId() {
        return Optional.ofNullable(vpcId);
    }

    public boolean adminStateUp() {
        return adminStateUp;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof VpnService s && s.name.equals(name) && Objects.equals(s.description, description)
                && s.localAddress.equals(localAddress) && s.localSubnets.equals(localSubnets)
                && Objects.equals(s.routerId, routerId) && Objects.equals(s.vpcId, vpcId) && s.adminStateUp == adminStateUp;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, localAddress, localSubnets, routerId, vpcId, adminStateUp);
    }

    @Override
    public String toString() {
        return "VpnService[name=" + name + (description == null ? "" : ", description=" + description)
                + ", localAddress=" + Cidr.format(localAddress) + ", localSubnets=" + localSubnets
                + (routerId == null ? "" : ", routerId=" + routerId) + (vpcId == null ? "" : ", vpcId=" + vpcId)
                + ", adminStateUp=" + adminStateUp + "]";
    }

    /** Builds a {@link VpnService}; every setter validates at once and throws {@link ConfigException}. */
    public static final class Builder {
        private String name;
        private Where where;
        private @Nullable String description;
        private @Nullable InetAddress localAddress;
        private @Nullable List<Cidr> localSubnets;
        private @Nullable String routerId;
        private @Nullable String vpcId;
        private boolean adminStateUp = true;

        private Builder(String name) {
            this.name = Rules.name(RESOURCE, name);
            this.where = new Where(RESOURCE, name);
        }

        private Builder(VpnService s) {
            this(s.name);
            description = s.description;
            localAddress = s.localAddress;
            localSubnets = s.localSubnets;
            routerId = s.routerId;
            vpcId = s.vpcId;
            adminStateUp = s.adminStateUp;
        }

        /** The name: 1 to 255 characters. Set by {@link VpnService#builder(String)}. */
        public Builder name(String name) {
            this.name = Rules.name(RESOURCE, name);
            this.where = new Where(RESOURCE, name);
            return this;
        }

        /** Free text, at most 255 characters; null for none. Default: none. */
        public Builder description(@Nullable String description) {
            this.description = Rules.description(where, description);
            return this;
        }

        /** Required: the gateway's own unicast IPv4 or IPv6 address (not a wildcard, not multicast). */
        public Builder localAddress(InetAddress address) {
            this.localAddress = Rules.endpoint(where, "localAddress", address);
            return this;
        }

        /** An IPv4 or IPv6 literal ({@code "192.0.2.1"}, {@code "2001:db8::1"}); DNS names are refused. */
        public Builder localAddress(String address) {
            this.localAddress = Rules.endpoint(where, "localAddress", address);
            return this;
        }

        /** Required: one or more CIDRs behind the gateway, unique, all IPv4 or all IPv6. Replaces earlier ones. */
        public Builder localSubnets(Collection<Cidr> subnets) {
            this.localSubnets = Rules.cidrs(where, "localSubnets", subnets);
            return this;
        }

        public Builder localSubnets(Cidr... subnets) {
            return localSubnets(Arrays.asList(subnets));
        }

        /** CIDR strings ({@code "10.1.0.0/24"}); see {@link #localSubnets(Collection)}. */
        public Builder localSubnets(String... subnets) {
            this.localSubnets = Rules.cidrs(where, "localSubnets", subnets);
            return this;
        }

        /** Adds one subnet to those set so far. */
        public Builder addLocalSubnet(Cidr subnet) {
            List<Cidr> all = new ArrayList<>(localSubnets == null ? List.of() : localSubnets);
            all.add(subnet);
            return localSubnets(all);
        }

        public Builder addLocalSubnet(String subnet) {
            return addLocalSubnet(Rules.cidr(where, "localSubnets", subnet));
        }

        /** An opaque router reference (not interpreted); null for none. Default: none. */
        public Builder routerId(@Nullable String routerId) {
            this.routerId = opaque("routerId", routerId);
            return this;
        }

        /** An opaque VPC reference (not interpreted); null for none. Default: none. */
        public Builder vpcId(@Nullable String vpcId) {
            this.vpcId = opaque("vpcId", vpcId);
            return this;
        }

        private @Nullable String opaque(String field, @Nullable String value) {
            if (value != null && (value.isBlank() || value.length() > Rules.MAX_TEXT)) {
                throw where.fail(field, value, "is not a valid reference; expected 1.." + Rules.MAX_TEXT
                        + " non-blank characters, or none");
            }
            return value;
        }

        /** Whether the service is enabled. Default: true. */
        public Builder adminStateUp(boolean up) {
            this.adminStateUp = up;
            return this;
        }

        public VpnService build() {
            InetAddress addr = Rules.required(where, "localAddress", localAddress, "an IPv4 or IPv6 address");
            List<Cidr> subnets = Rules.required(where, "localSubnets", localSubnets, "one or more CIDRs");
            return new VpnService(this, addr, subnets);
        }
    }
}

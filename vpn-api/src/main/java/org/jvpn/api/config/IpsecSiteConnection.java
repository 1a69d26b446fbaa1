package org.jvpn.api.config;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An IPsec site connection (Neutron VPNaaS {@code ipsec_site_connection}): one tunnel from a
 * {@link VpnService} to a peer gateway, with its policies, subnets, key and timers. Immutable; build with
 * {@link #builder(String)}.
 *
 * <pre>{@code
 * IpsecSiteConnection c = IpsecSiteConnection.builder("to-branch")
 *         .service(vs).ikePolicy(ike).ipsecPolicy(ipsec)
 *         .peerAddress("198.51.100.7").peerCidrs("10.2.0.0/24")
 *         .psk("correct horse battery staple")
 *         .build();
 * }</pre>
 */
public final class IpsecSiteConnection {

    public static final int DEFAULT_MTU = 1500;
    /** Smallest MTU for IPv4 inner traffic (RFC 791) and for IPv6 (RFC 8200). */
    public static final int MIN_MTU_IPV4 = 68;
    public static final int MIN_MTU_IPV6 = 1280;
    public static final int MAX_MTU = 65535;

    static final String RESOURCE = "IpsecSiteConnection";

    private final String name;
    private final @Nullable String description;
    private final VpnService service;
    private final IkePolicy ikePolicy;
    private final IpsecPolicy ipsecPolicy;
    private final String peerAddress;
    private final @Nullable InetAddress peerInetAddress;
    private final PeerId peerId;
    private final PeerId localId;
    private final List<Cidr> peerCidrs;
    private final List<Cidr> localCidrs;
    private final PreSharedKey psk;
    private final int mtu;
    private final InitiatorMode initiator;
    private final Dpd dpd;
    private final boolean adminStateUp;
    // What was set explicitly, so that toBuilder() keeps following the defaults for the rest.
    private final boolean peerIdSet;
    private final boolean localIdSet;
    private final boolean localCidrsSet;

    private IpsecSiteConnection(Builder b, Resolved r) {
        this.name = b.name;
        this.description = b.description;
        this.service = r.service;
        this.ikePolicy = r.ikePolicy;
        this.ipsecPolicy = r.ipsecPolicy;
        this.peerAddress = r.peerAddress;
        this.peerInetAddress = b.peerInetAddress;
        this.peerId = r.peerId;
        this.localId = r.localId;
        this.peerCidrs = r.peerCidrs;
        this.localCidrs = r.localCidrs;
        this.psk = r.psk;
        this.mtu = b.mtu;
        this.initiator = b.initiator;
        this.dpd = b.dpd;
        this.adminStateUp = b.adminStateUp;
        this.peerIdSet = b.peerId != null;
        this.localIdSet = b.localId != null;
        this.localCidrsSet = b.localCidrs != null;
    }

    private record Resolved(VpnService service, IkePolicy ikePolicy, IpsecPolicy ipsecPolicy, String peerAddress,
            PeerId peerId, PeerId localId, List<Cidr> peerCidrs, List<Cidr> localCidrs, PreSharedKey psk) {}

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

    public VpnService service() {
        return service;
    }

    public IkePolicy ikePolicy() {
        return ikePolicy;
    }

    public IpsecPolicy ipsecPolicy() {
        return ipsecPolicy;
    }

    /** The peer's outer address as configured: an IP literal (canonical form) or a host name. */
    public String peerAddress() {
        return peerAddress;
    }

    /** The peer's address when {@link #peerAddress()} is a literal; empty for a host name (never resolved here). */
    public Optional<InetAddress> peerInetAddress() {
        return Optional.ofNullable(peerInetAddress);
    }

    /** The identity the peer must present. Default: its address (or host name as FQDN). */
    public PeerId peerId() {
        return peerId;
    }

    /** The identity this gateway presents. Default: the service's local address. */
    public PeerId localId() {
        return localId;
    }

    /** The subnets behind the peer. */
    public List<Cidr> peerCidrs() {
        return peerCidrs;
    }

    /** The subnets on this side. Default: the service's local subnets. */
    public List<Cidr> localCidrs() {
        return localCidrs;
    }

    public PreSharedKey psk() {
        return psk;
    }

    public int mtu() {
        return mtu;
    }

    public InitiatorMode initiator() {
        return initiator;
    }

    public Dpd dpd() {
        return dpd;
    }

    public boolean adminStateUp() {
        return adminStateUp;
    }

    /** Whether the inner traffic (both CIDR lists) is IPv6. */
    public boolean isIpv6Inner() {
        return peerCidrs.get(0).isIpv6();
    }

    /** The policies' warnings about weak legacy choices, then this connection's own. */
    public List<String> warnings() {
        LinkedHashSet<String> out = new LinkedHashSet<>(ikePolicy.warnings());
        out.addAll(ipsecPolicy.warnings());
        return List.copyOf(out);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof IpsecSiteConnection c && c.name.equals(name) && Objects.equals(c.description, description)
                && c.service.equals(service) && c.ikePolicy.equals(ikePolicy) && c.ipsecPolicy.equals(ipsecPolicy)
                && c.peerAddress.equals(peerAddress) && c.peerId.equals(peerId) && c.localId.equals(localId)
                && c.peerCidrs.equals(peerCidrs) && c.localCidrs.equals(localCidrs) && c.psk.equals(psk)
                && c.mtu == mtu && c.initiator == initiator && c.dpd.equals(dpd) && c.adminStateUp == adminStateUp;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, service, ikePolicy, ipsecPolicy, peerAddress, peerId, localId, peerCidrs,
                localCidrs, psk, mtu, initiator, dpd, adminStateUp);
    }

    /** Names the service and policies rather than repeating them; the PSK shows as {@code hidden}. */
    @Override
    public String toString() {
        return "IpsecSiteConnection[name=" + name + (description == null ? "" : ", description=" + description)
                + ", service=" + service.name() + ", ikePolicy=" + ikePolicy.name() + ", ipsecPolicy=" + ipsecPolicy.name()
                + ", peerAddress=" + peerAddress + ", peerId=" + peerId + ", localId=" + localId
                + ", peerCidrs=" + peerCidrs + ", localCidrs=" + localCidrs + ", psk=hidden, mtu=" + mtu
                + ", initiator=" + initiator + ", dpd=" + dpd + ", adminStateUp=" + adminStateUp + "]";
    }

    /**
     * Builds an {@link IpsecSiteConnection}. Every setter validates at once and throws {@link ConfigException};
     * {@link #build()} checks that the parts fit together (IP versions, overlaps, DPD timers, MTU).
     */
    public static final class Builder {
        private String name;
        private Where where;
        private @Nullable String description;
        private @Nullable VpnService service;
        private @Nullable IkePolicy ikePolicy;
        private @Nullable IpsecPolicy ipsecPolicy;
        private @Nullable String peerAddress;
        private @Nullable InetAddress peerInetAddress;
        private @Nullable PeerId peerId;
        private @Nullable PeerId localId;
        private @Nullable List<Cidr> peerCidrs;
        private @Nullable List<Cidr> localCidrs;
        private @Nullable PreSharedKey psk;
        private int mtu = DEFAULT_MTU;
        private InitiatorMode initiator = InitiatorMode.BI_DIRECTIONAL;
        private Dpd dpd = Dpd.DEFAULT;
        private boolean adminStateUp = true;

        private Builder(String name) {
            this.name = Rules.name(RESOURCE, name);
            this.where = new Where(RESOURCE, name);
        }

        private Builder(IpsecSiteConnection c) {
            this(c.name);
            description = c.description;
            service = c.service;
            ikePolicy = c.ikePolicy;
            ipsecPolicy = c.ipsecPolicy;
            peerAddress = c.peerAddress;
            peerInetAddress = c.peerInetAddress;
            peerId = c.peerIdSet ? c.peerId : null;
            localId = c.localIdSet ? c.localId : null;
            peerCidrs = c.peerCidrs;
            localCidrs = c.localCidrsSet ? c.localCidrs : null;
            psk = c.psk;
            mtu = c.mtu;
            initiator = c.initiator;
            dpd = c.dpd;
            adminStateUp = c.adminStateUp;
        }

        /** The name: 1 to 255 characters, unique within a gateway. Set by {@link IpsecSiteConnection#builder(String)}. */
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

        /** Required: the VPN service this connection belongs to. */
        public Builder service(VpnService service) {
            this.service = service;
            return this;
        }

        /** Required: the IKE (phase 1) policy. */
        public Builder ikePolicy(IkePolicy policy) {
            this.ikePolicy = policy;
            return this;
        }

        /** Required: the IPsec (phase 2) policy. */
        public Builder ipsecPolicy(IpsecPolicy policy) {
            this.ipsecPolicy = policy;
            return this;
        }

        /**
         * Required: the peer's outer address, an IPv4/IPv6 literal or a host name (kept as a name; this model
         * never resolves it). A literal must be unicast and of the service's address family.
         */
        public Builder peerAddress(String address) {
            Optional<InetAddress> literal = Cidr.parseAddress(address);
            if (literal.isPresent()) {
                return peerAddress(literal.get());
            }
            String problem = Rules.hostnameProblem(address.trim());
            if (problem != null) {
                throw where.fail("peerAddress", address, "is neither an IP address nor a host name (" + problem
                        + "); expected an IPv4 or IPv6 literal or a host name");
            }
            this.peerAddress = address.trim();
            this.peerInetAddress = null;
            return this;
        }

        public Builder peerAddress(InetAddress address) {
            this.peerInetAddress = Rules.endpoint(where, "peerAddress", address);
            this.peerAddress = Cidr.format(address);
            return this;
        }

        /** The identity the peer must present. Default: the peer address (IPV4_ADDR/IPV6_ADDR, or FQDN for a name). */
        public Builder peerId(PeerId id) {
            this.peerId = id;
            return this;
        }

        /** Text form, see {@link PeerId#parse(String)}: {@code 198.51.100.7}, {@code @gw.example.com}, {@code keyid:x}. */
        public Builder peerId(String id) {
            this.peerId = PeerId.parse(id, where, "peerId");
            return this;
        }

        /** The identity this gateway presents. Default: the service's local address. */
        public Builder localId(PeerId id) {
            this.localId = id;
            return this;
        }

        /** Text form, see {@link PeerId#parse(String)}. */
        public Builder localId(String id) {
            this.localId = PeerId.parse(id, where, "localId");
            return this;
        }

        /** Required: one or more CIDRs behind the peer, unique, of one IP version (that of the local CIDRs). */
        public Builder peerCidrs(Collection<Cidr> cidrs) {
            this.peerCidrs = Rules.cidrs(where, "peerCidrs", cidrs);
            return this;
        }

        public Builder peerCidrs(Cidr... cidrs) {
            return peerCidrs(Arrays.asList(cidrs));
        }

        public Builder peerCidrs(String... cidrs) {
            this.peerCidrs = Rules.cidrs(where, "peerCidrs", cidrs);
            return this;
        }

        /** One or more CIDRs on this side, unique, of one IP version. Default: the service's local subnets. */
        public Builder localCidrs(Collection<Cidr> cidrs) {
            this.localCidrs = Rules.cidrs(where, "localCidrs", cidrs);
            return this;
        }

        public Builder localCidrs(Cidr... cidrs) {
            return localCidrs(Arrays.asList(cidrs));
        }

        public Builder localCidrs(String... cidrs) {
            this.localCidrs = Rules.cidrs(where, "localCidrs", cidrs);
            return this;
        }

        /** Required: the pre-shared key. Never printed. */
        public Builder psk(PreSharedKey psk) {
            this.psk = psk;
            return this;
        }

        /** The key as the UTF-8 bytes of {@code psk}; empty is refused. */
        public Builder psk(String psk) {
            this.psk = PreSharedKey.of(psk, where);
            return this;
        }

        /** The key bytes (copied); empty is refused. */
        public Builder psk(byte[] psk) {
            this.psk = PreSharedKey.of(psk, where);
            return this;
        }

        /** Inner MTU: 68 to 65535 for IPv4 inner traffic, 1280 to 65535 for IPv6. Default: 1500. */
        public Builder mtu(int mtu) {
            if (mtu < MIN_MTU_IPV4 || mtu > MAX_MTU) {
                throw where.fail("mtu", mtu, "is out of range; expected " + MIN_MTU_IPV4 + ".." + MAX_MTU + " ("
                        + MIN_MTU_IPV6 + ".." + MAX_MTU + " for IPv6)");
            }
            this.mtu = mtu;
            return this;
        }

        /** bi-directional (initiate and respond) or response-only. Default: bi-directional. */
        public Builder initiator(InitiatorMode mode) {
            this.initiator = mode;
            return this;
        }

        public Builder initiator(String mode) {
            return initiator(Rules.lookup(where, "initiator", mode, InitiatorMode::fromApiName,
                    List.of(InitiatorMode.values())));
        }

        /** Dead peer detection. Default: hold, interval 30 s, timeout 120 s; the timeout must exceed the interval. */
        public Builder dpd(Dpd dpd) {
            this.dpd = dpd;
            return this;
        }

        /** hold (default), clear, restart or disabled. */
        public Builder dpdAction(DpdAction action) {
            this.dpd = dpd.withAction(action);
            return this;
        }

        public Builder dpdAction(String action) {
            return dpdAction(Dpd.parseAction(where, "dpd.action", action));
        }

        /** Seconds between probes when idle: whole seconds >= 1. Default: 30 s. */
        public Builder dpdInterval(Duration interval) {
            this.dpd = dpd.withInterval(Rules.seconds(where, "dpd.interval", interval, 1));
            return this;
        }

        public Builder dpdInterval(long seconds) {
            return dpdInterval(Duration.ofSeconds(seconds));
        }

        /** Seconds without an answer before the peer is dead: whole seconds >= 1. Default: 120 s. */
        public Builder dpdTimeout(Duration timeout) {
            this.dpd = dpd.withTimeout(Rules.seconds(where, "dpd.timeout", timeout, 1));
            return this;
        }

        public Builder dpdTimeout(long seconds) {
            return dpdTimeout(Duration.ofSeconds(seconds));
        }

        /** Whether the connection is enabled. Default: true. */
        public Builder adminStateUp(boolean up) {
            this.adminStateUp = up;
            return this;
        }

        /** Fills the defaults and cross-checks the parts. */
        public IpsecSiteConnection build() {
            VpnService vs = Rules.required(where, "service", service, "a VpnService");
            IkePolicy ike = Rules.required(where, "ikePolicy", ikePolicy, "an IkePolicy");
            IpsecPolicy ipsec = Rules.required(where, "ipsecPolicy", ipsecPolicy, "an IpsecPolicy");
            String peer = Rules.required(where, "peerAddress", peerAddress, "an IP address or host name");
            List<Cidr> peers = Rules.required(where, "peerCidrs", peerCidrs, "one or more CIDRs");
            PreSharedKey key = Rules.required(where, "psk", psk, "a pre-shared key");
            List<Cidr> locals = localCidrs != null ? localCidrs : vs.localSubnets();
            checkFamilies(vs, peers, locals);
            if (dpd.timeout().compareTo(dpd.interval()) <= 0) {
                throw where.fail("dpd.timeout", Rules.secs(dpd.timeout()), "is not greater than dpd.interval '"
                        + Rules.secs(dpd.interval()) + "'; expected a timeout longer than the interval");
            }
            if (peers.get(0).isIpv6() && mtu < MIN_MTU_IPV6) {
                throw where.fail("mtu", mtu, "is too small for IPv6 inner traffic; expected " + MIN_MTU_IPV6 + ".." + MAX_MTU);
            }
            PeerId pid = peerId != null ? peerId
                    : peerInetAddress != null ? PeerId.address(peerInetAddress) : PeerId.fqdn(peer);
            PeerId lid = localId != null ? localId : PeerId.address(vs.localAddress());
            return new IpsecSiteConnection(this, new Resolved(vs, ike, ipsec, peer, pid, lid, peers, locals, key));
        }

        private void checkFamilies(VpnService vs, List<Cidr> peers, List<Cidr> locals) {
            Cidr local0 = locals.get(0);
            for (Cidr p : peers) {
                if (p.isIpv4() != local0.isIpv4()) {
                    throw where.fail("peerCidrs", p, "is IPv" + p.ipVersion() + " but localCidrs are IPv"
                            + local0.ipVersion() + "; expected the IP version of localCidrs");
                }
                for (Cidr l : locals) {
                    if (p.overlaps(l)) {
                        throw where.fail("peerCidrs", p, "overlaps localCidrs '" + l + "'; expected subnets disjoint from "
                                + "the local ones");
                    }
                }
            }
            InetAddress own = vs.localAddress();
            if (peerInetAddress != null && peerInetAddress.getAddress().length != own.getAddress().length) {
                int ownVersion = own.getAddress().length == 4 ? 4 : 6;
                throw where.fail("peerAddress", peerAddress, "is IPv" + (ownVersion == 4 ? 6 : 4)
                        + " but the service's localAddress '" + Cidr.format(own) + "' is IPv" + ownVersion
                        + "; expected an IPv" + ownVersion + " address");
            }
        }
    }

    /** For GatewayConfig: every peer CIDR of {@code a} that overlaps one of {@code b}, as a pair, or null. */
    static Cidr @Nullable [] firstPeerOverlap(IpsecSiteConnection a, IpsecSiteConnection b) {
        for (Cidr x : a.peerCidrs) {
            for (Cidr y : b.peerCidrs) {
                if (x.overlaps(y)) {
                    return new Cidr[] {x, y};
                }
            }
        }
        return null;
    }
}

package org.jvpn.ike.gateway;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jvpn.api.ConnectionHandle;
import org.jvpn.api.ConnectionState;
import org.jvpn.api.GatewayOptions;
import org.jvpn.api.VpnGateway;
import org.jvpn.api.config.GatewayConfig;
import org.jvpn.api.config.IkePolicy;
import org.jvpn.api.config.IpsecPolicy;
import org.jvpn.api.config.IpsecSiteConnection;
import org.jvpn.api.config.VpnService;
import org.jvpn.api.spi.io.DatagramTransport;
import org.jvpn.testkit.inner.InnerHost;
import org.jvpn.testkit.inner.MemoryTunnelDevice;
import org.jvpn.testkit.inner.Pinger;
import org.jvpn.testkit.junit.TestArtifacts;
import org.jvpn.testkit.time.VirtualScheduler;

/**
 * Two sites for end-to-end tests on the testkit: gateway A (198.51.100.1, subnet 10.1.0.0/24, host
 * 10.1.0.10) and gateway B (198.51.100.2, subnet 10.2.0.0/24, host 10.2.0.20), or other addresses
 * ({@link Ends}).
 */
final class Sites {

    static final String A_OUTER = "198.51.100.1";
    static final String B_OUTER = "198.51.100.2";
    static final String A_HOST = "10.1.0.10";
    static final String B_HOST = "10.2.0.20";
    static final String PSK = "s3cret-psk";

    /** Where the two sites are: outer address, inner subnet and inner host of A and of B. */
    record Ends(String aOuter, String aSubnet, String aHost, String bOuter, String bSubnet, String bHost) {}

    static final Ends V4 = new Ends(A_OUTER, "10.1.0.0/24", A_HOST, B_OUTER, "10.2.0.0/24", B_HOST);
    static final Ends V6_INNER = new Ends(A_OUTER, "fd00:1::/64", "fd00:1::10", B_OUTER, "fd00:2::/64", "fd00:2::20");
    static final Ends V6_OUTER = new Ends("2001:db8::1", "10.1.0.0/24", A_HOST, "2001:db8::2", "10.2.0.0/24", B_HOST);

    final TestArtifacts world;
    final Ends ends;
    final VpnGateway a;
    final VpnGateway b;
    final InnerHost hostA;
    final InnerHost hostB;

    private Sites(TestArtifacts world, Ends ends, VpnGateway a, VpnGateway b, InnerHost hostA, InnerHost hostB) {
        this.world = world;
        this.ends = ends;
        this.a = a;
        this.b = b;
        this.hostA = hostA;
        this.hostB = hostB;
    }

    static IpsecSiteConnection connection(String name, String local, String localSubnet, String peer, String peerSubnet,
            IkePolicy ike, IpsecPolicy ipsec, String psk) {
        VpnService svc = VpnService.builder("svc-" + name).localAddress(local).localSubnets(localSubnet).build();
        return IpsecSiteConnection.builder(name).service(svc).ikePolicy(ike).ipsecPolicy(ipsec).peerAddress(peer)
                .peerCidrs(peerSubnet).psk(psk).build();
    }

    static Sites create(TestArtifacts world, IkePolicy ike, IpsecPolicy ipsec) {
        return create(world, ike, ipsec, ike, ipsec, PSK, PSK, c -> c, c -> c);
    }

    static Sites create(TestArtifacts world, IkePolicy ikeA, IpsecPolicy ipsecA, IkePolicy ikeB, IpsecPolicy ipsecB,
            String pskA, String pskB, UnaryOperator<IpsecSiteConnection> tweakA, UnaryOperator<IpsecSiteConnection> tweakB) {
        return create(world, V4, ikeA, ipsecA, ikeB, ipsecB, pskA, pskB, tweakA, tweakB);
    }

    static Sites create(TestArtifacts world, Ends e, IkePolicy ikeA, IpsecPolicy ipsecA, IkePolicy ikeB, IpsecPolicy ipsecB,
            String pskA, String pskB, UnaryOperator<IpsecSiteConnection> tweakA, UnaryOperator<IpsecSiteConnection> tweakB) {
        return create(world, e, world.network().host(e.aOuter(), 500, 4500), e.aOuter(),
                world.network().host(e.bOuter(), 500, 4500), e.bOuter(), ikeA, ipsecA, ikeB, ipsecB, pskA, pskB, tweakA, tweakB);
    }

    /**
     * The general form: A's transport and the address B knows A by ({@code aSeenByB}, e.g. a NAT's public
     * address), and the same for B.
     */
    static Sites create(TestArtifacts world, Ends e, DatagramTransport transportA, String aSeenByB, DatagramTransport transportB,
            String bSeenByA, IkePolicy ikeA, IpsecPolicy ipsecA, IkePolicy ikeB, IpsecPolicy ipsecB, String pskA, String pskB,
            UnaryOperator<IpsecSiteConnection> tweakA, UnaryOperator<IpsecSiteConnection> tweakB) {
        IpsecSiteConnection ca = tweakA.apply(connection("to-b", e.aOuter(), e.aSubnet(), bSeenByA, e.bSubnet(), ikeA, ipsecA, pskA));
        IpsecSiteConnection cb = tweakB.apply(connection("to-a", e.bOuter(), e.bSubnet(), aSeenByB, e.aSubnet(), ikeB, ipsecB, pskB));
        MemoryTunnelDevice devA = world.device("a");
        MemoryTunnelDevice devB = world.device("b");
        InnerHost hostA = devA.addHost(e.aHost());
        InnerHost hostB = devB.addHost(e.bHost());
        VpnGateway a = world.register(gateway(world, ca, transportA, devA, "a"));
        VpnGateway b = world.register(gateway(world, cb, transportB, devB, "b"));
        return new Sites(world, e, a, b, hostA, hostB);
    }

    static VpnGateway gateway(TestArtifacts world, IpsecSiteConnection c, String outer, MemoryTunnelDevice dev, String label) {
        return gateway(world, c, world.network().host(outer, 500, 4500), dev, label);
    }

    static VpnGateway gateway(TestArtifacts world, IpsecSiteConnection c, DatagramTransport transport, MemoryTunnelDevice dev,
            String label) {
        return gateway(world, c.service(), List.of(c), transport, dev, label);
    }

    static VpnGateway gateway(TestArtifacts world, VpnService svc, List<IpsecSiteConnection> cs, DatagramTransport transport,
            MemoryTunnelDevice dev, String label) {
        GatewayOptions opts = GatewayOptions.builder()
                .transport(transport)
                .tunnel(dev)
                .scheduler(world.scheduler())
                .random(world.random().fork(label))
                .keyLog(world.keyLog())
                .build();
        return VpnGateway.create(GatewayConfig.of(svc, cs), opts);
    }

    VirtualScheduler scheduler() {
        return world.scheduler();
    }

    ConnectionHandle handleA() {
        return a.connection("to-b").orElseThrow();
    }

    ConnectionHandle handleB() {
        return b.connection("to-a").orElseThrow();
    }

    void start() {
        a.start();
        b.start();
    }

    /** Runs virtual time until both ends are up, at most {@code limit}; returns whether they are. */
    boolean awaitUp(Duration limit) {
        Duration step = Duration.ofMillis(10);
        for (Duration t = Duration.ZERO; t.compareTo(limit) < 0; t = t.plus(step)) {
            if (bothUp()) {
                return true;
            }
            scheduler().advance(step);
        }
        return bothUp();
    }

    boolean bothUp() {
        return handleA().state() == ConnectionState.UP && handleB().state() == ConnectionState.UP;
    }

    /** Both ends' state and last error, for assertion messages. */
    String describe() {
        return "A " + handleA().state() + " " + handleA().lastError().orElse("-") + " / B " + handleB().state() + " "
                + handleB().lastError().orElse("-");
    }

    /** Both ends' last errors joined. */
    String errors() {
        return handleA().lastError().orElse("") + " | " + handleB().lastError().orElse("");
    }

    /** Pings A's host -> B's host and B's host -> A's host, {@code count} each, 100 ms apart; returns the pingers. */
    Pinger[] pingBothWays(int count) {
        Pinger ab = hostA.pinger(ends.bHost()).start(count, Duration.ofMillis(100));
        Pinger ba = hostB.pinger(ends.aHost()).start(count, Duration.ofMillis(100));
        scheduler().advance(Duration.ofMillis(100L * count + 2000));
        return new Pinger[] {ab, ba};
    }
}

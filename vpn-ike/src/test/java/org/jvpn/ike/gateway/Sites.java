package org.jvpn.ike.gateway;

import java.time.Duration;
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
import org.jvpn.testkit.inner.InnerHost;
import org.jvpn.testkit.inner.MemoryTunnelDevice;
import org.jvpn.testkit.junit.TestArtifacts;
import org.jvpn.testkit.time.VirtualScheduler;

/**
 * Two sites for end-to-end tests on the testkit: gateway A (198.51.100.1, subnet 10.1.0.0/24, host
 * 10.1.0.10) and gateway B (198.51.100.2, subnet 10.2.0.0/24, host 10.2.0.20).
 */
final class Sites {

    static final String A_OUTER = "198.51.100.1";
    static final String B_OUTER = "198.51.100.2";
    static final String A_HOST = "10.1.0.10";
    static final String B_HOST = "10.2.0.20";

    final TestArtifacts world;
    final VpnGateway a;
    final VpnGateway b;
    final InnerHost hostA;
    final InnerHost hostB;

    private Sites(TestArtifacts world, VpnGateway a, VpnGateway b, InnerHost hostA, InnerHost hostB) {
        this.world = world;
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
        return create(world, ike, ipsec, ike, ipsec, "s3cret-psk", "s3cret-psk", c -> c, c -> c);
    }

    static Sites create(TestArtifacts world, IkePolicy ikeA, IpsecPolicy ipsecA, IkePolicy ikeB, IpsecPolicy ipsecB,
            String pskA, String pskB, UnaryOperator<IpsecSiteConnection> tweakA, UnaryOperator<IpsecSiteConnection> tweakB) {
        IpsecSiteConnection ca = tweakA.apply(connection("to-b", A_OUTER, "10.1.0.0/24", B_OUTER, "10.2.0.0/24", ikeA, ipsecA, pskA));
        IpsecSiteConnection cb = tweakB.apply(connection("to-a", B_OUTER, "10.2.0.0/24", A_OUTER, "10.1.0.0/24", ikeB, ipsecB, pskB));
        MemoryTunnelDevice devA = world.device("a");
        MemoryTunnelDevice devB = world.device("b");
        InnerHost hostA = devA.addHost(A_HOST);
        InnerHost hostB = devB.addHost(B_HOST);
        VpnGateway a = world.register(gateway(world, ca, A_OUTER, devA, "a"));
        VpnGateway b = world.register(gateway(world, cb, B_OUTER, devB, "b"));
        return new Sites(world, a, b, hostA, hostB);
    }

    static VpnGateway gateway(TestArtifacts world, IpsecSiteConnection c, String outer, MemoryTunnelDevice dev, String label) {
        GatewayOptions opts = GatewayOptions.builder()
                .transport(world.network().host(outer, 500, 4500))
                .tunnel(dev)
                .scheduler(world.scheduler())
                .random(world.random().fork(label))
                .keyLog(world.keyLog())
                .build();
        return VpnGateway.create(GatewayConfig.of(c.service(), java.util.List.of(c)), opts);
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

    /** Runs virtual time until both ends are up, at most {@code limit}; returns whether they are. */
    boolean awaitUp(Duration limit) {
        Duration step = Duration.ofMillis(10);
        for (Duration t = Duration.ZERO; t.compareTo(limit) < 0; t = t.plus(step)) {
            if (handleA().state() == ConnectionState.UP && handleB().state() == ConnectionState.UP) {
                return true;
            }
            scheduler().advance(step);
        }
        return handleA().state() == ConnectionState.UP && handleB().state() == ConnectionState.UP;
    }
}

package org.jvpn.ike.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jvpn.api.ConnectionEvent;
import org.jvpn.api.ConnectionHandle;
import org.jvpn.api.ConnectionState;
import org.jvpn.api.GatewayOptions;
import org.jvpn.api.RekeyPolicy;
import org.jvpn.api.RetransmitPolicy;
import org.jvpn.api.VpnGateway;
import org.jvpn.api.config.GatewayConfig;
import org.jvpn.api.config.IkePolicy;
import org.jvpn.api.config.IpsecPolicy;
import org.jvpn.api.config.IpsecSiteConnection;
import org.jvpn.api.config.VpnService;
import org.jvpn.testkit.inner.InnerHost;
import org.jvpn.testkit.inner.MemoryTunnelDevice;
import org.jvpn.testkit.inner.UdpSink;
import org.jvpn.testkit.inner.UdpSource;
import org.jvpn.testkit.junit.TestArtifacts;
import org.jvpn.testkit.net.Link;
import org.jvpn.testkit.time.VirtualScheduler;

/**
 * Two jvpn gateways on the testkit for lifecycle tests: A (198.51.100.1, 10.1.0.0/24, host 10.1.0.10)
 * and B (198.51.100.2, 10.2.0.0/24, host 10.2.0.20), with numbered UDP streams both ways driven by a
 * self-rescheduling pump (one task per tick, so days of virtual time stay cheap), and B replaceable by
 * a fresh gateway on the same address (a peer restart).
 */
final class Tunnel {

    static final String A_OUTER = "198.51.100.1";
    static final String B_OUTER = "198.51.100.2";
    static final String A_HOST = "10.1.0.10";
    static final String B_HOST = "10.2.0.20";
    static final String PSK = "lifecycle-psk";
    static final int PORT = 7000;

    final TestArtifacts world;
    final IpsecSiteConnection configA;
    final IpsecSiteConnection configB;
    VpnGateway a;
    VpnGateway b;
    InnerHost hostA;
    InnerHost hostB;
    final List<ConnectionEvent> eventsA = new ArrayList<>();
    final List<ConnectionEvent> eventsB = new ArrayList<>();
    private int generation;

    // Streams: A -> B and B -> A.
    UdpSource ab;
    UdpSink abSink;
    UdpSource ba;
    UdpSink baSink;
    private boolean pumping;

    private final RekeyPolicy rekey;

    private Tunnel(TestArtifacts world, IpsecSiteConnection ca, IpsecSiteConnection cb, RekeyPolicy rekey) {
        this.world = world;
        this.rekey = rekey;
        this.configA = ca;
        this.configB = cb;
        MemoryTunnelDevice devA = world.device("a");
        hostA = devA.addHost(A_HOST);
        a = world.register(gateway(world, ca, devA, "a", rekey));
        a.connection("to-b").orElseThrow().addListener(eventsA::add);
        newB();
        abSink = hostB.udpSink(PORT);
        baSink = hostA.udpSink(PORT);
        ab = hostA.udpSource(PORT, B_HOST, PORT);
        ba = hostB.udpSource(PORT, A_HOST, PORT);
    }

    private void newB() {
        MemoryTunnelDevice devB = world.device("b" + (generation == 0 ? "" : "-" + generation));
        hostB = devB.addHost(B_HOST);
        b = world.register(gateway(world, configB, devB, "b" + generation, rekey));
        b.connection("to-a").orElseThrow().addListener(eventsB::add);
        generation++;
    }

    static IpsecSiteConnection connection(String name, String local, String localSubnet, String peer, String peerSubnet,
            IkePolicy ike, IpsecPolicy ipsec) {
        VpnService svc = VpnService.builder("svc-" + name).localAddress(local).localSubnets(localSubnet).build();
        return IpsecSiteConnection.builder(name).service(svc).ikePolicy(ike).ipsecPolicy(ipsec).peerAddress(peer)
                .peerCidrs(peerSubnet).psk(PSK).build();
    }

    static Tunnel create(TestArtifacts world, IkePolicy ike, IpsecPolicy ipsec) {
        return create(world, ike, ipsec, c -> c, c -> c);
    }

    static Tunnel create(TestArtifacts world, IkePolicy ike, IpsecPolicy ipsec, UnaryOperator<IpsecSiteConnection> tweakA,
            UnaryOperator<IpsecSiteConnection> tweakB) {
        IpsecSiteConnection ca = tweakA.apply(connection("to-b", A_OUTER, "10.1.0.0/24", B_OUTER, "10.2.0.0/24", ike, ipsec));
        IpsecSiteConnection cb = tweakB.apply(connection("to-a", B_OUTER, "10.2.0.0/24", A_OUTER, "10.1.0.0/24", ike, ipsec));
        return new Tunnel(world, ca, cb, RekeyPolicy.DEFAULT);
    }

    static Tunnel create(TestArtifacts world, IkePolicy ike, IpsecPolicy ipsec, RekeyPolicy rekey) {
        IpsecSiteConnection ca = connection("to-b", A_OUTER, "10.1.0.0/24", B_OUTER, "10.2.0.0/24", ike, ipsec);
        IpsecSiteConnection cb = connection("to-a", B_OUTER, "10.2.0.0/24", A_OUTER, "10.1.0.0/24", ike, ipsec);
        return new Tunnel(world, ca, cb, rekey);
    }

    static VpnGateway gateway(TestArtifacts world, IpsecSiteConnection c, MemoryTunnelDevice dev, String label, RekeyPolicy rekey) {
        GatewayOptions opts = GatewayOptions.builder()
                .transport(world.network().host(c.service().localAddress().getHostAddress(), 500, 4500))
                .tunnel(dev)
                .scheduler(world.scheduler())
                .random(world.random().fork(label))
                .retransmit(new RetransmitPolicy(Duration.ofMillis(500), Duration.ofSeconds(8), 6))
                .rekey(rekey)
                .build();
        return VpnGateway.create(GatewayConfig.of(c.service(), List.of(c)), opts);
    }

    VirtualScheduler scheduler() {
        return world.scheduler();
    }

    Link link() {
        return world.network().link(A_OUTER, B_OUTER);
    }

    ConnectionHandle handleA() {
        return a.connection("to-b").orElseThrow();
    }

    ConnectionHandle handleB() {
        return b.connection("to-a").orElseThrow();
    }

    Tunnel start() {
        a.start();
        b.start();
        return this;
    }

    /**
     * B crashes (its Deletes never leave: the link is cut while it stops) and a fresh gateway starts on
     * its address with no state.
     */
    void restartB() {
        link().partition();
        b.stop(Duration.ZERO);
        link().heal();
        newB();
        b.start();
    }

    /** Runs virtual time until both ends are up, at most {@code limit}. */
    boolean awaitUp(Duration limit) {
        return await(limit, this::bothUp);
    }

    boolean await(Duration limit, java.util.function.BooleanSupplier condition) {
        Duration step = Duration.ofMillis(100);
        for (Duration t = Duration.ZERO; t.compareTo(limit) < 0; t = t.plus(step)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            scheduler().advance(step);
        }
        return condition.getAsBoolean();
    }

    boolean bothUp() {
        return handleA().state() == ConnectionState.UP && handleB().state() == ConnectionState.UP;
    }

    /** Starts sending one datagram each way every {@code every} until {@link #stopTraffic()}. */
    void startTraffic(Duration every) {
        pumping = true;
        pump(every);
    }

    private void pump(Duration every) {
        if (!pumping) {
            return;
        }
        ab.sendOne(64);
        ba.sendOne(64);
        scheduler().schedule(every, () -> pump(every));
    }

    void stopTraffic() {
        pumping = false;
    }

    /** Runs {@code d} of virtual time in chunks, dropping captured packets as it goes (memory). */
    void run(Duration d) {
        Duration chunk = Duration.ofMinutes(10);
        while (!d.isZero()) {
            Duration step = d.compareTo(chunk) < 0 ? d : chunk;
            scheduler().advance(step);
            d = d.minus(step);
            world.network().capture().clear();
            link().capture().clear();
            hostA.device().capture().clear();
            hostB.device().capture().clear();
        }
    }

    long count(List<ConnectionEvent> events, ConnectionEvent.Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).count();
    }

    String describe() {
        return "A " + handleA().state() + " " + handleA().lastError().orElse("-") + " " + handleA().stats() + " / B "
                + handleB().state() + " " + handleB().lastError().orElse("-") + " " + handleB().stats();
    }
}

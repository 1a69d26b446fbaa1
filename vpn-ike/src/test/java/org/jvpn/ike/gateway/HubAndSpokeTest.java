package org.jvpn.ike.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvpn.api.ConnectionHandle;
import org.jvpn.api.ConnectionState;
import org.jvpn.api.VpnGateway;
import org.jvpn.api.config.IkePolicy;
import org.jvpn.api.config.IpsecPolicy;
import org.jvpn.api.config.IpsecSiteConnection;
import org.jvpn.api.config.VpnService;
import org.jvpn.testkit.inner.InnerHost;
import org.jvpn.testkit.inner.MemoryTunnelDevice;
import org.jvpn.testkit.inner.Pinger;
import org.jvpn.testkit.junit.TestArtifacts;
import org.jvpn.testkit.junit.VpnTest;

/**
 * A hub with 50 sites: one gateway (one VpnService, 50 IpsecSiteConnections with distinct peer CIDRs)
 * and 50 spoke gateways, all bi-directional (so all 50 main modes collide at once); every tunnel comes
 * up and each spoke's host pings the hub's host.
 */
@VpnTest
class HubAndSpokeTest {

    private static final int SPOKES = 50;
    private static final String HUB = "198.51.100.1";
    private static final String HUB_SUBNET = "10.0.0.0/24";
    private static final String HUB_HOST = "10.0.0.10";
    private static final IkePolicy IKE = IkePolicy.fromProposal("aes128-sha256-ecp256");
    private static final IpsecPolicy ESP = IpsecPolicy.fromProposal("aes128gcm16");

    private static String spokeAddress(int i) {
        return "198.51.101." + (i + 1);
    }

    private static String spokeSubnet(int i) {
        return "10.100." + i + ".0/24";
    }

    private static String spokeHost(int i) {
        return "10.100." + i + ".20";
    }

    @Test
    void fiftySitesAllUpAndPingTheHub(TestArtifacts world) {
        VpnService hubService = VpnService.builder("hub").localAddress(HUB).localSubnets(HUB_SUBNET).build();
        List<IpsecSiteConnection> hubConnections = new ArrayList<>();
        for (int i = 0; i < SPOKES; i++) {
            hubConnections.add(IpsecSiteConnection.builder("spoke-" + i).service(hubService).ikePolicy(IKE).ipsecPolicy(ESP)
                    .peerAddress(spokeAddress(i)).peerCidrs(spokeSubnet(i)).psk("psk-spoke-" + i).build());
        }
        MemoryTunnelDevice hubDevice = world.device("hub");
        hubDevice.addHost(HUB_HOST);
        VpnGateway hub = world.register(Sites.gateway(world, hubService, hubConnections, world.network().host(HUB, 500, 4500),
                hubDevice, "hub"));
        List<VpnGateway> spokes = new ArrayList<>();
        List<InnerHost> spokeHosts = new ArrayList<>();
        for (int i = 0; i < SPOKES; i++) {
            IpsecSiteConnection c = Sites.connection("hub", spokeAddress(i), spokeSubnet(i), HUB, HUB_SUBNET, IKE, ESP, "psk-spoke-" + i);
            MemoryTunnelDevice dev = world.device("spoke-" + i);
            spokeHosts.add(dev.addHost(spokeHost(i)));
            spokes.add(world.register(Sites.gateway(world, c, spokeAddress(i), dev, "spoke-" + i)));
        }
        hub.start();
        spokes.forEach(VpnGateway::start);

        boolean allUp = false;
        for (int t = 0; t < 300 && !allUp; t++) {
            world.scheduler().advance(Duration.ofMillis(100));
            allUp = hub.connections().stream().allMatch(h -> h.state() == ConnectionState.UP)
                    && spokes.stream().allMatch(g -> g.connection("hub").orElseThrow().state() == ConnectionState.UP);
        }
        assertTrue(allUp, () -> "not all up: " + down(hub) + " / spokes " + spokes.stream()
                .map(g -> g.connection("hub").orElseThrow()).filter(h -> h.state() != ConnectionState.UP)
                .map(h -> h.state() + " " + h.lastError().orElse("")).toList());
        assertEquals(SPOKES, hub.connections().size());

        List<Pinger> pingers = new ArrayList<>();
        for (InnerHost h : spokeHosts) {
            pingers.add(h.pinger(HUB_HOST).start(3, Duration.ofMillis(100)));
        }
        world.scheduler().advance(Duration.ofSeconds(3));
        for (int i = 0; i < SPOKES; i++) {
            Pinger p = pingers.get(i);
            assertEquals(3, p.stats().received(), "spoke " + i + ": " + p.summary());
        }
        for (ConnectionHandle h : hub.connections()) {
            assertEquals(1, h.ipsecSas().size(), () -> h.name() + " " + h.ipsecSas());
            assertTrue(h.ipsecSas().get(0).packetsIn() >= 3, () -> h.name() + " " + h.ipsecSas());
        }
        String report = hub.statusReport();
        for (int i = 0; i < SPOKES; i++) {
            assertTrue(report.contains("spoke-" + i), "status report lacks spoke-" + i);
        }
    }

    private static List<String> down(VpnGateway hub) {
        return hub.connections().stream().filter(h -> h.state() != ConnectionState.UP)
                .map(h -> h.name() + " " + h.state() + " " + h.lastError().orElse("")).toList();
    }
}

package org.jvpn.api.config;

import static org.jvpn.api.config.IpsecSiteConnectionTest.VS;
import static org.jvpn.api.config.IpsecSiteConnectionTest.minimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {

    private static String message(Runnable r) {
        return assertThrows(ConfigException.class, r::run).getMessage();
    }

    static final IpsecSiteConnection A = minimal("a").peerAddress("198.51.100.1").peerCidrs("10.2.0.0/24").build();
    static final IpsecSiteConnection B = minimal("b").peerAddress("198.51.100.2").peerCidrs("10.3.0.0/24", "10.4.0.0/24").build();
    static final IpsecSiteConnection C = minimal("c").peerAddress("198.51.100.3").peerCidrs("10.5.0.0/24").build();

    @Test
    void holdsManySites() {
        GatewayConfig g = GatewayConfig.builder(VS).addConnection(A).addConnection(B).build();
        assertEquals(VS, g.service());
        assertEquals(List.of(A, B), g.connections());
        assertEquals(Optional.of(B), g.connection("b"));
        assertEquals(Optional.empty(), g.connection("z"));
        assertEquals(g, GatewayConfig.of(VS, List.of(A, B)));
        assertEquals(g.hashCode(), GatewayConfig.of(VS, List.of(A, B)).hashCode());
        assertNotEquals(g, GatewayConfig.of(VS, List.of(B, A)));
        assertEquals(g, g.toBuilder().build());
        assertEquals(List.of(), GatewayConfig.builder(VS).build().connections());
    }

    @Test
    void withAndWithoutConnection() {
        GatewayConfig g = GatewayConfig.of(VS, List.of(A, B));
        assertEquals(List.of(A, B, C), g.withConnection(C).connections());
        IpsecSiteConnection a2 = A.toBuilder().mtu(1400).build();
        assertEquals(List.of(a2, B), g.withConnection(a2).connections());
        assertEquals(List.of(B), g.withoutConnection("a").connections());
        assertEquals(g, g.withoutConnection("nope"));
        // a replacement is checked against the others too
        IpsecSiteConnection clash = A.toBuilder().peerCidrs("10.3.0.0/16").build();
        assertEquals("GatewayConfig 'vs1': connection 'b' has peerCidrs '10.3.0.0/24' overlapping peerCidrs '10.3.0.0/16' "
                + "of connection 'a'; expected disjoint peer subnets", message(() -> g.withConnection(clash)));
    }

    @Test
    void refusesDuplicateNames() {
        IpsecSiteConnection otherA = C.toBuilder().name("a").build();
        assertEquals("GatewayConfig 'vs1': connection 'a' is listed twice; expected unique connection names",
                message(() -> GatewayConfig.of(VS, List.of(A, otherA))));
    }

    @Test
    void refusesOverlappingPeerCidrs() {
        IpsecSiteConnection overlapping = minimal("d").peerCidrs("10.4.0.128/25").build();
        assertEquals("GatewayConfig 'vs1': connection 'd' has peerCidrs '10.4.0.128/25' overlapping peerCidrs '10.4.0.0/24' "
                + "of connection 'b'; expected disjoint peer subnets",
                message(() -> GatewayConfig.of(VS, List.of(A, B, overlapping))));
    }

    @Test
    void refusesConnectionsOfAnotherService() {
        VpnService other = VpnService.builder("vs2").localAddress("192.0.2.2").localSubnets("10.1.0.0/24").build();
        IpsecSiteConnection foreign = A.toBuilder().name("f").service(other).peerCidrs("10.8.0.0/24").build();
        assertEquals("GatewayConfig 'vs1': connection 'f' belongs to VpnService 'vs2'; expected VpnService 'vs1'",
                message(() -> GatewayConfig.of(VS, List.of(foreign))));
        IpsecSiteConnection stale = A.toBuilder().name("s").service(VS.toBuilder().adminStateUp(false).build())
                .peerCidrs("10.8.0.0/24").build();
        assertEquals("GatewayConfig 'vs1': connection 's' belongs to a different VpnService 'vs1' (its settings differ); "
                + "expected VpnService 'vs1' as configured here", message(() -> GatewayConfig.of(VS, List.of(stale))));
    }

    @Test
    void warningsOncePerPolicy() {
        IkePolicy weak = IkePolicy.builder("weak").dhGroup("group2").build();
        GatewayConfig g = GatewayConfig.of(VS, List.of(A.toBuilder().ikePolicy(weak).build(), B.toBuilder().ikePolicy(weak).build()));
        assertEquals(List.of("IkePolicy 'weak': dhGroup 'group2' is a weak legacy choice (1024-bit MODP group); accepted "
                + "for interoperability, prefer group14 or stronger"), g.warnings());
    }

    @Test
    void ipv6Hub() {
        VpnService vs6 = IpsecSiteConnectionTest.VS6;
        IpsecSiteConnection x = IpsecSiteConnection.builder("x").service(vs6).ikePolicy(IpsecSiteConnectionTest.IKE)
                .ipsecPolicy(IpsecSiteConnectionTest.IPSEC).peerAddress("2001:db8::2").peerCidrs("fd00:2::/64")
                .psk("k").build();
        IpsecSiteConnection y = x.toBuilder().name("y").peerAddress("2001:db8::3").peerCidrs("fd00:2::/48").build();
        assertEquals("GatewayConfig 'vs6': connection 'y' has peerCidrs 'fd00:2::/48' overlapping peerCidrs 'fd00:2::/64' "
                + "of connection 'x'; expected disjoint peer subnets", message(() -> GatewayConfig.of(vs6, List.of(x, y))));
        assertEquals(2, GatewayConfig.of(vs6, List.of(x, y.toBuilder().peerCidrs("fd00:3::/64").build())).connections().size());
    }
}

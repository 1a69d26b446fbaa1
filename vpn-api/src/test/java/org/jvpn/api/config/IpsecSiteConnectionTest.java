package org.jvpn.api.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jvpn.api.spi.crypto.Secret;
import org.junit.jupiter.api.Test;

class IpsecSiteConnectionTest {

    static final String PSK = "s3cr3t-Pre-Shared-Key";

    static final VpnService VS = VpnService.builder("vs1").localAddress("192.0.2.1").localSubnets("10.1.0.0/24").build();
    static final VpnService VS6 = VpnService.builder("vs6").localAddress("2001:db8::1").localSubnets("fd00:1::/64").build();
    static final IkePolicy IKE = IkePolicy.builder("ike1").build();
    static final IpsecPolicy IPSEC = IpsecPolicy.builder("ipsec1").build();

    static IpsecSiteConnection.Builder minimal(String name) {
        return IpsecSiteConnection.builder(name).service(VS).ikePolicy(IKE).ipsecPolicy(IPSEC)
                .peerAddress("198.51.100.7").peerCidrs("10.2.0.0/24").psk(PSK);
    }

    private static String message(Runnable r) {
        return assertThrows(ConfigException.class, r::run).getMessage();
    }

    @Test
    void defaults() {
        IpsecSiteConnection c = minimal("c1").build();
        assertEquals(VS, c.service());
        assertEquals(IKE, c.ikePolicy());
        assertEquals(IPSEC, c.ipsecPolicy());
        assertEquals("198.51.100.7", c.peerAddress());
        assertEquals("198.51.100.7", Cidr.format(c.peerInetAddress().orElseThrow()));
        assertEquals(PeerId.parse("198.51.100.7"), c.peerId());
        assertEquals(PeerId.parse("192.0.2.1"), c.localId());
        assertEquals(List.of(Cidr.parse("10.2.0.0/24")), c.peerCidrs());
        assertEquals(VS.localSubnets(), c.localCidrs());
        assertEquals(1500, c.mtu());
        assertEquals(InitiatorMode.BI_DIRECTIONAL, c.initiator());
        assertEquals(new Dpd(DpdAction.HOLD, Duration.ofSeconds(30), Duration.ofSeconds(120)), c.dpd());
        assertEquals(Dpd.DEFAULT, c.dpd());
        assertTrue(c.dpd().enabled());
        assertTrue(c.adminStateUp());
        assertFalse(c.isIpv6Inner());
        assertEquals(Optional.empty(), c.description());
        assertEquals(List.of(), c.warnings());
    }

    @Test
    void everySetter() {
        IpsecSiteConnection c = minimal("c1").description("branch").peerId("@branch.example.com").localId("keyid:hq")
                .localCidrs("10.1.0.0/25", "10.1.0.128/25").peerCidrs(Cidr.parse("10.3.0.0/16"), Cidr.parse("10.4.0.0/16"))
                .mtu(1400).initiator("response-only").dpdAction("restart").dpdInterval(10).dpdTimeout(Duration.ofSeconds(40))
                .adminStateUp(false).build();
        assertEquals("branch", c.description().orElseThrow());
        assertEquals(PeerId.fqdn("branch.example.com"), c.peerId());
        assertEquals(PeerId.keyId("hq"), c.localId());
        assertEquals(2, c.localCidrs().size());
        assertEquals(List.of(Cidr.parse("10.3.0.0/16"), Cidr.parse("10.4.0.0/16")), c.peerCidrs());
        assertEquals(1400, c.mtu());
        assertEquals(InitiatorMode.RESPONSE_ONLY, c.initiator());
        assertEquals(Dpd.of("restart", 10, 40), c.dpd());
        assertFalse(c.adminStateUp());
        assertEquals(Dpd.disabled(), minimal("c").dpd(Dpd.disabled()).build().dpd());
        assertFalse(Dpd.disabled().enabled());
    }

    @Test
    void peerAddressAsHostName() {
        IpsecSiteConnection c = minimal("c1").peerAddress("Branch.Example.com").build();
        assertEquals("Branch.Example.com", c.peerAddress());
        assertEquals(Optional.empty(), c.peerInetAddress());
        assertEquals(PeerId.Type.FQDN, c.peerId().type());
        assertEquals("Branch.Example.com", c.peerId().value());
        // a host name is never resolved, so it cannot conflict with the service's address family
        assertEquals("v6.example", minimal("c").service(VS6).peerCidrs("fd00:2::/64").peerAddress("v6.example").build()
                .peerAddress());
        assertEquals("IpsecSiteConnection 'c1': peerAddress 'not a host' is neither an IP address nor a host name (only "
                + "letters, digits, '-', '_' and '.' are allowed); expected an IPv4 or IPv6 literal or a host name",
                message(() -> minimal("c1").peerAddress("not a host")));
        assertTrue(message(() -> minimal("c1").peerAddress("255.255.255.256")).contains("is neither an IP address nor a host name (all its labels are numeric)"));
        assertEquals("IpsecSiteConnection 'c1': peerAddress '224.0.0.1' is not a unicast address; expected a unicast "
                + "IPv4 or IPv6 address",
                message(() -> minimal("c1").peerAddress("224.0.0.1")));
    }

    @Test
    void ipv6Connection() {
        IpsecSiteConnection c = IpsecSiteConnection.builder("c6").service(VS6).ikePolicy(IKE).ipsecPolicy(IPSEC)
                .peerAddress("2001:DB8:FFFF:0:0:0:0:7").peerCidrs("fd00:2::/64", "fd00:3::/64").psk(PSK).build();
        assertEquals("2001:db8:ffff::7", c.peerAddress());
        assertEquals(PeerId.Type.IPV6_ADDR, c.peerId().type());
        assertEquals(PeerId.parse("2001:db8::1"), c.localId());
        assertTrue(c.isIpv6Inner());
        assertEquals(1280, c.toBuilder().mtu(1280).build().mtu());
        assertEquals("IpsecSiteConnection 'c6': mtu '1279' is too small for IPv6 inner traffic; expected 1280..65535",
                message(() -> c.toBuilder().mtu(1279).build()));
        // IPv4 inner traffic over an IPv6 outer address is fine
        IpsecSiteConnection mixed = c.toBuilder().localCidrs("10.1.0.0/24").peerCidrs("10.2.0.0/24").mtu(576).build();
        assertEquals(576, mixed.mtu());
    }

    @Test
    void mtuRange() {
        assertEquals(68, minimal("c1").mtu(68).build().mtu());
        assertEquals(65535, minimal("c1").mtu(65535).build().mtu());
        assertEquals("IpsecSiteConnection 'c1': mtu '67' is out of range; expected 68..65535 (1280..65535 for IPv6)",
                message(() -> minimal("c1").mtu(67)));
        assertEquals("IpsecSiteConnection 'c1': mtu '65536' is out of range; expected 68..65535 (1280..65535 for IPv6)",
                message(() -> minimal("c1").mtu(65536)));
    }

    @Test
    void requiredFields() {
        IpsecSiteConnection.Builder b = IpsecSiteConnection.builder("c1");
        assertEquals("IpsecSiteConnection 'c1': service is missing; expected a VpnService", message(b::build));
        b.service(VS);
        assertEquals("IpsecSiteConnection 'c1': ikePolicy is missing; expected an IkePolicy", message(b::build));
        b.ikePolicy(IKE);
        assertEquals("IpsecSiteConnection 'c1': ipsecPolicy is missing; expected an IpsecPolicy", message(b::build));
        b.ipsecPolicy(IPSEC);
        assertEquals("IpsecSiteConnection 'c1': peerAddress is missing; expected an IP address or host name", message(b::build));
        b.peerAddress("198.51.100.7");
        assertEquals("IpsecSiteConnection 'c1': peerCidrs is missing; expected one or more CIDRs", message(b::build));
        b.peerCidrs("10.2.0.0/24");
        assertEquals("IpsecSiteConnection 'c1': psk is missing; expected a pre-shared key", message(b::build));
        b.psk(PSK);
        assertEquals("c1", b.build().name());
    }

    @Test
    void cidrCrossChecks() {
        assertEquals("IpsecSiteConnection 'c1': peerCidrs '10.1.0.128/25' overlaps localCidrs '10.1.0.0/24'; expected "
                + "subnets disjoint from the local ones", message(() -> minimal("c1").peerCidrs("10.1.0.128/25").build()));
        assertEquals("IpsecSiteConnection 'c1': peerCidrs '0.0.0.0/0' overlaps localCidrs '10.1.0.0/24'; expected subnets "
                + "disjoint from the local ones", message(() -> minimal("c1").peerCidrs("0.0.0.0/0").build()));
        assertEquals("IpsecSiteConnection 'c1': peerCidrs 'fd00:2::/64' is IPv6 but localCidrs are IPv4; expected the IP "
                + "version of localCidrs", message(() -> minimal("c1").peerCidrs("fd00:2::/64").build()));
        assertEquals("IpsecSiteConnection 'c1': peerCidrs '10.2.0.0/24' is listed twice; expected unique CIDRs",
                message(() -> minimal("c1").peerCidrs("10.2.0.0/24", "10.2.0.0/24")));
        assertEquals("IpsecSiteConnection 'c1': localCidrs '10.1.0.0/24' is IPv4 but 'fd00::/8' is IPv6; expected CIDRs of "
                + "one IP version", message(() -> minimal("c1").localCidrs("fd00::/8", "10.1.0.0/24")));
        assertEquals("IpsecSiteConnection 'c1': peerCidrs 'banana' is not a CIDR (expected an IP address and prefix, e.g. "
                + "10.0.0.0/24)", message(() -> minimal("c1").peerCidrs("banana")));
        assertEquals("IpsecSiteConnection 'c1': peerCidrs is empty; expected one or more CIDRs",
                message(() -> minimal("c1").peerCidrs(List.of())));
    }

    @Test
    void peerAddressFamilyMustMatchTheService() {
        assertEquals("IpsecSiteConnection 'c1': peerAddress '2001:db8::7' is IPv6 but the service's localAddress "
                + "'192.0.2.1' is IPv4; expected an IPv4 address", message(() -> minimal("c1").peerAddress("2001:db8::7").build()));
        assertEquals("IpsecSiteConnection 'c1': peerAddress '198.51.100.7' is IPv4 but the service's localAddress "
                + "'2001:db8::1' is IPv6; expected an IPv6 address",
                message(() -> minimal("c1").service(VS6).peerCidrs("fd00:2::/64").build()));
    }

    @Test
    void dpdRules() {
        assertEquals("IpsecSiteConnection 'c1': dpd.timeout '30s' is not greater than dpd.interval '30s'; expected a "
                + "timeout longer than the interval", message(() -> minimal("c1").dpdTimeout(30).build()));
        assertEquals("IpsecSiteConnection 'c1': dpd.timeout '20s' is not greater than dpd.interval '60s'; expected a "
                + "timeout longer than the interval", message(() -> minimal("c1").dpd(Dpd.of(DpdAction.CLEAR, 60, 20)).build()));
        assertEquals("IpsecSiteConnection 'c1': dpd.interval '0s' is out of range; expected 1..2147483647 seconds",
                message(() -> minimal("c1").dpdInterval(0)));
        assertEquals("IpsecSiteConnection 'c1': dpd.action 'panic' is not supported; supported: hold, clear, restart, disabled",
                message(() -> minimal("c1").dpdAction("panic")));
        assertEquals("Dpd: timeout '0s' is out of range; expected 1..2147483647 seconds",
                message(() -> Dpd.of(DpdAction.HOLD, 10, 0)));
        assertEquals("Dpd: action 'x' is not supported; supported: hold, clear, restart, disabled",
                message(() -> Dpd.of("x", 10, 20)));
        assertEquals("Dpd[action=hold, interval=30s, timeout=120s]", Dpd.DEFAULT.toString());
    }

    @Test
    void initiatorAndIds() {
        assertEquals("IpsecSiteConnection 'c1': initiator 'sometimes' is not supported; supported: bi-directional, "
                + "response-only", message(() -> minimal("c1").initiator("sometimes")));
        assertTrue(message(() -> minimal("c1").peerId("bad id")).startsWith("IpsecSiteConnection 'c1': peerId 'bad id' "));
        assertTrue(message(() -> minimal("c1").localId("")).startsWith("IpsecSiteConnection 'c1': localId '' is empty"));
        assertEquals(InitiatorMode.RESPONSE_ONLY, minimal("c1").initiator(InitiatorMode.RESPONSE_ONLY).build().initiator());
    }

    @Test
    void pskIsSecret() {
        IpsecSiteConnection c = minimal("c1").build();
        assertFalse(c.toString().contains(PSK), c.toString());
        assertFalse(c.psk().toString().contains(PSK));
        assertEquals("PreSharedKey[hidden]", c.psk().toString());
        assertTrue(c.toString().contains("psk=hidden"));
        try (Secret s = c.psk().toSecret()) {
            assertArrayEquals(PSK.getBytes(StandardCharsets.UTF_8), s.copyBytes());
        }
        assertEquals(PSK.length(), c.psk().length());
        assertEquals(PreSharedKey.of(PSK), PreSharedKey.of(PSK.getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(PreSharedKey.of(PSK), PreSharedKey.of(PSK + "x"));
        assertNotEquals(PreSharedKey.of("abc"), PreSharedKey.of("abd"));
        assertEquals(PreSharedKey.of("a").hashCode(), PreSharedKey.of("b").hashCode());
        // the byte[] setter copies
        byte[] raw = {1, 2, 3};
        IpsecSiteConnection d = minimal("d").psk(raw).build();
        raw[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, d.psk().copyBytes());
    }

    @Test
    void emptyPskIsRefusedWithoutEchoingIt() {
        ConfigException e = assertThrows(ConfigException.class, () -> minimal("c1").psk(""));
        assertEquals("IpsecSiteConnection 'c1': psk is empty; expected at least 1 byte", e.getMessage());
        assertEquals(Optional.empty(), e.value());
        assertEquals("PreSharedKey: psk is empty; expected at least 1 byte",
                assertThrows(ConfigException.class, () -> PreSharedKey.of(new byte[0])).getMessage());
    }

    @Test
    void pskNeverInAnyMessage() {
        // every refusal of a connection that holds the PSK leaves it out
        List<Runnable> failures = List.of(
                () -> minimal("c1").peerCidrs("10.1.0.0/24").build(),
                () -> minimal("c1").dpdTimeout(10).build(),
                () -> minimal("c1").mtu(1).build(),
                () -> minimal("c1").peerAddress("2001:db8::1").build(),
                () -> GatewayConfig.builder(VS).addConnection(minimal("c1").build()).addConnection(minimal("c1").build()));
        for (Runnable r : failures) {
            String m = message(r);
            assertFalse(m.contains(PSK), m);
        }
        assertFalse(minimal("c1").build().warnings().toString().contains(PSK));
        assertFalse(GatewayConfig.builder(VS).addConnection(minimal("c1").build()).build().toString().contains(PSK));
    }

    @Test
    void equalsHashCodeAndToBuilder() {
        IpsecSiteConnection a = minimal("c1").build();
        IpsecSiteConnection b = minimal("c1").build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(a, a.toBuilder().build());
        assertNotEquals(a, minimal("c1").psk(PSK + "!").build());
        assertNotEquals(a, a.toBuilder().mtu(1400).build());
        assertNotEquals(a, a.toBuilder().dpdAction(DpdAction.CLEAR).build());
        // an explicit value equal to the default is the same connection
        assertEquals(a, a.toBuilder().peerId("198.51.100.7").localCidrs("10.1.0.0/24").build());
        // defaults keep following: a new peer address gives a new default peer id
        IpsecSiteConnection moved = a.toBuilder().peerAddress("203.0.113.9").build();
        assertEquals(PeerId.parse("203.0.113.9"), moved.peerId());
        // ... but an explicit peer id stays
        IpsecSiteConnection fixed = a.toBuilder().peerId("@peer.example").build().toBuilder().peerAddress("203.0.113.9").build();
        assertEquals(PeerId.fqdn("peer.example"), fixed.peerId());
        // and localCidrs follow a changed service
        VpnService vs2 = VS.toBuilder().localSubnets("10.9.0.0/16").build();
        assertEquals(vs2.localSubnets(), a.toBuilder().service(vs2).build().localCidrs());
        assertEquals("IpsecSiteConnection[name=c1, service=vs1, ikePolicy=ike1, ipsecPolicy=ipsec1, peerAddress=198.51.100.7, "
                + "peerId=198.51.100.7, localId=192.0.2.1, peerCidrs=[10.2.0.0/24], localCidrs=[10.1.0.0/24], psk=hidden, "
                + "mtu=1500, initiator=bi-directional, dpd=Dpd[action=hold, interval=30s, timeout=120s], adminStateUp=true]",
                a.toString());
    }

    @Test
    void warningsComeFromThePolicies() {
        IpsecSiteConnection c = minimal("c1").ikePolicy(IkePolicy.fromProposal("old", "3des-sha1-modp1024"))
                .ipsecPolicy(IpsecPolicy.fromProposal("gcm8", "aes128gcm8-modp2048")).build();
        List<String> w = c.warnings();
        assertEquals(4, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("IkePolicy 'old': encryptionAlgorithm '3des'"));
        assertTrue(w.get(3).startsWith("IpsecPolicy 'gcm8': encryptionAlgorithm 'aes-128-gcm-8'"));
    }
}

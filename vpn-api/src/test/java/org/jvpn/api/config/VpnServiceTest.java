package org.jvpn.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VpnServiceTest {

    private static String message(Runnable r) {
        return assertThrows(ConfigException.class, r::run).getMessage();
    }

    @Test
    void defaultsAndValues() throws Exception {
        VpnService vs = VpnService.builder("vs1").localAddress("192.0.2.1").localSubnets("10.1.0.0/24", "10.1.1.0/24").build();
        assertEquals(InetAddress.getByName("192.0.2.1"), vs.localAddress());
        assertEquals(List.of(Cidr.parse("10.1.0.0/24"), Cidr.parse("10.1.1.0/24")), vs.localSubnets());
        assertTrue(vs.adminStateUp());
        assertEquals(Optional.empty(), vs.routerId());
        assertEquals(Optional.empty(), vs.vpcId());
        assertEquals(Optional.empty(), vs.description());
        assertEquals("VpnService[name=vs1, localAddress=192.0.2.1, localSubnets=[10.1.0.0/24, 10.1.1.0/24], "
                + "adminStateUp=true]", vs.toString());
    }

    @Test
    void ipv6AndOpaqueReferences() {
        VpnService vs = VpnService.builder("v6").localAddress("2001:DB8:0:0::1").localSubnets(Cidr.parse("2001:db8:1::/64"))
                .routerId("r-1").vpcId("vpc-9").adminStateUp(false).description("lab").build();
        assertEquals("2001:db8::1", Cidr.format(vs.localAddress()));
        assertEquals("r-1", vs.routerId().orElseThrow());
        assertEquals("vpc-9", vs.vpcId().orElseThrow());
        assertEquals("VpnService[name=v6, description=lab, localAddress=2001:db8::1, localSubnets=[2001:db8:1::/64], "
                + "routerId=r-1, vpcId=vpc-9, adminStateUp=false]", vs.toString());
    }

    @Test
    void refusesBadAddresses() {
        assertEquals("VpnService 'vs1': localAddress 'gw.example.com' is not an IP address; expected an IPv4 or IPv6 literal "
                + "(no DNS names)", message(() -> VpnService.builder("vs1").localAddress("gw.example.com")));
        assertEquals("VpnService 'vs1': localAddress '0.0.0.0' is not a unicast address; expected a unicast IPv4 "
                + "or IPv6 address", message(() -> VpnService.builder("vs1").localAddress("0.0.0.0")));
        assertEquals("VpnService 'vs1': localAddress 'ff02::1' is not a unicast address; expected a unicast IPv4 "
                + "or IPv6 address", message(() -> VpnService.builder("vs1").localAddress("ff02::1")));
        assertTrue(message(() -> VpnService.builder("vs1").localAddress("192.0.2.256")).contains("is not an IP address"));
        assertTrue(message(() -> VpnService.builder("vs1").localAddress("dead:beef")).contains("is not an IP address"));
    }

    @Test
    void refusesBadSubnets() {
        assertEquals("VpnService 'vs1': localSubnets '10.1.2.3/16' has host bits set (did you mean 10.1.0.0/16?)",
                message(() -> VpnService.builder("vs1").localSubnets("10.1.2.3/16")));
        assertEquals("VpnService 'vs1': localSubnets '10.1.0.0/24' is listed twice; expected unique CIDRs",
                message(() -> VpnService.builder("vs1").localSubnets("10.1.0.0/24", "10.1.0.0/24")));
        assertEquals("VpnService 'vs1': localSubnets '2001:db8::/64' is IPv6 but '10.1.0.0/24' is IPv4; expected CIDRs of "
                + "one IP version", message(() -> VpnService.builder("vs1").localSubnets("10.1.0.0/24", "2001:db8::/64")));
        assertEquals("VpnService 'vs1': localSubnets is empty; expected one or more CIDRs",
                message(() -> VpnService.builder("vs1").localSubnets(List.of())));
        assertEquals("VpnService 'vs1': localSubnets '10.0.0.0/33' has prefix length 33 (expected 0..32)",
                message(() -> VpnService.builder("vs1").localSubnets("10.0.0.0/33")));
        assertEquals("VpnService 'vs1': localSubnets '10.1.0.0/24' is listed twice; expected unique CIDRs",
                message(() -> VpnService.builder("vs1").addLocalSubnet("10.1.0.0/24").addLocalSubnet("10.1.0.0/24")));
    }

    @Test
    void requiredFields() {
        assertEquals("VpnService 'vs1': localAddress is missing; expected an IPv4 or IPv6 address",
                message(() -> VpnService.builder("vs1").localSubnets("10.0.0.0/8").build()));
        assertEquals("VpnService 'vs1': localSubnets is missing; expected one or more CIDRs",
                message(() -> VpnService.builder("vs1").localAddress("192.0.2.1").build()));
        assertEquals("VpnService 'vs1': routerId ' ' is not a valid reference; expected 1..255 non-blank characters, or none",
                message(() -> VpnService.builder("vs1").routerId(" ")));
    }

    @Test
    void equalsAndToBuilder() {
        VpnService a = VpnService.builder("vs1").localAddress("192.0.2.1").localSubnets("10.1.0.0/24").build();
        VpnService b = VpnService.builder("vs1").localAddress("192.0.2.1").addLocalSubnet(Cidr.parse("10.1.0.0/24")).build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(a, a.toBuilder().build());
        assertNotEquals(a, a.toBuilder().adminStateUp(false).build());
        assertNotEquals(a, a.toBuilder().addLocalSubnet("10.2.0.0/24").build());
    }
}

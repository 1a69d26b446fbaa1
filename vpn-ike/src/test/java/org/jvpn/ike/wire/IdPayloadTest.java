package org.jvpn.ike.wire;

import static org.jvpn.ike.testvectors.Vectors.hex;
import static org.jvpn.ike.wire.WireAssertions.assertWireError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.jvpn.api.config.Cidr;

class IdPayloadTest {

    @Test
    void phase1Identities() throws Exception {
        assertEquals("010000000a000301", hex(IdPayload.address(InetAddress.getByName("10.0.3.1")).body()));
        IdPayload fqdn = IdPayload.fqdn("vpn.example.com");
        byte[] b = fqdn.body();
        assertEquals("vpn.example.com", IdPayload.parse(b, 0, b.length).name().orElseThrow());
        assertEquals(IdType.USER_FQDN.number(), IdPayload.userFqdn("a@b").idType());
        assertEquals(IdType.KEY_ID.number(), IdPayload.keyId(hex("0102")).idType());
        assertEquals(16, IdPayload.address(InetAddress.getByName("2001:db8::1")).data().length);
    }

    @Test
    void subnetIdConvertsToAndFromCidr() throws Exception {
        Cidr c = Cidr.parse("10.1.0.0/24");
        IdPayload id = IdPayload.subnet(c, 0, 0);
        assertEquals("040000000a010000ffffff00", hex(id.body()));
        assertEquals(c, id.toCidr().orElseThrow());
        Cidr v6 = Cidr.parse("2001:db8::/32");
        assertEquals(v6, IdPayload.subnet(v6, 17, 500).toCidr().orElseThrow());
        // non-contiguous mask: no CIDR
        byte[] odd = hex("040000000a010000ff00ff00");
        assertTrue(IdPayload.parse(odd, 0, odd.length).toCidr().isEmpty());
    }

    @Test
    void rangeIdIsACidrOnlyWhenExactlyOnePrefix() throws Exception {
        IdPayload all = IdPayload.range(InetAddress.getByName("0.0.0.0"), InetAddress.getByName("255.255.255.255"), 0, 0);
        assertEquals(Cidr.parse("0.0.0.0/0"), all.toCidr().orElseThrow());
        IdPayload some = IdPayload.range(InetAddress.getByName("10.0.0.1"), InetAddress.getByName("10.0.0.9"), 6, 80);
        assertTrue(some.toCidr().isEmpty());
        assertEquals(6, some.protocolId());
        assertEquals(80, some.port());
    }

    @Test
    void addressTypesMustCarryTheirLength() {
        byte[] b = hex("010000000a0003"); // IPV4_ADDR with 3 bytes
        assertWireError(NotifyType.INVALID_ID_INFORMATION, () -> IdPayload.parse(b, 0, b.length));
        assertWireError(NotifyType.PAYLOAD_MALFORMED, () -> IdPayload.parse(b, 0, 3));
    }

    @Test
    void unknownIdTypesAreData() throws Exception {
        byte[] b = hex("c8000000abcdef");
        IdPayload id = IdPayload.parse(b, 0, b.length);
        assertEquals(200, id.idType());
        assertEquals("abcdef", hex(id.data()));
        assertTrue(id.toCidr().isEmpty());
    }
}

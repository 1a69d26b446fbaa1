package org.jvpn.api.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PeerIdTest {

    @ParameterizedTest
    @CsvSource({
        "192.0.2.7, IPV4_ADDR, 192.0.2.7, 192.0.2.7",
        "2001:DB8:0::7, IPV6_ADDR, 2001:db8::7, 2001:db8::7",
        "vpn.example.com, FQDN, vpn.example.com, vpn.example.com",
        "@vpn.example.com, FQDN, vpn.example.com, vpn.example.com",
        "gw-1, FQDN, gw-1, gw-1",
        "alice@example.com, USER_FQDN, alice@example.com, alice@example.com",
        "keyid:branch 17, KEY_ID, branch 17, keyid:branch 17",
        "KEYID:x, KEY_ID, x, keyid:x",
    })
    void parsesTheTextForms(String text, PeerId.Type type, String value, String printed) {
        PeerId id = PeerId.parse(text);
        assertEquals(type, id.type());
        assertEquals(value, id.value());
        assertEquals(printed, id.toString());
        assertEquals(id, PeerId.parse(id.toString()));
        assertEquals(id, PeerId.fromIdData(type.ikeV1IdType(), id.idData()).orElseThrow());
        assertTrue(id.matches(type.ikeV1IdType(), id.idData()));
    }

    @Test
    void wireForm() {
        PeerId v4 = PeerId.parse("192.0.2.7");
        assertEquals(1, v4.type().ikeV1IdType());
        assertArrayEquals(new byte[] {(byte) 192, 0, 2, 7}, v4.idData());
        assertEquals("192.0.2.7", v4.address().orElseThrow().getHostAddress());
        assertEquals(5, PeerId.parse("::1").type().ikeV1IdType());
        assertEquals(2, PeerId.fqdn("a.example").type().ikeV1IdType());
        assertEquals(3, PeerId.userFqdn("a@b.example").type().ikeV1IdType());
        assertEquals(11, PeerId.keyId("k").type().ikeV1IdType());
        assertArrayEquals("k".getBytes(StandardCharsets.UTF_8), PeerId.keyId("k").idData());
        assertEquals(Optional.empty(), PeerId.parse("a.example").address());
        assertEquals(Optional.empty(), PeerId.fromIdData(4, new byte[8])); // ID_IPV4_ADDR_SUBNET: not configurable
        assertEquals(Optional.empty(), PeerId.fromIdData(1, new byte[5]));
        assertNotEquals(PeerId.fqdn("a.example"), PeerId.keyId("a.example"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "bad host", "-x.example", "a..b", "300.1.1.1", "@", "@bad_host!", "@user@", "keyid:",
        "al ice@example.com", "alice@", "1.2.3"})
    void refusesBadIds(String text) {
        ConfigException e = assertThrows(ConfigException.class, () -> PeerId.parse(text));
        assertTrue(e.getMessage().startsWith("PeerId: peerId '" + text + "' "), e.getMessage());
    }

    @Test
    void refusalMessage() {
        assertEquals("PeerId: peerId '300.1.1.1' is neither an IP address nor a host name (all its labels are numeric); "
                + "expected an IP address, host name, user@host or keyid:...", assertThrows(ConfigException.class, () -> PeerId.parse("300.1.1.1")).getMessage());
        assertEquals("PeerId: userFqdn 'host.example' is not user@host",
                assertThrows(ConfigException.class, () -> PeerId.userFqdn("host.example")).getMessage());
    }
}

package org.jvpn.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrFormatTest {

    /** RFC 5952 section 4: the canonical text form of IPv6 addresses. */
    @ParameterizedTest
    @CsvSource({
        "2001:0db8:0000:0000:0000:0000:0000:0000/32, 2001:db8::/32",
        "2001:db8:0:0:1:0:0:1/128, 2001:db8::1:0:0:1/128",
        "2001:db8:0:1:1:1:1:1/128, 2001:db8:0:1:1:1:1:1/128",
        "0:0:0:0:0:0:0:0/0, ::/0",
        "::1/128, ::1/128",
        "fe80::/10, fe80::/10",
        "2001:DB8:AAAA:0:0:0:0:0/48, 2001:db8:aaaa::/48",
        "1:0:0:2:0:0:0:3/128, 1:0:0:2::3/128",
        "1:2:3:4:5:6:7:0/128, 1:2:3:4:5:6:7:0/128",
        "10.1.0.0/16, 10.1.0.0/16",
    })
    void printsTheCanonicalForm(String text, String canonical) {
        Cidr c = Cidr.parse(text);
        assertEquals(canonical, c.toString());
        assertEquals(c, Cidr.parse(c.toString()));
    }

    @Test
    void addressLiteralsWithoutDns() {
        assertEquals("2001:db8::1", Cidr.format(Cidr.parseAddress("2001:db8:0:0:0:0:0:1").orElseThrow()));
        assertEquals("192.0.2.1", Cidr.format(Cidr.parseAddress(" 192.0.2.1 ").orElseThrow()));
        assertEquals(Optional.empty(), Cidr.parseAddress("localhost"));
        assertEquals(Optional.empty(), Cidr.parseAddress("dead:beef")); // looks like hex, is no literal: no DNS lookup
        assertEquals(Optional.empty(), Cidr.parseAddress("1.2.3"));
        assertEquals(6, Cidr.parse("fd00::/8").ipVersion());
        assertEquals(4, Cidr.parse("10.0.0.0/8").ipVersion());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fd00:1::/64", "fd00:1:0:0:8000::/65"})
    void ipv6Overlap(String inner) {
        Cidr outer = Cidr.parse("fd00:1::/48");
        assertTrue(outer.overlaps(Cidr.parse(inner)));
        assertFalse(Cidr.parse("fd00:2::/48").overlaps(Cidr.parse(inner)));
    }
}

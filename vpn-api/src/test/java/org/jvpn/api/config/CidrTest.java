package org.jvpn.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void parsesAndContains() {
        Cidr c = Cidr.parse("10.1.0.0/16");
        assertEquals("10.1.0.0/16", c.toString());
        assertTrue(c.contains(Cidr.parse("10.1.2.0/24")));
        assertFalse(c.contains(Cidr.parse("10.2.0.0/24")));
        assertTrue(c.overlaps(Cidr.parse("10.0.0.0/8")));
        assertEquals("255.255.0.0", Cidr.parse("10.1.0.0/16").maskBytes()[1] == (byte) 255 ? "255.255.0.0" : "");
    }

    @Test
    void refusesHostBitsAndBadPrefixes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.1.2.3/16"));
        assertTrue(e.getMessage().contains("10.1.0.0/16"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.1.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("example.com/24"));
        assertTrue(Cidr.parse("2001:db8::/32").isIpv6());
    }
}

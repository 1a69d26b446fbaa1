package org.jvpn.ike.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.jvpn.api.config.DhGroup;
import org.jvpn.api.spi.crypto.InvalidPublicValueException;
import org.jvpn.api.spi.crypto.KeyAgreement;
import org.jvpn.api.spi.crypto.Secret;
import org.jvpn.ike.testvectors.Json;
import org.jvpn.ike.testvectors.Vectors;

/** MODP groups: primes equal RFC 2409/3526, both sides agree, invalid public values are refused. */
class ModpGroupTest {

    static Stream<DhGroup> modpGroups() {
        return Stream.of(DhGroup.values()).filter(g -> !g.isEcp());
    }

    @ParameterizedTest(name = "prime of {0} equals modp-groups json")
    @MethodSource("modpGroups")
    void primeMatchesRfc(DhGroup group) {
        Map<String, Object> file = Vectors.json("vectors/rfc/modp-groups-rfc2409-rfc3526.json");
        Map<String, Object> entry = Json.list(file.get("groups")).stream().map(Json::obj)
                .filter(g -> ((Number) g.get("group")).intValue() == group.number()).findFirst().orElseThrow();
        ModpGroup g = ModpGroup.of(group);
        assertEquals(new BigInteger(Json.str(entry, "prime_hex"), 16), g.prime());
        assertEquals(((Number) entry.get("generator")).intValue(), ModpGroup.GENERATOR.intValueExact());
        assertEquals(((Number) entry.get("ke_payload_data_length_bytes")).intValue(), g.primeLength());
        assertEquals(group.publicValueLength(), g.primeLength());
        assertEquals(group.bits(), g.prime().bitLength());
        // exponent at least 224 bits (NIST SP 800-56A) and twice ~112+ for 2048 and up
        assertTrue(g.exponentBits() >= 256, "exponent bits " + g.exponentBits());
    }

    @ParameterizedTest(name = "{0}: both sides agree")
    @MethodSource("modpGroups")
    void bothSidesAgree(DhGroup group) throws Exception {
        KeyAgreement a = DhGroups.create(group, TestData.seeded(1));
        KeyAgreement b = DhGroups.create(group, TestData.seeded(2));
        assertEquals(group.number(), a.group());
        assertEquals(group.publicValueLength(), a.publicValue().length);
        assertNotEquals(Vectors.hex(a.publicValue()), Vectors.hex(b.publicValue()));
        try (Secret s1 = a.computeShared(b.publicValue()); Secret s2 = b.computeShared(a.publicValue())) {
            assertEquals(group.publicValueLength(), s1.length());
            assertTrue(s1.contentEquals(s2));
        }
        a.destroy();
        b.destroy();
        assertThrows(IllegalStateException.class, () -> a.computeShared(b.publicValue()));
    }

    @ParameterizedTest(name = "{0}: deterministic with a seeded source")
    @MethodSource("modpGroups")
    void deterministicFromRandomSource(DhGroup group) {
        assertArrayEquals(DhGroups.create(group, TestData.seeded(7)).publicValue(),
                DhGroups.create(group, TestData.seeded(7)).publicValue());
    }

    @ParameterizedTest(name = "{0}: invalid public values refused")
    @MethodSource("modpGroups")
    void invalidPublicValuesRefused(DhGroup group) {
        ModpGroup g = ModpGroup.of(group);
        KeyAgreement a = DhGroups.create(group, TestData.seeded(3));
        int len = g.primeLength();
        BigInteger p = g.prime();
        for (BigInteger bad : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE), p,
                BigInteger.TWO.pow(len * 8).subtract(BigInteger.ONE)}) {
            byte[] value = DhGroups.toFixedLength(bad, len);
            assertThrows(InvalidPublicValueException.class, () -> a.computeShared(value), bad.toString(16));
        }
        byte[] good = DhGroups.create(group, TestData.seeded(4)).publicValue();
        assertThrows(InvalidPublicValueException.class, () -> a.computeShared(java.util.Arrays.copyOf(good, len - 1)));
        assertThrows(InvalidPublicValueException.class, () -> a.computeShared(java.util.Arrays.copyOf(good, len + 1)));
        assertThrows(InvalidPublicValueException.class, () -> a.computeShared(new byte[0]));
    }

    @ParameterizedTest(name = "{0}: private exponent length follows the table")
    @EnumSource(value = DhGroup.class, names = {"GROUP14", "GROUP18"})
    void knownExponentAgreesWithModPow(DhGroup group) throws Exception {
        byte[] x = TestData.seeded(9).nextBytes(32);
        KeyAgreement a = DhGroups.withPrivateValue(group, x);
        BigInteger p = ModpGroup.of(group).prime();
        assertEquals(BigInteger.TWO.modPow(new BigInteger(1, x), p), new BigInteger(1, a.publicValue()));
        assertEquals(DhGroups.modpExponentBits(group), ModpGroup.of(group).exponentBits());
        assertTrue(a.toString().indexOf(Vectors.hex(x)) < 0);
    }
}

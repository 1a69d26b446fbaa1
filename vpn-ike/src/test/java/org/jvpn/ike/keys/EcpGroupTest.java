package org.jvpn.ike.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.jvpn.api.config.DhGroup;
import org.jvpn.api.spi.crypto.InvalidPublicValueException;
import org.jvpn.api.spi.crypto.KeyAgreement;
import org.jvpn.api.spi.crypto.Secret;
import org.jvpn.ike.testvectors.Json;
import org.jvpn.ike.testvectors.Vectors;

/** ECP groups 19, 20, 21: RFC 5903 section 8 vectors, agreement, refusal of bad points. */
class EcpGroupTest {

    static Stream<Arguments> rfc5903() {
        Map<String, Object> file = Vectors.json("vectors/rfc/rfc5903-ecp-groups.json");
        return Json.list(file.get("groups")).stream().map(Json::obj)
                .map(g -> Arguments.of(DhGroup.fromNumber(((Number) g.get("group")).intValue()).orElseThrow(), g));
    }

    @ParameterizedTest(name = "{0}: RFC 5903 test vector")
    @MethodSource("rfc5903")
    void rfcVector(DhGroup group, Map<String, Object> entry) throws Exception {
        Map<String, Object> tv = Json.obj(entry, "test_vector");
        int n = ((Number) entry.get("coordinate_length_bytes")).intValue();
        KeyAgreement i = DhGroups.withPrivateValue(group, Vectors.hex(Json.str(tv, "i")));
        KeyAgreement r = DhGroups.withPrivateValue(group, Vectors.hex(Json.str(tv, "r")));
        String gi = (Json.str(tv, "gix") + Json.str(tv, "giy")).toLowerCase();
        String gr = (Json.str(tv, "grx") + Json.str(tv, "gry")).toLowerCase();
        assertEquals(gi, Vectors.hex(i.publicValue()), "g^i = KEi data (x | y)");
        assertEquals(gr, Vectors.hex(r.publicValue()), "g^r");
        assertEquals(2 * n, group.publicValueLength());
        if (tv.containsKey("derived_ikev1_ke_data_initiator")) {
            assertEquals(Json.str(tv, "derived_ikev1_ke_data_initiator").toLowerCase(), gi);
        }
        try (Secret s1 = i.computeShared(r.publicValue()); Secret s2 = r.computeShared(i.publicValue())) {
            assertEquals(Json.str(tv, "girx").toLowerCase(), Vectors.hex(s1.unsafeBytes()), "shared = x only");
            assertTrue(s1.contentEquals(s2));
        }
    }

    static Stream<DhGroup> ecpGroups() {
        return Stream.of(DhGroup.values()).filter(DhGroup::isEcp);
    }

    @ParameterizedTest(name = "{0}: random key pairs agree")
    @MethodSource("ecpGroups")
    void bothSidesAgree(DhGroup group) throws Exception {
        KeyAgreement a = DhGroups.create(group, TestData.seeded(11));
        KeyAgreement b = DhGroups.create(group, TestData.seeded(12));
        assertEquals(group.publicValueLength(), a.publicValue().length);
        try (Secret s1 = a.computeShared(b.publicValue()); Secret s2 = b.computeShared(a.publicValue())) {
            assertEquals(group.publicValueLength() / 2, s1.length());
            assertTrue(s1.contentEquals(s2));
        }
        a.destroy();
        assertThrows(IllegalStateException.class, () -> a.computeShared(b.publicValue()));
    }

    @ParameterizedTest(name = "{0}: invalid points refused")
    @MethodSource("ecpGroups")
    void invalidPointsRefused(DhGroup group) {
        KeyAgreement a = DhGroups.create(group, TestData.seeded(13));
        byte[] good = DhGroups.create(group, TestData.seeded(14)).publicValue();
        int len = good.length;
        byte[] notOnCurve = good.clone();
        notOnCurve[len - 1] ^= 1;
        byte[] zeros = new byte[len];
        byte[] ones = new byte[len];
        Arrays.fill(ones, (byte) 0xff);
        for (byte[] bad : new byte[][] {notOnCurve, zeros, ones, Arrays.copyOf(good, len - 1),
                Arrays.copyOf(good, len + 1), new byte[0], Arrays.copyOf(good, len / 2)}) {
            assertThrows(InvalidPublicValueException.class, () -> a.computeShared(bad), Vectors.hex(bad));
        }
        // x = p (out of field range), y from a real point
        EcpKeyAgreement.Curve c = EcpKeyAgreement.Curve.of(group);
        byte[] xp = DhGroups.toFixedLength(c.curve().getField().getCharacteristic(), len / 2);
        byte[] big = good.clone();
        System.arraycopy(xp, 0, big, 0, len / 2);
        assertThrows(InvalidPublicValueException.class, () -> a.computeShared(big));
        assertThrows(IllegalArgumentException.class,
                () -> DhGroups.withPrivateValue(group, DhGroups.toFixedLength(BigInteger.ZERO, len / 2)));
    }
}

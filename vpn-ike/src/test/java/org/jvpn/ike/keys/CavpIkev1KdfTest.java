package org.jvpn.ike.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.jvpn.api.spi.crypto.HashAlgorithm;
import org.jvpn.api.spi.crypto.Secret;
import org.jvpn.ike.testvectors.Vectors;

/**
 * NIST CAVP SP 800-135 IKEv1 KDF vectors: SKEYID, SKEYID_d, SKEYID_a, SKEYID_e for pre-shared-key
 * (ikev1_psk.fax, 1700 vectors) and signature (ikev1_dsa.fax) authentication, parsed at test time.
 */
class CavpIkev1KdfTest {

    /** One vector: its section ("[g^xy length = 256] [SHA-1] ...") and its fields. */
    record Vector(String file, String section, int count, HashAlgorithm hash, Map<String, String> fields) {
        byte[] get(String key) {
            String v = fields.get(key);
            if (v == null) {
                throw new IllegalArgumentException("COUNT " + count + " in " + section + " lacks " + key);
            }
            return Vectors.hex(v);
        }
    }

    private static final Map<String, HashAlgorithm> HASHES = Map.of(
            "SHA-1", HashAlgorithm.SHA1, "SHA-256", HashAlgorithm.SHA256,
            "SHA-384", HashAlgorithm.SHA384, "SHA-512", HashAlgorithm.SHA512);

    static List<Vector> parse(String file) {
        List<Vector> out = new ArrayList<>();
        Map<String, String> section = new LinkedHashMap<>();
        Map<String, String> fields = null;
        for (String raw : Vectors.text("vectors/nist-cavp-kdf135-ikev1/" + file).split("\n")) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                String inner = line.substring(1, line.length() - 1);
                int eq = inner.indexOf('=');
                String key = eq < 0 ? "hash" : inner.substring(0, eq).trim();
                section.put(key, eq < 0 ? inner.trim() : inner.substring(eq + 1).trim());
                fields = null;
                continue;
            }
            int eq = line.indexOf('=');
            String key = line.substring(0, eq).trim();
            String value = line.substring(eq + 1).trim();
            if (key.equals("COUNT")) {
                fields = new LinkedHashMap<>();
                String name = section.toString();
                HashAlgorithm hash = HASHES.get(section.get("hash"));
                out.add(new Vector(file, name, Integer.parseInt(value), hash, fields));
            } else if (fields != null) {
                fields.put(key, value);
            }
        }
        return out;
    }

    static Stream<Arguments> pskVectors() {
        return parse("ikev1_psk.fax").stream().map(v -> Arguments.of(v.section(), v.count(), v));
    }

    static Stream<Arguments> dsaVectors() {
        return parse("ikev1_dsa.fax").stream().map(v -> Arguments.of(v.section(), v.count(), v));
    }

    @Test
    void pskFileHolds1700Vectors() {
        assertEquals(1700, parse("ikev1_psk.fax").size());
    }

    @ParameterizedTest(name = "psk {0} COUNT = {1}")
    @MethodSource("pskVectors")
    void preSharedKey(String section, int count, Vector v) {
        Prf prf = new Prf(TestData.BACKEND, v.hash());
        try (Secret psk = Secret.copyOf(v.get("pre-shared-key"));
             Secret gxy = Secret.copyOf(v.get("g^xy"));
             IsakmpKeys keys = IsakmpKeys.derivePsk(prf, psk, v.get("Ni"), v.get("Nr"), gxy,
                     v.get("CKY_I"), v.get("CKY_R"), 16)) {
            assertKeys(v, keys);
        }
    }

    @ParameterizedTest(name = "dsa {0} COUNT = {1}")
    @MethodSource("dsaVectors")
    void signature(String section, int count, Vector v) {
        Prf prf = new Prf(TestData.BACKEND, v.hash());
        try (Secret gxy = Secret.copyOf(v.get("g^xy"));
             IsakmpKeys keys = IsakmpKeys.deriveSignature(prf, v.get("Ni"), v.get("Nr"), gxy,
                     v.get("CKY_I"), v.get("CKY_R"), 16)) {
            assertKeys(v, keys);
        }
    }

    private static void assertKeys(Vector v, IsakmpKeys keys) {
        String where = v.file() + " " + v.section() + " COUNT " + v.count();
        assertEquals(Vectors.hex(v.get("SKEYID")), Vectors.hex(keys.skeyid().unsafeBytes()), "SKEYID " + where);
        assertEquals(Vectors.hex(v.get("SKEYID_d")), Vectors.hex(keys.skeyidD().unsafeBytes()), "SKEYID_d " + where);
        assertEquals(Vectors.hex(v.get("SKEYID_a")), Vectors.hex(keys.skeyidA().unsafeBytes()), "SKEYID_a " + where);
        assertEquals(Vectors.hex(v.get("SKEYID_e")), Vectors.hex(keys.skeyidE().unsafeBytes()), "SKEYID_e " + where);
        assertTrue(keys.toString().indexOf(Vectors.hex(keys.skeyid().unsafeBytes())) < 0);
    }
}

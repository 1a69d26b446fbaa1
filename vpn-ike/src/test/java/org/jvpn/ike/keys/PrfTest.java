package org.jvpn.ike.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.jvpn.api.spi.crypto.HashAlgorithm;
import org.jvpn.api.spi.crypto.Secret;
import org.jvpn.ike.testvectors.Json;
import org.jvpn.ike.testvectors.Vectors;

/** The PRF against RFC 4868 section 2.7.1, and HASH_R with MD5 and SHA-1 PRFs from real responders. */
class PrfTest {

    private static final Map<String, HashAlgorithm> PRF_FIELDS = Map.of(
            "hmac_sha_256_prf", HashAlgorithm.SHA256,
            "hmac_sha_384_prf", HashAlgorithm.SHA384,
            "hmac_sha_512_prf", HashAlgorithm.SHA512);

    static Stream<Arguments> rfc4868() {
        Map<String, Object> file = Vectors.json("vectors/rfc/rfc4868-hmac-sha2-ipsec.json");
        return Json.list(file.get("prf_vectors")).stream().map(Json::obj).flatMap(v ->
                PRF_FIELDS.entrySet().stream().map(e -> Arguments.of(Json.str(v, "test_case"), e.getValue(), v,
                        Json.str(v, e.getKey()))));
    }

    @ParameterizedTest(name = "RFC 4868 {0} {1}")
    @MethodSource("rfc4868")
    void rfc4868Prf(String testCase, HashAlgorithm hash, Map<String, Object> v, String expected) {
        String keyHex = v.containsKey("key_effective") ? Json.str(v, "key_effective") : Json.str(v, "key");
        Prf prf = new Prf(TestData.BACKEND, hash);
        assertEquals(expected, Vectors.hex(prf.compute(Vectors.hex(keyHex), Vectors.hex(Json.str(v, "data")))));
        assertEquals(hash.outputLength(), prf.length());
    }

    static Stream<Arguments> ikeScan() {
        Map<String, Object> file = Vectors.json("vectors/ike-exchanges/ike-scan-aggressive-psk-hash_r.json");
        return Json.list(file.get("vectors")).stream().map(Json::obj)
                .map(v -> Arguments.of(Json.str(v, "source_file") + " " + Json.str(v, "hash")
                        + " psk " + Json.str(v, "psk_ascii").length() + " chars", v));
    }

    @ParameterizedTest(name = "ike-scan HASH_R {0}")
    @MethodSource("ikeScan")
    void hashRFromRealResponders(String name, Map<String, Object> v) {
        HashAlgorithm hash = Json.str(v, "hash").equals("MD5") ? HashAlgorithm.MD5 : HashAlgorithm.SHA1;
        Prf prf = new Prf(TestData.BACKEND, hash);
        byte[] psk = Json.str(v, "psk_ascii").getBytes(StandardCharsets.US_ASCII);
        try (Secret pskSecret = Secret.copyOf(psk);
             Secret skeyid = IsakmpKeys.skeyidPsk(prf, pskSecret, Vectors.hex(Json.str(v, "ni_b")),
                     Vectors.hex(Json.str(v, "nr_b")))) {
            assertEquals(Json.str(v, "skeyid_derived"), Vectors.hex(skeyid.unsafeBytes()));
            byte[] hashR = IsakmpKeys.hashR(prf, skeyid, Vectors.hex(Json.str(v, "g_xi")),
                    Vectors.hex(Json.str(v, "g_xr")), Vectors.hex(Json.str(v, "cky_i")),
                    Vectors.hex(Json.str(v, "cky_r")), Vectors.hex(Json.str(v, "sai_b")),
                    Vectors.hex(Json.str(v, "idir_b")));
            byte[] received = Vectors.hex(Json.str(v, "hash_r"));
            assertTrue(IsakmpKeys.hashMatches(hashR, received));
            received[received.length - 1] ^= 1;
            assertFalse(IsakmpKeys.hashMatches(hashR, received));
        }
    }

    /** RFC 2409 appendix B: SKEYID_e of 20 bytes (SHA-1) expands to a 32-byte AES-256 / 24-byte 3DES key. */
    @Test
    void keyExpansionForLongKeys() {
        Prf prf = new Prf(TestData.BACKEND, HashAlgorithm.SHA1);
        try (Secret e = Secret.copyOf(Vectors.hex("6c40f4ee0189ebbfcdb7a4630732e95d6df312ab"))) {
            byte[] k1 = prf.compute(e, new byte[] {0});
            byte[] k2 = prf.compute(e, k1);
            String ka = Vectors.hex(k1) + Vectors.hex(k2);
            try (Secret key32 = IsakmpKeys.expandEncryptionKey(prf, e, 32);
                 Secret key24 = IsakmpKeys.expandEncryptionKey(prf, e, 24);
                 Secret key16 = IsakmpKeys.expandEncryptionKey(prf, e, 16)) {
                assertEquals(ka.substring(0, 64), Vectors.hex(key32.unsafeBytes()));
                assertEquals(ka.substring(0, 48), Vectors.hex(key24.unsafeBytes()));
                assertEquals("6c40f4ee0189ebbfcdb7a4630732e95d", Vectors.hex(key16.unsafeBytes()));
            }
        }
        // SHA-256 SKEYID_e (32 bytes) is long enough for AES-256: plain truncation
        Prf prf256 = new Prf(TestData.BACKEND, HashAlgorithm.SHA256);
        byte[] raw = TestData.seeded(5).nextBytes(32);
        try (Secret e = Secret.copyOf(raw); Secret key = IsakmpKeys.expandEncryptionKey(prf256, e, 32)) {
            assertEquals(Vectors.hex(raw), Vectors.hex(key.unsafeBytes()));
        }
    }

    /** KEYMAT with PFS puts g(qm)^xy first and expands K2 = prf(SKEYID_d, K1 | g(qm)^xy | ...). */
    @Test
    void keymatWithPfs() {
        Prf prf = new Prf(TestData.BACKEND, HashAlgorithm.SHA256);
        byte[] d = TestData.seeded(21).nextBytes(32);
        byte[] g = TestData.seeded(22).nextBytes(256);
        byte[] spi = {1, 2, 3, 4};
        byte[] ni = TestData.seeded(23).nextBytes(16);
        byte[] nr = TestData.seeded(24).nextBytes(16);
        byte[] proto = {3};
        byte[] k1 = prf.compute(d, g, proto, spi, ni, nr);
        byte[] k2 = prf.compute(d, k1, g, proto, spi, ni, nr);
        try (Secret sd = Secret.copyOf(d); Secret sg = Secret.copyOf(g);
             Secret km = Keymat.derive(prf, sd, sg, Keymat.PROTO_IPSEC_ESP, spi, ni, nr, 52)) {
            assertEquals((Vectors.hex(k1) + Vectors.hex(k2)).substring(0, 104), Vectors.hex(km.unsafeBytes()));
            // GCM: 32-byte key then 4-byte salt
            var sa = Keymat.espKeys(prf, sd, sg, 0x01020304, ni, nr,
                    org.jvpn.api.config.EncryptionAlgorithm.AES_256_GCM_16, null);
            assertEquals(Vectors.hex(k1) + Vectors.hex(k2).substring(0, 8), Vectors.hex(sa.encryptionKey().unsafeBytes()));
            assertEquals(null, sa.integrityKey());
        }
    }
}

package org.jvpn.esp.crypto;

import static org.jvpn.esp.testutil.Vectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.jvpn.api.spi.crypto.AeadAlgorithm;
import org.jvpn.api.spi.crypto.AeadCipher;
import org.jvpn.api.spi.crypto.BlockCipherAlgorithm;
import org.jvpn.api.spi.crypto.CbcCipher;
import org.jvpn.api.spi.crypto.CryptoBackend;
import org.jvpn.api.spi.crypto.HashAlgorithm;
import org.jvpn.esp.testutil.Vectors;

/** RFC 2202, 4231, 4868 HMACs and RFC 3602 AES-CBC on every back end, and GCM/CBC across back ends. */
class CryptoVectorsTest {

    static Stream<CryptoBackend> backends() {
        return Stream.of(CryptoBackends.jca(), CryptoBackends.bc(), CryptoBackends.defaults());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void rfc2202HmacSha1(CryptoBackend be) {
        List<Map<String, Object>> vs = Vectors.list(Vectors.json("rfc/rfc2202-hmac-sha1.json"), "vectors");
        assertEquals(7, vs.size());
        for (Map<String, Object> v : vs) {
            byte[] mac = be.hmac(HashAlgorithm.SHA1, hex(v.get("key"))).compute(hex(v.get("data")));
            assertEquals(v.get("digest"), Vectors.hex(mac), "case " + v.get("test_case"));
            assertEquals(v.get("hmac_sha1_96_derived"), Vectors.hex(Arrays.copyOf(mac, 12)));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void rfc4231HmacSha2(CryptoBackend be) {
        int checked = 0;
        for (Map<String, Object> v : Vectors.list(Vectors.json("rfc/rfc4231-hmac-sha2.json"), "vectors")) {
            for (HashAlgorithm h : List.of(HashAlgorithm.SHA256, HashAlgorithm.SHA384, HashAlgorithm.SHA512)) {
                String expected = (String) v.get("hmac_sha" + h.name().substring(3));
                byte[] mac = be.hmac(h, hex(v.get("key"))).compute(hex(v.get("data")));
                assertEquals(expected, Vectors.hex(Arrays.copyOf(mac, expected.length() / 2)), "case " + v.get("test_case") + " " + h);
                checked++;
            }
        }
        assertEquals(21, checked);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void rfc4868AuthAndPrf(CryptoBackend be) {
        Map<String, Object> f = Vectors.json("rfc/rfc4868-hmac-sha2-ipsec.json");
        List<Map<String, Object>> auth = Vectors.list(f, "auth_vectors");
        assertEquals(12, auth.size());
        for (Map<String, Object> v : auth) {
            HashAlgorithm h = HashAlgorithm.valueOf(((String) v.get("hash")).replace("-", ""));
            byte[] mac = be.hmac(h, hex(v.get("key_effective"))).compute(hex(v.get("data")));
            assertEquals(v.get("prf_output"), Vectors.hex(mac), (String) v.get("test_case"));
            int trunc = (int) (long) (Long) v.get("trunc_bits") / 8;
            assertEquals(v.get("truncated_icv"), Vectors.hex(Arrays.copyOf(mac, trunc)));
        }
        for (Map<String, Object> v : Vectors.list(f, "prf_vectors")) {
            for (HashAlgorithm h : List.of(HashAlgorithm.SHA256, HashAlgorithm.SHA384, HashAlgorithm.SHA512)) {
                byte[] mac = be.hmac(h, hex(v.get("key"))).compute(hex(v.get("data")));
                assertEquals(v.get("hmac_sha_" + h.name().substring(3) + "_prf"), Vectors.hex(mac));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void rfc3602AesCbc(CryptoBackend be) {
        List<Map<String, Object>> vs = Vectors.list(Vectors.json("rfc/rfc3602-aes-cbc-esp.json"), "basic_cases");
        assertEquals(4, vs.size());
        for (Map<String, Object> v : vs) {
            CbcCipher c = be.cbc(BlockCipherAlgorithm.AES_CBC, hex(v.get("key")));
            byte[] pt = hex(v.get("plaintext"));
            byte[] buf = pt.clone();
            c.encrypt(hex(v.get("iv")), 0, buf, 0, buf.length, buf, 0);
            assertEquals(v.get("ciphertext"), Vectors.hex(buf));
            c.decrypt(hex(v.get("iv")), 0, buf, 0, buf.length, buf, 0);
            assertArrayEquals(pt, buf);
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void digestsMatchKnownValues(CryptoBackend be) {
        byte[] abc = "abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", Vectors.hex(be.digest(HashAlgorithm.SHA1).digest(abc)));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Vectors.hex(be.digest(HashAlgorithm.SHA256).digest(abc)));
        assertEquals("900150983cd24fb0d6963f7d28e17f72", Vectors.hex(be.digest(HashAlgorithm.MD5).digest(abc)));
    }

    static Stream<Object[]> gcmMatrix() {
        return Stream.of(16, 24, 32).flatMap(k -> Stream.of(8, 12, 16).flatMap(t -> Stream.of(
                new Object[] {CryptoBackends.jca(), CryptoBackends.bc(), k, t},
                new Object[] {CryptoBackends.bc(), CryptoBackends.jca(), k, t})));
    }

    /** Primitive level: one back end seals, the other opens; a flipped bit fails; short tags are prefixes. */
    @ParameterizedTest
    @MethodSource("gcmMatrix")
    void gcmAcrossBackends(CryptoBackend enc, CryptoBackend dec, int keyLen, int tagLen) {
        Random r = new Random(keyLen * 31 + tagLen);
        byte[] key = new byte[keyLen];
        r.nextBytes(key);
        AeadCipher a = enc.aead(AeadAlgorithm.AES_GCM, key);
        AeadCipher b = dec.aead(AeadAlgorithm.AES_GCM, key);
        AeadCipher full = dec.aead(AeadAlgorithm.AES_GCM, key);
        for (int len : new int[] {0, 1, 15, 16, 17, 100, 1400}) {
            byte[] nonce = new byte[12];
            r.nextBytes(nonce);
            byte[] aad = new byte[8];
            r.nextBytes(aad);
            byte[] pt = new byte[len];
            r.nextBytes(pt);
            byte[] buf = Arrays.copyOf(pt, len + tagLen); // exactly sized: no slack after the tag
            assertEquals(len + tagLen, a.seal(nonce, aad, 0, 8, buf, 0, len, buf, 0, tagLen));
            byte[] ref = new byte[len + 16];
            full.seal(nonce, aad, 0, 8, pt, 0, len, ref, 0, 16);
            assertArrayEquals(Arrays.copyOf(ref, len + tagLen), buf, "truncated tag is the prefix of the full one");
            byte[] bad = buf.clone();
            bad[r.nextInt(bad.length)] ^= 1;
            assertEquals(-1, b.open(nonce, aad, 0, 8, bad, 0, bad.length, bad, 0, tagLen));
            assertEquals(len, b.open(nonce, aad, 0, 8, buf, 0, buf.length, buf, 0, tagLen));
            assertArrayEquals(pt, Arrays.copyOf(buf, len));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void ccmOnlyWhereSupported(CryptoBackend be) {
        boolean ccm = be.supports(AeadAlgorithm.AES_CCM, 16);
        assertEquals(!be.name().equals("jca"), ccm);
        assertTrue(be.supports(AeadAlgorithm.AES_GCM, 32));
        assertTrue(be.supports(BlockCipherAlgorithm.DES_EDE3_CBC, 24));
    }
}

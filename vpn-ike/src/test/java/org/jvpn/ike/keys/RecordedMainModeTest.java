package org.jvpn.ike.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jvpn.ike.testvectors.Vectors.hex;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jvpn.api.config.AuthAlgorithm;
import org.jvpn.api.config.DhGroup;
import org.jvpn.api.config.EncryptionAlgorithm;
import org.jvpn.api.spi.crypto.HashAlgorithm;
import org.jvpn.api.spi.crypto.KeyAgreement;
import org.jvpn.api.spi.crypto.Secret;
import org.jvpn.api.spi.dataplane.SaKeys;
import org.jvpn.ike.testvectors.Json;
import org.jvpn.ike.testvectors.Vectors;

/**
 * The RUB-NDS recorded IKEv1 exchanges against a real responder (Main Mode PSK, AES-128-CBC, HMAC-SHA1,
 * MODP-1024; then Quick Mode without PFS, resp. an informational message): with the recorded initiator DH
 * private key every key, IV, plaintext, hash and KEYMAT is derived and compared, and both sides' crypters
 * re-encrypt the recorded messages byte for byte.
 */
class RecordedMainModeTest {

    private static final int HASH = 8;
    private static final int NONCE = 10;
    private static final int ID = 5;
    private static final int NOTIFY = 11;

    private static Map<String, Object> file;

    @BeforeAll
    static void load() {
        file = Vectors.json("vectors/ike-exchanges/rubnds-ikev1-mainmode-psk-recorded.json");
    }

    /** One exchange of the file: its parameters, messages by label, derived values. */
    static final class Exchange {
        final Map<String, Object> params;
        final Map<String, byte[]> messages = new HashMap<>();
        final Map<String, Object> derived;

        Exchange(int index) {
            Map<String, Object> ex = Json.obj(Json.list(file.get("exchanges")).get(index));
            params = Json.obj(ex, "parameters");
            derived = Json.obj(ex, "derived_by_collector");
            for (Object m : Json.list(ex.get("messages"))) {
                String label = Json.str(m, "label").split(" ")[0];
                messages.put(label, hex(Json.str(m, "isakmp_hex")));
            }
        }

        byte[] d(String key) {
            return hex(Json.str(derived, key));
        }

        static int messageId(byte[] message) {
            return (message[20] & 0xff) << 24 | (message[21] & 0xff) << 16 | (message[22] & 0xff) << 8 | (message[23] & 0xff);
        }
    }

    private static Prf prf() {
        return new Prf(TestData.BACKEND, AuthAlgorithm.SHA1.hash());
    }

    private static IsakmpKeys deriveKeys(Exchange ex) throws Exception {
        KeyAgreement dh = DhGroups.withPrivateValue(DhGroup.GROUP2, hex(Json.str(ex.params, "initiator_dh_private_x")));
        assertArrayEquals(ex.d("g_xi"), dh.publicValue(), "g^xi from the recorded private key");
        byte[] mm3 = ex.messages.get("MM3");
        // the KE payload is the first payload of MM3 (header next payload = 4)
        PayloadChain chain = PayloadChain.walk(Arrays.copyOfRange(mm3, 28, mm3.length), mm3[16]);
        assertArrayEquals(ex.d("g_xi"), chain.first(4).body(), "MM3 KE payload");
        try (Secret gxy = dh.computeShared(ex.d("g_xr"))) {
            dh.destroy();
            assertEquals(hex(ex.d("g_xy")), hex(gxy.unsafeBytes()), "g^xy");
            byte[] pskBytes = Json.str(ex.params, "psk_ascii").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            if (ex.params.containsKey("psk_hex")) {
                assertArrayEquals(hex(Json.str(ex.params, "psk_hex")), pskBytes);
            }
            try (Secret psk = Secret.copyOf(pskBytes)) {
                return IsakmpKeys.derivePsk(prf(), psk, ex.d("Ni_b"), ex.d("Nr_b"), gxy, ex.d("CKY_I"), ex.d("CKY_R"),
                        EncryptionAlgorithm.AES_128.keyLength());
            }
        }
    }

    private static IkeCrypter crypter(Exchange ex, IsakmpKeys keys) {
        return IkeCrypter.create(TestData.BACKEND, EncryptionAlgorithm.AES_128, HashAlgorithm.SHA1,
                keys.encryptionKey(), ex.d("g_xi"), ex.d("g_xr"));
    }

    /** Decrypts {@code label} with {@code c}, checks the HASH payload with the engine's order: decrypt, verify, confirm. */
    private static byte[] open(IkeCrypter c, Exchange ex, String label) throws DecryptException {
        byte[] msg = ex.messages.get(label);
        return c.decryptMessage(Exchange.messageId(msg), msg);
    }

    /** Re-encrypts the payload chain of {@code plain} (padding stripped) and expects the recorded bytes. */
    private static void seal(IkeCrypter c, Exchange ex, String label, byte[] plain) {
        byte[] msg = ex.messages.get(label);
        PayloadChain chain = PayloadChain.walk(plain, msg[16]);
        byte[] unpadded = Arrays.copyOf(plain, chain.end());
        byte[] header = Arrays.copyOf(msg, IkeCrypter.HEADER_LENGTH);
        assertEquals(hex(msg), hex(c.encryptMessage(Exchange.messageId(msg), header, unpadded)), label + " re-encrypted");
    }

    @Test
    void mainModeThenQuickMode() throws Exception {
        Exchange ex = new Exchange(0);
        try (IsakmpKeys keys = deriveKeys(ex)) {
            assertEquals(hex(ex.d("SKEYID")), hex(keys.skeyid().unsafeBytes()));
            assertEquals(hex(ex.d("SKEYID_d")), hex(keys.skeyidD().unsafeBytes()));
            assertEquals(hex(ex.d("SKEYID_a")), hex(keys.skeyidA().unsafeBytes()));
            assertEquals(hex(ex.d("SKEYID_e")), hex(keys.skeyidE().unsafeBytes()));
            assertEquals(hex(ex.d("phase1_enc_key")), hex(keys.encryptionKey().unsafeBytes()));

            IkeCrypter responder = crypter(ex, keys);
            IkeCrypter initiator = crypter(ex, keys);
            assertEquals(hex(ex.d("phase1_iv")), hex(responder.currentIv(0)), "phase-1 IV = hash(g^xi | g^xr)");

            /* HDR*, IDii, HASH_I --> */
            byte[] mm5 = open(responder, ex, "MM5");
            assertEquals(hex(ex.d("MM5_plaintext")), hex(mm5));
            PayloadChain c5 = PayloadChain.walk(mm5, ID);
            assertEquals(hex(ex.d("IDii_b")), hex(c5.first(ID).body()));
            byte[] hashI = keys.hashI(ex.d("g_xi"), ex.d("g_xr"), ex.d("CKY_I"), ex.d("CKY_R"), ex.d("SAi_b"), ex.d("IDii_b"));
            assertEquals(hex(ex.d("HASH_I")), hex(hashI));
            assertTrue(IsakmpKeys.hashMatches(hashI, c5.first(HASH).body()), "HASH_I in MM5");
            responder.confirm(0);
            assertEquals(hex(ex.d("MM6_iv")), hex(responder.currentIv(0)), "MM6 IV = last block of MM5");
            seal(initiator, ex, "MM5", mm5);

            /* <-- HDR*, IDir, HASH_R */
            seal(responder, ex, "MM6", hex(Json.str(ex.derived, "MM6_plaintext")));
            byte[] mm6 = open(initiator, ex, "MM6");
            assertEquals(hex(ex.d("MM6_plaintext")), hex(mm6));
            PayloadChain c6 = PayloadChain.walk(mm6, ID);
            byte[] hashR = keys.hashR(ex.d("g_xi"), ex.d("g_xr"), ex.d("CKY_I"), ex.d("CKY_R"), ex.d("SAi_b"), c6.first(ID).body());
            assertEquals(hex(ex.d("HASH_R")), hex(hashR));
            assertTrue(IsakmpKeys.hashMatches(hashR, c6.first(HASH).body()), "HASH_R in MM6");
            initiator.confirm(0);

            int mid = (int) Long.parseLong(Json.str(ex.derived, "quick_mode_message_id"), 16);
            assertEquals(hex(ex.d("QM1_iv")), hex(initiator.currentIv(mid)), "QM IV = hash(last MM6 block | M-ID)");
            assertEquals(hex(ex.d("QM1_iv")), hex(responder.currentIv(mid)));

            /* HDR*, HASH(1), SA, Ni, IDci, IDcr --> */
            byte[] qm1 = open(responder, ex, "QM1");
            assertEquals(hex(ex.d("QM1_plaintext")), hex(qm1));
            PayloadChain q1 = PayloadChain.walk(qm1, HASH);
            byte[] hash1 = keys.quickModeHash1(mid, q1.afterFirst(qm1));
            assertEquals(hex(ex.d("HASH_1")), hex(hash1));
            assertTrue(IsakmpKeys.hashMatches(hash1, q1.first(HASH).body()));
            responder.confirm(mid);
            seal(initiator, ex, "QM1", qm1);
            byte[] ni = q1.first(NONCE).body();
            assertEquals(hex(ex.d("Ni2_b")), hex(ni));

            /* <-- HDR*, HASH(2), SA, Nr, IDci, IDcr */
            assertEquals(hex(ex.d("QM2_iv")), hex(initiator.currentIv(mid)));
            byte[] qm2 = open(initiator, ex, "QM2");
            assertEquals(hex(ex.d("QM2_plaintext")), hex(qm2));
            PayloadChain q2 = PayloadChain.walk(qm2, HASH);
            byte[] hash2 = keys.quickModeHash2(mid, ni, q2.afterFirst(qm2));
            assertEquals(hex(ex.d("HASH_2")), hex(hash2));
            assertTrue(IsakmpKeys.hashMatches(hash2, q2.first(HASH).body()));
            initiator.confirm(mid);
            seal(responder, ex, "QM2", qm2);
            byte[] nr = q2.first(NONCE).body();
            assertEquals(hex(ex.d("Nr2_b")), hex(nr));

            /* HDR*, HASH(3) --> */
            assertEquals(hex(ex.d("QM3_iv")), hex(responder.currentIv(mid)));
            byte[] qm3 = open(responder, ex, "QM3");
            assertEquals(hex(ex.d("QM3_plaintext")), hex(qm3));
            byte[] hash3 = keys.quickModeHash3(mid, ni, nr);
            assertEquals(hex(ex.d("HASH_3")), hex(hash3));
            assertTrue(IsakmpKeys.hashMatches(hash3, PayloadChain.walk(qm3, HASH).first(HASH).body()));
            seal(initiator, ex, "QM3", qm3);

            // KEYMAT, no PFS: the responder's SPI keys initiator->responder, the initiator's the reverse
            byte[] spiR = ex.d("responder_spi");
            byte[] spiI = ex.d("initiator_spi");
            try (Secret out = keys.keymat(Keymat.PROTO_IPSEC_ESP, spiR, ni, nr, null, 36);
                 Secret in = keys.keymat(Keymat.PROTO_IPSEC_ESP, spiI, ni, nr, null, 36)) {
                assertEquals(Json.str(ex.derived, "KEYMAT_initiator_to_responder_spi_c6bf8b4d"), hex(out.unsafeBytes()));
                assertEquals(Json.str(ex.derived, "KEYMAT_responder_to_initiator_spi_b75ad16c"), hex(in.unsafeBytes()));
                // the same keys split for the data plane: AES-128 key, then HMAC-SHA1 key
                int spi = java.nio.ByteBuffer.wrap(spiR).getInt();
                SaKeys sa = Keymat.espKeys(keys.prf(), keys.skeyidD(), null, spi, ni, nr,
                        EncryptionAlgorithm.AES_128, AuthAlgorithm.SHA1);
                assertEquals(36, Keymat.espKeymatLength(EncryptionAlgorithm.AES_128, AuthAlgorithm.SHA1));
                assertEquals(hex(Arrays.copyOf(out.unsafeBytes(), 16)), hex(sa.encryptionKey().unsafeBytes()));
                assertEquals(hex(Arrays.copyOfRange(out.unsafeBytes(), 16, 36)), hex(sa.integrityKey().unsafeBytes()));
                assertTrue(!sa.toString().contains(hex(sa.encryptionKey().unsafeBytes())));
                sa.destroy();
            }
            responder.destroy();
            initiator.destroy();
        }
    }

    @Test
    void mainModeThenInformational() throws Exception {
        Exchange ex = new Exchange(1);
        try (IsakmpKeys keys = deriveKeys(ex)) {
            assertEquals(hex(ex.d("SKEYID")), hex(keys.skeyid().unsafeBytes()));
            assertEquals(hex(ex.d("SKEYID_d")), hex(keys.skeyidD().unsafeBytes()));
            assertEquals(hex(ex.d("SKEYID_a")), hex(keys.skeyidA().unsafeBytes()));
            assertEquals(hex(ex.d("SKEYID_e")), hex(keys.skeyidE().unsafeBytes()));
            assertEquals(hex(ex.d("phase1_enc_key")), hex(keys.encryptionKey().unsafeBytes()));
            IkeCrypter initiator = crypter(ex, keys);
            assertEquals(hex(ex.d("phase1_iv")), hex(initiator.currentIv(0)));

            byte[] mm5 = ex.messages.get("MM5");
            // the initiator's own MM5: encrypt chains the IV at once
            byte[] plain5;
            {
                IkeCrypter responder = crypter(ex, keys);
                plain5 = open(responder, ex, "MM5");
                PayloadChain c5 = PayloadChain.walk(plain5, ID);
                byte[] hashI = keys.hashI(ex.d("g_xi"), ex.d("g_xr"), ex.d("CKY_I"), ex.d("CKY_R"), ex.d("SAi_b"),
                        c5.first(ID).body());
                assertEquals(hex(ex.d("HASH_I")), hex(hashI));
                assertTrue(IsakmpKeys.hashMatches(hashI, c5.first(HASH).body()));
                responder.destroy();
            }
            seal(initiator, ex, "MM5", plain5);
            assertEquals(hex(Arrays.copyOfRange(mm5, mm5.length - 16, mm5.length)), hex(initiator.currentIv(0)));

            byte[] mm6 = open(initiator, ex, "MM6");
            PayloadChain c6 = PayloadChain.walk(mm6, ID);
            byte[] hashR = keys.hashR(ex.d("g_xi"), ex.d("g_xr"), ex.d("CKY_I"), ex.d("CKY_R"), ex.d("SAi_b"), c6.first(ID).body());
            assertEquals(hex(ex.d("HASH_R")), hex(hashR));
            assertTrue(IsakmpKeys.hashMatches(hashR, c6.first(HASH).body()));
            initiator.confirm(0);

            /* <-- HDR*, HASH(1), N(RESPONDER-LIFETIME) */
            int mid = (int) Long.parseLong(Json.str(ex.derived, "info_message_id"), 16);
            assertEquals(hex(ex.d("info_iv")), hex(initiator.currentIv(mid)));
            byte[] info = open(initiator, ex, "INFO1");
            assertEquals(hex(ex.d("info_plaintext")), hex(info));
            PayloadChain ci = PayloadChain.walk(info, HASH);
            assertEquals(NOTIFY, ci.payloads().get(1).type());
            byte[] h = keys.informationalHash(mid, ci.afterFirst(info));
            assertEquals(hex(ex.d("info_HASH_1")), hex(h));
            assertTrue(IsakmpKeys.hashMatches(h, ci.first(HASH).body()));
            initiator.confirm(mid);
            initiator.forget(mid);
            initiator.destroy();
        }
    }

    /** The three RUB-NDS unit vectors: keys, phase-1 IV, HASH_R, a phase-2 IV, KEYMAT both ways. */
    @Test
    void unitVectors() throws Exception {
        List<Object> units = Json.list(file.get("key_derivation_unit_vectors"));
        assertEquals(3, units.size());
        for (Object u : units) {
            Map<String, Object> v = Json.obj(u);
            Map<String, Object> exp = Json.obj(v, "expected");
            String name = Json.str(v, "java_test");
            byte[] gxi = hex(Json.str(v, "g_xi"));
            byte[] gxr = hex(Json.str(v, "g_xr"));
            byte[] ckyI = hex(Json.str(v, "CKY_I"));
            byte[] ckyR = hex(Json.str(v, "CKY_R"));
            try (Secret psk = Secret.copyOf("AAAA".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                 Secret gxy = Secret.copyOf(hex(Json.str(v, "g_xy")));
                 IsakmpKeys keys = IsakmpKeys.derivePsk(prf(), psk, hex(Json.str(v, "Ni_b")),
                         hex(Json.str(v, "Nr_b")), gxy, ckyI, ckyR, 16)) {
                if (exp.containsKey("SKEYID")) {
                    assertEquals(Json.str(exp, "SKEYID").toLowerCase(), hex(keys.skeyid().unsafeBytes()), name);
                    assertEquals(Json.str(exp, "SKEYID_d").toLowerCase(), hex(keys.skeyidD().unsafeBytes()), name);
                    assertEquals(Json.str(exp, "SKEYID_a").toLowerCase(), hex(keys.skeyidA().unsafeBytes()), name);
                    assertEquals(Json.str(exp, "SKEYID_e").toLowerCase(), hex(keys.skeyidE().unsafeBytes()), name);
                }
                assertEquals(Json.str(exp, "enc_key").toLowerCase(), hex(keys.encryptionKey().unsafeBytes()), name);
                IkeCrypter c = IkeCrypter.create(TestData.BACKEND, EncryptionAlgorithm.AES_128, HashAlgorithm.SHA1,
                        keys.encryptionKey(), gxi, gxr);
                assertEquals(Json.str(exp, "phase1_iv").toLowerCase(), hex(c.currentIv(0)), name);
                if (exp.containsKey("HASH_R")) {
                    byte[] hashR = keys.hashR(gxi, gxr, ckyI, ckyR, hex(Json.str(v, "SAi_b")), hex(Json.str(v, "IDir_b")));
                    assertEquals(Json.str(exp, "HASH_R").toLowerCase(), hex(hashR), name);
                }
                if (exp.containsKey("synthetic_iv_for_message_id_d8029d42")) {
                    assertEquals(Json.str(exp, "synthetic_iv_for_message_id_d8029d42").toLowerCase(),
                            hex(c.currentIv(0xd8029d42)), name);
                }
                if (v.containsKey("quick_mode")) {
                    Map<String, Object> qm = Json.obj(v, "quick_mode");
                    byte[] ni = hex(Json.str(qm, "Ni2_b"));
                    byte[] nr = hex(Json.str(qm, "Nr2_b"));
                    int len = ((Number) qm.get("keymat_len")).intValue();
                    try (Secret out = keys.keymat(3, hex(Json.str(qm, "outbound_spi")), ni, nr, null, len);
                         Secret in = keys.keymat(3, hex(Json.str(qm, "inbound_spi")), ni, nr, null, len)) {
                        assertEquals(Json.str(exp, "KEYMAT_outbound"), hex(out.unsafeBytes()), name);
                        assertEquals(Json.str(exp, "KEYMAT_inbound"), hex(in.unsafeBytes()), name);
                    }
                }
                c.destroy();
            }
        }
    }

    @Test
    void destroyWipesKeys() throws Exception {
        Exchange ex = new Exchange(0);
        IsakmpKeys keys = deriveKeys(ex);
        Secret skeyid = keys.skeyid();
        keys.destroy();
        assertTrue(skeyid.isDestroyed());
        assertTrue(keys.skeyidE().isDestroyed() && keys.encryptionKey().isDestroyed());
    }
}

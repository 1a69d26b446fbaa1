package org.jvpn.ike.wire;

import static org.jvpn.ike.testvectors.Vectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.jvpn.api.config.Cidr;
import org.jvpn.ike.testvectors.Json;
import org.jvpn.ike.testvectors.Vectors;

/** The RUB-NDS recorded main mode + quick mode / informational exchanges (ike-exchanges/). */
class RecordedExchangeTest {

    private static final String FILE = "vectors/ike-exchanges/rubnds-ikev1-mainmode-psk-recorded.json";

    private static List<Object> exchanges() {
        return Json.list(Json.obj(Json.parse(Vectors.text(FILE))).get("exchanges"));
    }

    private static Map<String, Object> derived(int exchange) {
        return Json.obj(Json.obj(exchanges().get(exchange)).get("derived_by_collector"));
    }

    private static byte[] derivedHex(int exchange, String key) {
        return hex((String) derived(exchange).get(key));
    }

    static Stream<Arguments> messages() {
        List<Arguments> out = new ArrayList<>();
        List<Object> ex = exchanges();
        for (int i = 0; i < ex.size(); i++) {
            for (Object m : Json.list(Json.obj(ex.get(i)).get("messages"))) {
                Map<String, Object> msg = Json.obj(m);
                out.add(Arguments.of(i, msg.get("label"), msg.get("isakmp_hex")));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "exchange {0} {1}")
    @MethodSource("messages")
    void everyRecordedMessageParsesAndReEncodesByteForByte(int exchange, String label, String isakmpHex)
            throws Exception {
        byte[] wire = hex(isakmpHex);
        IkeMessage m = IkeMessage.parse(wire);
        assertArrayEquals(wire, m.encode(), label);
        assertEquals(wire.length, m.header().length());
        assertArrayEquals(derivedHex(exchange, "CKY_I"), m.header().initiatorCookie());
        boolean phase1Clear = label.startsWith("MM1") || label.startsWith("MM2") || label.startsWith("MM3")
                || label.startsWith("MM4");
        assertEquals(!phase1Clear, m.isEncrypted(), label + " encryption flag");
        if (phase1Clear) {
            MessageKind.valueOf(label.substring(0, 3)).check(m.payloads());
            // re-encoding from freshly built copies of the parsed payloads gives the same bytes too
            IkeMessage rebuilt = IkeMessage.of(m.header(), m.payloads());
            assertArrayEquals(wire, rebuilt.encode());
        }
    }

    @Test
    void mm1CarriesTheSaAsRecordedAndItsRawBodyIsSAiB() throws Exception {
        Map<String, Object> mm1 = Json.obj(Json.list(Json.obj(exchanges().get(0)).get("messages")).get(0));
        IkeMessage m = IkeMessage.parse(hex((String) mm1.get("isakmp_hex")));
        assertEquals(ExchangeType.IDENTITY_PROTECTION, ExchangeType.requireSupported(m.header().exchangeType()));
        assertEquals(0, m.header().messageId());
        SaPayload sa = m.first(SaPayload.class).orElseThrow();
        assertArrayEquals(derivedHex(0, "SAi_b"), m.chain().orElseThrow().rawBody(0));
        assertArrayEquals(derivedHex(0, "SAi_b"), sa.body());
        ProposalPayload p = sa.proposals().get(0);
        assertEquals(ProtocolId.ISAKMP, p.protocolId());
        assertEquals(0, p.spi().length);
        TransformPayload t = p.transforms().get(0);
        assertEquals(TransformId.KEY_IKE, t.transformId());
        Phase1Attributes a = t.phase1();
        assertEquals(Phase1Attributes.ENC_AES_CBC, a.encryption().getAsInt());
        assertEquals(128, a.keyLength().getAsInt());
        assertEquals(Phase1Attributes.HASH_SHA1, a.hash().getAsInt());
        assertEquals(2, a.groupDescription().getAsInt());
        assertEquals(Phase1Attributes.AUTH_PSK, a.authMethod().getAsInt());
        assertEquals(28800, a.lifeSeconds().getAsLong());
        assertFalse(a.lifeKilobytes().isPresent());
    }

    @Test
    void mm2VendorIdsAreXauthAndDpd() throws Exception {
        Map<String, Object> mm2 = Json.obj(Json.list(Json.obj(exchanges().get(0)).get("messages")).get(1));
        IkeMessage m = IkeMessage.parse(hex((String) mm2.get("isakmp_hex")));
        List<VendorIdPayload> vids = m.all(VendorIdPayload.class);
        assertEquals(List.of(KnownVendorId.XAUTH, KnownVendorId.DPD),
                vids.stream().map(v -> v.known().orElseThrow()).toList());
    }

    @Test
    void mm3AndMm4CarryTheRecordedKeAndNonces() throws Exception {
        List<Object> msgs = Json.list(Json.obj(exchanges().get(0)).get("messages"));
        IkeMessage mm3 = IkeMessage.parse(hex((String) Json.obj(msgs.get(2)).get("isakmp_hex")));
        IkeMessage mm4 = IkeMessage.parse(hex((String) Json.obj(msgs.get(3)).get("isakmp_hex")));
        assertArrayEquals(derivedHex(0, "g_xi"), mm3.first(KeyExchangePayload.class).orElseThrow().data());
        assertArrayEquals(derivedHex(0, "Ni_b"), mm3.first(NoncePayload.class).orElseThrow().nonce());
        assertArrayEquals(derivedHex(0, "g_xr"), mm4.first(KeyExchangePayload.class).orElseThrow().data());
        assertArrayEquals(derivedHex(0, "Nr_b"), mm4.first(NoncePayload.class).orElseThrow().nonce());
    }

    @Test
    void mm5AndMm6PlaintextsEndWhereTheLastPayloadSaysTheRestIsPadding() throws Exception {
        for (String[] c : new String[][] {{"MM5_plaintext", "IDii_b", "HASH_I", "10.0.3.1"},
                {"MM6_plaintext", "IDir_b", "HASH_R", "10.0.3.10"}}) {
            byte[] plain = derivedHex(0, c[0]);
            PayloadChain chain = PayloadChain.parse(PayloadType.ID.number(), plain, 0, plain.length);
            MessageKind.valueOf(c[0].substring(0, 3)).check(chain.payloads());
            assertEquals(12, chain.paddingLength(), c[0]);
            IdPayload id = (IdPayload) chain.payloads().get(0);
            assertEquals(IdType.IPV4_ADDR.number(), id.idType());
            assertEquals(InetAddress.getByName(c[3]), id.address().orElseThrow());
            assertArrayEquals(derivedHex(0, c[1]), id.body());
            assertArrayEquals(derivedHex(0, c[1]), chain.rawBody(0));
            assertArrayEquals(derivedHex(0, c[2]), ((HashPayload) chain.payloads().get(1)).data());
            // re-encoded chain = the plaintext without its padding
            byte[] encoded = PayloadChain.encode(chain.payloads());
            assertArrayEquals(java.util.Arrays.copyOf(plain, plain.length - 12), encoded);
        }
    }

    @Test
    void quickModePlaintexts() throws Exception {
        byte[] qm1 = derivedHex(0, "QM1_plaintext");
        PayloadChain c1 = PayloadChain.parse(PayloadType.HASH.number(), qm1, 0, qm1.length);
        MessageKind.QM1.check(c1.payloads());
        assertArrayEquals(derivedHex(0, "HASH_1"), ((HashPayload) c1.payloads().get(0)).data());
        ProposalPayload p1 = ((SaPayload) c1.payloads().get(1)).proposals().get(0);
        assertEquals(ProtocolId.ESP, p1.protocolId());
        assertEquals(0xb75ad16c, p1.spiAsInt());
        TransformPayload t1 = p1.transforms().get(0);
        assertEquals(TransformId.ESP_AES, t1.transformId());
        Phase2Attributes a = t1.phase2();
        assertEquals(Phase2Attributes.MODE_TUNNEL, a.encapsulationMode().getAsInt());
        assertEquals(Phase2Attributes.AUTH_HMAC_SHA1, a.authAlgorithm().getAsInt());
        assertEquals(128, a.keyLength().getAsInt());
        assertEquals(3600, a.lifeSeconds().getAsLong());
        assertArrayEquals(derivedHex(0, "Ni2_b"), ((NoncePayload) c1.payloads().get(2)).nonce());
        IdPayload idci = (IdPayload) c1.payloads().get(3);
        assertEquals(Cidr.parse("0.0.0.0/0"), idci.toCidr().orElseThrow());
        assertEquals(8, c1.paddingLength());

        byte[] qm2 = derivedHex(0, "QM2_plaintext");
        PayloadChain c2 = PayloadChain.parse(PayloadType.HASH.number(), qm2, 0, qm2.length);
        MessageKind.QM2.check(c2.payloads());
        assertArrayEquals(derivedHex(0, "HASH_2"), ((HashPayload) c2.payloads().get(0)).data());
        assertEquals(0xc6bf8b4d, ((SaPayload) c2.payloads().get(1)).proposals().get(0).spiAsInt());
        assertArrayEquals(derivedHex(0, "Nr2_b"), ((NoncePayload) c2.payloads().get(2)).nonce());
        assertEquals(Cidr.parse("10.0.3.1/32"), ((IdPayload) c2.payloads().get(3)).toCidr().orElseThrow());
        assertEquals(Cidr.parse("10.1.0.0/24"), ((IdPayload) c2.payloads().get(4)).toCidr().orElseThrow());

        byte[] qm3 = derivedHex(0, "QM3_plaintext");
        PayloadChain c3 = PayloadChain.parse(PayloadType.HASH.number(), qm3, 0, qm3.length);
        MessageKind.QM3.check(c3.payloads());
        assertArrayEquals(derivedHex(0, "HASH_3"), ((HashPayload) c3.payloads().get(0)).data());
        assertEquals(1, c3.payloads().size());
    }

    @Test
    void informationalPlaintextCarriesResponderLifetime() throws Exception {
        byte[] plain = derivedHex(1, "info_plaintext");
        PayloadChain c = PayloadChain.parse(PayloadType.HASH.number(), plain, 0, plain.length);
        MessageKind.INFO.check(c.payloads());
        assertArrayEquals(derivedHex(1, "info_HASH_1"), ((HashPayload) c.payloads().get(0)).data());
        NotifyPayload n = (NotifyPayload) c.payloads().get(1);
        assertEquals(NotifyType.RESPONDER_LIFETIME, n.knownType().orElseThrow());
        assertEquals(ProtocolId.ISAKMP, n.protocolId());
        assertArrayEquals(Vectors.hex((String) derived(1).get("CKY_I") + derived(1).get("CKY_R")), n.spi());
        Phase1Attributes life = Phase1Attributes.of(n.lifetimeAttributes().orElseThrow());
        assertEquals(300, life.lifeSeconds().getAsLong());
        assertTrue(c.paddingLength() > 0);
    }
}

package org.jvpn.ike.wire;

import static org.jvpn.ike.testvectors.Vectors.hex;
import static org.jvpn.ike.wire.WireAssertions.assertWireError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** SA, proposal and transform payloads. */
class SaPayloadTest {

    // SAi_b of the RUB-NDS MM1
    private static final String SAI_B =
            "00000001000000010000002c00010001000000240001000080010007800e0080800200028004000280030001800b0001800c7080";

    @Test
    void buildsThePhase1SaOfTheRecording() {
        TransformPayload t = new TransformPayload(0, TransformId.KEY_IKE, Phase1Attributes.suite(
                Phase1Attributes.ENC_AES_CBC, 128, Phase1Attributes.HASH_SHA1, 2, Phase1Attributes.AUTH_PSK, 28800));
        SaPayload sa = SaPayload.of(new ProposalPayload(0, ProtocolId.ISAKMP, new byte[0], List.of(t)));
        assertEquals(SAI_B, hex(sa.body()));
    }

    @Test
    void buildsAPhase2EspSa() throws Exception {
        TransformPayload t = new TransformPayload(0, TransformId.ESP_AES, Phase2Attributes.suite(
                Phase2Attributes.MODE_TUNNEL, Phase2Attributes.AUTH_HMAC_SHA1, 128, 0, 3600));
        SaPayload sa = SaPayload.of(ProposalPayload.ipsec(0, ProtocolId.ESP, 0xb75ad16c, List.of(t)));
        // the body of the SA in the RUB-NDS QM1 plaintext
        assertEquals("00000001000000010000002800030401b75ad16c0000001c000c0000800400018001000180020e108005000280060080", hex(sa.body()));
        byte[] body = sa.body();
        assertEquals(sa, SaPayload.parse(body, 0, body.length));
    }

    @Test
    void refusesOtherDoiAndSituation() {
        byte[] b = hex(SAI_B);
        b[3] = 2;
        assertWireError(NotifyType.DOI_NOT_SUPPORTED, () -> SaPayload.parse(b, 0, b.length));
        byte[] s = hex(SAI_B);
        s[7] = 2;
        assertWireError(NotifyType.SITUATION_NOT_SUPPORTED, () -> SaPayload.parse(s, 0, s.length));
    }

    @Test
    void transformCountMustMatchTheChain() {
        byte[] b = hex(SAI_B);
        b[15] = 2; // "# of Transforms" = 2, one present
        assertWireError(NotifyType.BAD_PROPOSAL_SYNTAX, () -> SaPayload.parse(b, 0, b.length));
        byte[] len = hex(SAI_B);
        len[11] = (byte) 0x40; // proposal length beyond the SA
        assertWireError(NotifyType.BAD_PROPOSAL_SYNTAX, () -> SaPayload.parse(len, 0, len.length));
    }

    @Test
    void variableLengthLifeDurationIsKeptAsReceived() throws Exception {
        DataAttribute big = DataAttribute.number(Phase2Attributes.SA_LIFE_DURATION, 4_608_000L);
        assertEquals("00020004004650 00".replace(" ", ""), hex(encode(big)));
        DataAttribute parsed = DataAttribute.parse(encode(big), 0, 8);
        assertEquals(4_608_000L, parsed.longValue());
        // a 3-byte TLV (legal) keeps its form
        DataAttribute odd = DataAttribute.tlv(12, hex("015180"));
        assertEquals(86400, DataAttribute.parse(encode(odd), 0, 7).longValue());
        assertEquals(odd, DataAttribute.parse(encode(odd), 0, 7));
        // absurd 12-byte durations saturate instead of failing
        assertEquals(Long.MAX_VALUE, DataAttribute.tlv(12, hex("ffffffffffffffffffffffff")).longValue());
    }

    @Test
    void attributeOverrunIsMalformed() {
        byte[] b = hex("000c0008015180");
        assertWireError(NotifyType.PAYLOAD_MALFORMED, () -> DataAttribute.parseAll(b, 0, b.length));
    }

    private static byte[] encode(DataAttribute a) {
        return DataAttribute.encodeAll(List.of(a));
    }
}

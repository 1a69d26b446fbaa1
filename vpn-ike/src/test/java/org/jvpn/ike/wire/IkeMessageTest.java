package org.jvpn.ike.wire;

import static org.jvpn.ike.testvectors.Vectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Building messages as the engine will, then reading them back. */
class IkeMessageTest {

    private static final byte[] CKY_I = hex("59cedc5dcea558fe");
    private static final byte[] CKY_R = hex("9e16984236445257");

    @Test
    void buildsTheRecordedMm2ByteForByte() throws Exception {
        TransformPayload t = new TransformPayload(1, TransformId.KEY_IKE, Phase1Attributes.suite(
                Phase1Attributes.ENC_AES_CBC, 128, Phase1Attributes.HASH_SHA1, 2, Phase1Attributes.AUTH_PSK, 28800));
        IkeMessage mm2 = IkeMessage.of(IsakmpHeader.of(CKY_I, CKY_R, ExchangeType.IDENTITY_PROTECTION.number(), 0, 0),
                List.of(SaPayload.of(new ProposalPayload(0, ProtocolId.ISAKMP, new byte[0], List.of(t))),
                        VendorIdPayload.of(KnownVendorId.XAUTH), VendorIdPayload.of(KnownVendorId.DPD)));
        assertEquals("59cedc5dcea558fe9e169842364452570110020000000000000000740d00003800000001000000010000002c000100"
                + "01000000240101000080010007800e0080800200028004000280030001800b0001800c70800d00000c09002689dfd6b712"
                + "00000014afcad71368a1f1c96b8696fc77570100", hex(mm2.encode()));
    }

    @Test
    void encryptedMessageFramesTheCiphertext() throws Exception {
        // MM5 plaintext chain as the engine builds it, before encryption
        byte[] chain = PayloadChain.encode(List.of(IdPayload.address(InetAddress.getByName("10.0.3.1")),
                new HashPayload(hex("043c3510b050ab53f485fab266905669627dc14a"))));
        assertEquals("0800000c010000000a00030100000018043c3510b050ab53f485fab266905669627dc14a", hex(chain));
        byte[] ct = hex("fabd2d66f56237c7810b25e185b0186559632459fde4ebb654970a62e83cdd47c9201aad89e40e9500d264aeaa968647");
        IkeMessage m = IkeMessage.encrypted(IsakmpHeader.of(CKY_I, CKY_R, 2, 0, 0), PayloadType.ID.number(), ct);
        assertEquals("59cedc5dcea558fe9e1698423644525705100201000000000000004c" + hex(ct), hex(m.encode()));
        IkeMessage back = IkeMessage.parse(m.encode());
        assertTrue(back.isEncrypted());
        assertArrayEquals(ct, back.encryptedBody());
    }

    @Test
    void informationalWithDeleteRoundTrips() throws Exception {
        byte[] cookies = hex("59cedc5dcea558fe9e16984236445257");
        IkeMessage info = IkeMessage.of(IsakmpHeader.of(CKY_I, CKY_R, ExchangeType.INFORMATIONAL.number(), 0, 0x11223344),
                List.of(new HashPayload(new byte[20]), DeletePayload.isakmp(cookies)));
        IkeMessage back = IkeMessage.parse(info.encode());
        MessageKind.INFO.check(back.payloads());
        assertArrayEquals(cookies, back.first(DeletePayload.class).orElseThrow().spis().get(0));
        assertEquals(0x11223344, back.header().messageId());
    }
}

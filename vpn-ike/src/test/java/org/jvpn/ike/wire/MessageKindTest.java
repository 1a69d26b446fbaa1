package org.jvpn.ike.wire;

import static org.jvpn.ike.testvectors.Vectors.hex;
import static org.jvpn.ike.wire.WireAssertions.assertWireError;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvpn.api.config.Cidr;

class MessageKindTest {

    private static final NoncePayload NONCE = new NoncePayload(new byte[16]);
    private static final HashPayload HASH = new HashPayload(new byte[20]);
    private static final KeyExchangePayload KE = new KeyExchangePayload(new byte[128]);

    private static SaPayload esp() {
        return SaPayload.of(ProposalPayload.ipsec(1, ProtocolId.ESP, 1, List.of(new TransformPayload(1,
                TransformId.ESP_AES, Phase2Attributes.suite(1, 2, 128, 0, 3600)))));
    }

    @Test
    void missingPayloadsAreNamed() {
        IkeWireException e = assertWireError(NotifyType.PAYLOAD_MALFORMED, () -> MessageKind.MM3.check(List.of(KE)));
        assertTrue(e.getMessage().contains("NONCE"), e.getMessage());
        assertWireError(NotifyType.PAYLOAD_MALFORMED, () -> MessageKind.MM5.check(List.of(IdPayload.fqdn("a"))));
    }

    @Test
    void unexpectedPayloadsAreInvalidPayloadType() {
        IkeWireException e = assertWireError(NotifyType.INVALID_PAYLOAD_TYPE,
                () -> MessageKind.MM1.check(List.of(esp(), KE)));
        assertTrue(e.getMessage().contains("KE"), e.getMessage());
    }

    @Test
    void quickModeNeedsHashFirstAndIdsInPairs() throws Exception {
        IdPayload idci = IdPayload.subnet(Cidr.parse("10.0.0.0/24"), 0, 0);
        IdPayload idcr = IdPayload.subnet(Cidr.parse("10.1.0.0/24"), 0, 0);
        MessageKind.QM1.check(List.of(HASH, esp(), NONCE, KE, idci, idcr));
        MessageKind.QM1.check(List.of(HASH, esp(), NONCE));
        assertWireError(NotifyType.PAYLOAD_MALFORMED, () -> MessageKind.QM1.check(List.of(esp(), HASH, NONCE)));
        assertWireError(NotifyType.INVALID_ID_INFORMATION, () -> MessageKind.QM1.check(List.of(HASH, esp(), NONCE, idci)));
        assertWireError(NotifyType.PAYLOAD_MALFORMED, () -> MessageKind.QM2.check(List.of(HASH, esp(), NONCE, KE, KE)));
    }

    @Test
    void natDInEveryNumberingAndUnknownPayloadsAreAccepted() throws Exception {
        MessageKind.MM3.check(List.of(KE, NONCE, new NatDPayload(20, new byte[20]), new NatDPayload(130, new byte[20]),
                new NatDPayload(15, new byte[20]), new UnknownPayload(200, new byte[3])));
        MessageKind.MM5.check(List.of(IdPayload.address(InetAddress.getByName("10.0.0.1")), HASH,
                NotifyPayload.initialContact(new byte[16])));
    }

    @Test
    void informationalNeedsANotifyOrDelete() throws Exception {
        MessageKind.INFO.check(List.of(HASH, NotifyPayload.dpd(false, new byte[16], 7)));
        MessageKind.INFO.check(List.of(HASH, DeletePayload.ipsec(ProtocolId.ESP, 5)));
        assertWireError(NotifyType.PAYLOAD_MALFORMED, () -> MessageKind.INFO.check(List.of(HASH)));
        MessageKind.INFO_UNPROTECTED.check(List.of(NotifyPayload.error(NotifyType.NO_PROPOSAL_CHOSEN,
                hex("0102030405060708" + "0000000000000000"))));
    }
}

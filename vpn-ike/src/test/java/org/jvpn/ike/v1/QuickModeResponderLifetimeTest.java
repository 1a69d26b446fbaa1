package org.jvpn.ike.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvpn.api.config.IpsecPolicy;
import org.jvpn.ike.proposal.Phase2Suite;
import org.jvpn.ike.wire.HashPayload;
import org.jvpn.ike.wire.IkeWireException;
import org.jvpn.ike.wire.MessageKind;
import org.jvpn.ike.wire.NoncePayload;
import org.jvpn.ike.wire.NotifyPayload;
import org.jvpn.ike.wire.NotifyType;
import org.jvpn.ike.wire.Payload;
import org.jvpn.ike.wire.PayloadChain;
import org.jvpn.ike.wire.Phase2Attributes;
import org.jvpn.ike.wire.ProtocolId;

/**
 * The quick-mode initiator's handling of RESPONDER-LIFETIME in message 2: a QM2 that echoes our transform
 * unchanged but carries the notify (as a FortiGate- or Cisco-style responder would) is accepted by the
 * QM2 payload rules and shortens the SA before it is installed; notifies for other protocols or with
 * unreadable data are ignored.
 */
class QuickModeResponderLifetimeTest {

    private static final byte[] FORTI_STYLE = HexFormat.of().parseHex("800b000100020004" + "00000384"); // 900 s
    private static final byte[] SPI = {0x12, 0x34, 0x56, 0x78};

    private static Phase2Suite.Selection offeredAndEchoed() {
        Phase2Suite ours = Phase2Suite.of(IpsecPolicy.fromProposal("aes128gcm16").toBuilder().lifetime(Duration.ofHours(1)).build());
        Phase2Suite.Selection sel = ours.checkChosen(ours.toSaPayload(0x0a0b0c0d, 0, Phase2Attributes.MODE_UDP_TUNNEL));
        assertTrue(sel.ok(), sel.reason());
        return sel;
    }

    @Test
    void qm2WithTheNotifyParsesAndShortensTheSa() throws IkeWireException {
        Phase2Suite.Selection sel = offeredAndEchoed();
        NotifyPayload n = NotifyPayload.of(NotifyType.RESPONDER_LIFETIME, ProtocolId.ESP, SPI, FORTI_STYLE);
        List<Payload> qm2 = List.of(new HashPayload(new byte[32]), sel.echo().orElseThrow(), new NoncePayload(new byte[32]), n);
        // Encoded and parsed back as the payload chain after the header (what HASH(2) covers after HASH).
        byte[] wire = PayloadChain.encode(qm2);
        PayloadChain back = PayloadChain.parse(qm2.get(0).type(), wire, 0, wire.length);
        MessageKind.QM2.check(back.payloads());
        List<NotifyPayload> notifies = back.payloads().stream().filter(p -> p instanceof NotifyPayload).map(p -> (NotifyPayload) p).toList();
        assertEquals(1, notifies.size());
        Phase2Suite.Selection after = QuickModeInitiator.honourResponderLifetime(sel, notifies);
        assertEquals(900, after.suite().orElseThrow().lifeSeconds());
        assertEquals(sel.peerEspSpi(), after.peerEspSpi());
    }

    @Test
    void kilobytesAndSecondsTogetherTakeEachMinimum() {
        Phase2Suite.Selection sel = offeredAndEchoed();
        byte[] data = HexFormat.of().parseHex("80010001" + "80020e10" + "80010002" + "000200040000c800");
        Phase2Suite after = QuickModeInitiator.honourResponderLifetime(sel,
                List.of(NotifyPayload.of(NotifyType.RESPONDER_LIFETIME, ProtocolId.ESP, SPI, data))).suite().orElseThrow();
        assertEquals(3600, after.lifeSeconds());
        assertEquals(51200, after.lifeKilobytes());
    }

    @Test
    void wrongProtocolOrSpiSizeOrGarbageIsIgnored() {
        Phase2Suite.Selection sel = offeredAndEchoed();
        List<NotifyPayload> ignored = List.of(
                NotifyPayload.of(NotifyType.RESPONDER_LIFETIME, ProtocolId.ISAKMP, new byte[16], FORTI_STYLE),
                NotifyPayload.of(NotifyType.RESPONDER_LIFETIME, ProtocolId.ESP, new byte[] {1, 2}, FORTI_STYLE),
                NotifyPayload.of(NotifyType.RESPONDER_LIFETIME, ProtocolId.ESP, SPI, new byte[] {(byte) 0x80, 1, 0}),
                NotifyPayload.of(NotifyType.RESPONDER_LIFETIME, ProtocolId.AH, SPI, HexFormat.of().parseHex("8001000380020e10")));
        assertEquals(3600, QuickModeInitiator.honourResponderLifetime(sel, ignored).suite().orElseThrow().lifeSeconds());
    }
}

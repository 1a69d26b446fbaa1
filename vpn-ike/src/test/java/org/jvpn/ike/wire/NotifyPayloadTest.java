package org.jvpn.ike.wire;

import static org.jvpn.ike.testvectors.Vectors.hex;
import static org.jvpn.ike.wire.WireAssertions.assertWireError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NotifyPayloadTest {

    private static final byte[] COOKIES = hex("2c3809ffa77581e241e1543e49b37958");

    @Test
    void dpdRuThereAndAckCarryAFourByteSequence() throws Exception {
        NotifyPayload n = NotifyPayload.dpd(false, COOKIES, 0x7fff0001L);
        assertEquals("0000000101108d28" + hex(COOKIES) + "7fff0001", hex(n.body()));
        byte[] b = n.body();
        NotifyPayload back = NotifyPayload.parse(b, 0, b.length);
        assertEquals(NotifyType.R_U_THERE, back.knownType().orElseThrow());
        assertEquals(0x7fff0001L, back.dpdSequence().getAsLong());
        assertEquals(36137, NotifyPayload.dpd(true, COOKIES, 1).notifyType());
    }

    @Test
    void initialContactAndResponderLifetime() throws Exception {
        assertEquals("000000010110" + "6002" + hex(COOKIES), hex(NotifyPayload.initialContact(COOKIES).body()));
        NotifyPayload rl = NotifyPayload.responderLifetime(ProtocolId.ESP, hex("c6bf8b4d"),
                List.of(DataAttribute.tv(1, 1), DataAttribute.number(2, 28800)));
        byte[] b = rl.body();
        Phase2Attributes life = Phase2Attributes.of(NotifyPayload.parse(b, 0, b.length).lifetimeAttributes().orElseThrow());
        assertEquals(28800, life.lifeSeconds().getAsLong());
    }

    @Test
    void namesTheRfc2408ErrorTypesAndKeepsUnknownOnesAsNumbers() throws Exception {
        for (int t = 1; t <= 30; t++) {
            assertTrue(NotifyType.of(t).isPresent(), "type " + t);
        }
        assertEquals("PAYLOAD-MALFORMED", NotifyType.nameOf(16));
        assertEquals("NOTIFY(30001)", NotifyType.nameOf(30001));
        byte[] b = hex("00000001030475314b4b4b4b");
        NotifyPayload n = NotifyPayload.parse(b, 0, b.length);
        assertEquals(30001, n.notifyType());
        assertTrue(n.knownType().isEmpty());
    }

    @Test
    void spiBeyondTheBodyIsMalformed() {
        byte[] b = hex("0000000101106002aabb");
        assertWireError(NotifyType.PAYLOAD_MALFORMED, () -> NotifyPayload.parse(b, 0, b.length));
        assertWireError(NotifyType.PAYLOAD_MALFORMED, () -> NotifyPayload.parse(b, 0, 7));
    }
}

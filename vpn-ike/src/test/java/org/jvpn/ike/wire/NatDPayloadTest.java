package org.jvpn.ike.wire;

import static org.jvpn.ike.testvectors.Vectors.hex;
import static org.jvpn.ike.wire.WireAssertions.assertWireError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NAT-D and NAT-OA in all numberings. */
class NatDPayloadTest {

    @Test
    void natDKeepsItsNumberingThroughAChain() throws Exception {
        for (int type : new int[] {20, 130, 15}) {
            NatDPayload n = new NatDPayload(type, hex("6efe12f04af90dfbcfb15d71b841bb9e"));
            byte[] chain = PayloadChain.encode(List.of(n));
            NatDPayload back = (NatDPayload) PayloadChain.parse(type, chain, 0, chain.length).payloads().get(0);
            assertEquals(type, back.type());
            assertEquals(n, back);
        }
        assertThrows(IllegalArgumentException.class, () -> new NatDPayload(21, new byte[16]));
        assertWireError(NotifyType.PAYLOAD_MALFORMED, () -> NatDPayload.parse(20, new byte[0], 0, 0));
    }

    @Test
    void natOaCarriesTheOriginalAddress() throws Exception {
        NatOaPayload oa = NatOaPayload.of(InetAddress.getByName("192.1.3.209"));
        assertEquals("01000000c00103d1", hex(oa.body()));
        byte[] b = oa.body();
        assertEquals(InetAddress.getByName("192.1.3.209"), NatOaPayload.parse(131, b, 0, b.length).address().orElseThrow());
        assertEquals(131, NatOaPayload.parse(131, b, 0, b.length).type());
        assertWireError(NotifyType.PAYLOAD_MALFORMED, () -> NatOaPayload.parse(21, b, 0, 3));
    }
}

package org.jvpn.ike.wire;

import static org.jvpn.ike.testvectors.Vectors.hex;
import static org.jvpn.ike.wire.WireAssertions.assertWireError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DeletePayloadTest {

    @Test
    void isakmpDeleteCarriesBothCookies() throws Exception {
        byte[] cookies = hex("2c3809ffa77581e241e1543e49b37958");
        DeletePayload d = DeletePayload.isakmp(cookies);
        assertEquals("0000000101100001" + hex(cookies), hex(d.body()));
        byte[] b = d.body();
        assertArrayEquals(cookies, DeletePayload.parse(b, 0, b.length).spis().get(0));
    }

    @Test
    void ipsecDeleteCarriesFourByteSpis() throws Exception {
        DeletePayload d = DeletePayload.ipsec(ProtocolId.ESP, 0xb75ad16c, 0x01020304);
        assertEquals("0000000103040002b75ad16c01020304", hex(d.body()));
        byte[] b = d.body();
        assertArrayEquals(new int[] {0xb75ad16c, 0x01020304}, DeletePayload.parse(b, 0, b.length).spisAsInts());
    }

    @Test
    void spiCountMustMatchTheBody() {
        byte[] b = hex("0000000103040003b75ad16c01020304"); // says 3, carries 2
        assertWireError(NotifyType.PAYLOAD_MALFORMED, () -> DeletePayload.parse(b, 0, b.length));
        byte[] z = hex("000000010300ffff"); // 65535 SPIs of size 0
        assertWireError(NotifyType.PAYLOAD_MALFORMED, () -> DeletePayload.parse(z, 0, z.length));
    }
}

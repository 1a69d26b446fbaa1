package org.jvpn.ike.wire;

import static org.jvpn.ike.testvectors.Vectors.hex;
import static org.jvpn.ike.wire.WireAssertions.assertWireError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadChainTest {

    private static final byte[] HASH = hex("00000018043c3510b050ab53f485fab266905669627dc14a");

    @Test
    void boundsAreChecked() {
        assertWireError(NotifyType.PAYLOAD_MALFORMED, () -> PayloadChain.parse(8, HASH, 0, 3));
        byte[] tooLong = HASH.clone();
        tooLong[3] = 0x30;
        assertWireError(NotifyType.PAYLOAD_MALFORMED, () -> PayloadChain.parse(8, tooLong, 0, tooLong.length));
        byte[] tiny = hex("0d000002aabbccdd");
        assertWireError(NotifyType.PAYLOAD_MALFORMED, () -> PayloadChain.parse(13, tiny, 0, tiny.length));
    }

    @Test
    void tooManyPayloadsIsMalformed() {
        byte[] many = new byte[4 * (PayloadChain.MAX_PAYLOADS + 1)];
        for (int i = 0; i < PayloadChain.MAX_PAYLOADS + 1; i++) {
            many[4 * i] = 13;
            many[4 * i + 3] = 4;
        }
        assertWireError(NotifyType.PAYLOAD_MALFORMED, () -> PayloadChain.parse(13, many, 0, many.length));
    }

    @Test
    void nonZeroNextPayloadOnTheLastPayloadIsTolerated() throws Exception {
        byte[] h3c = HASH.clone();
        h3c[0] = 11; // says a notify follows, nothing does (H3C)
        PayloadChain c = PayloadChain.parse(8, h3c, 0, h3c.length);
        assertEquals(1, c.payloads().size());
        assertTrue(c.lastNextPayloadIgnored());
        byte[] padded = Arrays.copyOf(h3c, h3c.length + 8); // ... or zero padding follows
        assertEquals(1, PayloadChain.parse(8, padded, 0, padded.length).payloads().size());
        // cleartext messages must end exactly
        IsakmpHeader hdr = IsakmpHeader.of(new byte[8], new byte[8], 5, 0, 0);
        byte[] msg = IkeMessage.of(hdr, List.of(new VendorIdPayload(hex("01020304")))).encode();
        byte[] longer = Arrays.copyOf(msg, msg.length + 4);
        Wire.put32(longer, 24, longer.length);
        assertWireError(NotifyType.UNEQUAL_PAYLOAD_LENGTHS, () -> IkeMessage.parse(longer));
    }

    @Test
    void proposalOutsideAnSaIsAnInvalidPayloadType() {
        byte[] p = hex("0000000801010000");
        assertWireError(NotifyType.INVALID_PAYLOAD_TYPE, () -> PayloadChain.parse(2, p, 0, p.length));
    }

    @Test
    void unknownPayloadTypesAreKeptAsData() throws Exception {
        byte[] b = hex("0d000008cafebabe" + "00000008aabbccdd");
        PayloadChain c = PayloadChain.parse(99, b, 0, b.length);
        assertEquals(new UnknownPayload(99, hex("cafebabe")), c.payloads().get(0));
        assertEquals(new VendorIdPayload(hex("aabbccdd")), c.payloads().get(1));
        assertEquals(hex(b), hex(PayloadChain.encode(c.payloads())));
    }
}

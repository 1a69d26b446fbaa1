package org.jvpn.ike.wire;

import static org.jvpn.ike.testvectors.Vectors.hex;
import static org.jvpn.ike.wire.WireAssertions.assertWireError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IsakmpHeaderTest {

    // MM5 of the RUB-NDS recording: E flag, 76 bytes
    private static final byte[] MM5 = hex("59cedc5dcea558fe9e1698423644525705100201000000000000004c"
            + "fabd2d66f56237c7810b25e185b0186559632459fde4ebb654970a62e83cdd47c9201aad89e40e9500d264aeaa968647");

    @Test
    void parsesEveryField() throws Exception {
        IsakmpHeader h = IsakmpHeader.parse(MM5, 0, MM5.length);
        assertArrayEquals(hex("59cedc5dcea558fe"), h.initiatorCookie());
        assertArrayEquals(hex("9e16984236445257"), h.responderCookie());
        assertEquals(PayloadType.ID.number(), h.nextPayload());
        assertEquals(1, h.majorVersion());
        assertEquals(ExchangeType.IDENTITY_PROTECTION.number(), h.exchangeType());
        assertTrue(h.isEncrypted());
        assertEquals(0, h.messageId());
        assertEquals(76, h.length());
        assertArrayEquals(Arrays.copyOf(MM5, 28), h.encode());
        assertArrayEquals(hex("59cedc5dcea558fe9e16984236445257"), h.cookies());
    }

    @Test
    void refusesOtherMajorVersionsWithInvalidMajorVersion() {
        byte[] v2 = MM5.clone();
        v2[17] = 0x20;
        assertWireError(NotifyType.INVALID_MAJOR_VERSION, () -> IsakmpHeader.parse(v2, 0, v2.length));
        byte[] minor = MM5.clone();
        minor[17] = 0x11;
        assertWireError(NotifyType.INVALID_MINOR_VERSION, () -> IsakmpHeader.parse(minor, 0, minor.length));
    }

    @Test
    void lengthIsCheckedAgainstTheDatagram() throws Exception {
        assertWireError(null, () -> IsakmpHeader.parse(MM5, 0, 27));
        assertWireError(null, () -> IsakmpHeader.parse(MM5, 0, 75)); // shorter than Length: drop
        byte[] small = MM5.clone();
        Wire.put32(small, 24, 20);
        assertWireError(null, () -> IsakmpHeader.parse(small, 0, small.length));
        // longer datagram: trailing bytes ignored
        byte[] longer = Arrays.copyOf(MM5, 90);
        IkeMessage m = IkeMessage.parse(longer);
        assertArrayEquals(MM5, m.encode());
    }

    @Test
    void aggressiveModeIsRefusedClearly() {
        IkeWireException e = assertWireError(NotifyType.INVALID_EXCHANGE_TYPE, () -> ExchangeType.requireSupported(4));
        assertTrue(e.getMessage().contains("aggressive"));
        assertWireError(NotifyType.INVALID_EXCHANGE_TYPE, () -> ExchangeType.requireSupported(99));
        assertEquals("EXCHANGE(99)", ExchangeType.nameOf(99));
    }

    @Test
    void builtHeaderEncodesVersionOneZeroAndFlags() {
        IsakmpHeader h = IsakmpHeader.of(hex("0102030405060708"), new byte[8], 32, IsakmpHeader.FLAG_ENCRYPTION,
                0x259cf133);
        byte[] b = h.withChain(8, 60).encode();
        assertEquals("0102030405060708000000000000000008102001259cf1330000003c", hex(b));
    }
}

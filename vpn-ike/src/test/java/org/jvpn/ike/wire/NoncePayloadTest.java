package org.jvpn.ike.wire;

import static org.jvpn.ike.wire.WireAssertions.assertWireError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NoncePayloadTest {

    @Test
    void acceptsEightToTwoHundredFiftySixBytes() throws Exception {
        for (int n : new int[] {8, 20, 256}) {
            byte[] b = new byte[n];
            assertArrayEquals(b, NoncePayload.parse(b, 0, n).nonce());
        }
    }

    @Test
    void refusesOtherLengthsWithPayloadMalformed() {
        assertWireError(NotifyType.PAYLOAD_MALFORMED, () -> NoncePayload.parse(new byte[7], 0, 7));
        assertWireError(NotifyType.PAYLOAD_MALFORMED, () -> NoncePayload.parse(new byte[257], 0, 257));
        assertThrows(IllegalArgumentException.class, () -> new NoncePayload(new byte[4]));
    }
}

package org.jvpn.ike.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.function.Executable;

/** Assertions on typed wire errors. */
final class WireAssertions {

    private WireAssertions() {
    }

    /** Asserts an IkeWireException that asks for {@code notify} (null = drop silently). */
    static IkeWireException assertWireError(@Nullable NotifyType notify, Executable e) {
        IkeWireException ex = assertThrows(IkeWireException.class, e);
        assertEquals(notify, ex.notifyToSend().orElse(null), ex.getMessage());
        return ex;
    }
}

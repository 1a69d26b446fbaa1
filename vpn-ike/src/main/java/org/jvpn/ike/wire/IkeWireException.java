package org.jvpn.ike.wire;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A message that cannot be accepted as it is on the wire, with what to do about it: answer with the
 * notify {@link #notifyToSend()} (RFC 2408 section 5 lists which error goes with which check), or, when
 * that is empty, drop the datagram silently (for example a truncated datagram, which may be an attack
 * or noise). Messages name the field, the value found and what was expected; they never contain keys.
 */
public final class IkeWireException extends Exception {

    private static final long serialVersionUID = 1L;

    private final @Nullable NotifyType notify;

    private IkeWireException(@Nullable NotifyType notify, String message) {
        super((notify == null ? "drop silently" : notify.wireName()) + ": " + message);
        this.notify = notify;
    }

    /** An error to answer with {@code notify}. */
    public static IkeWireException notify(NotifyType notify, String message) {
        return new IkeWireException(notify, message);
    }

    /** The most common one: PAYLOAD-MALFORMED (16). */
    public static IkeWireException malformed(String message) {
        return new IkeWireException(NotifyType.PAYLOAD_MALFORMED, message);
    }

    /** An error to drop silently, answering nothing. */
    public static IkeWireException drop(String message) {
        return new IkeWireException(null, message);
    }

    /** The notify to send, empty for "drop silently". */
    public Optional<NotifyType> notifyToSend() {
        return Optional.ofNullable(notify);
    }

    public boolean dropSilently() {
        return notify == null;
    }
}

package org.jvpn.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened to a connection.
 *
 * @param connection  the connection's name
 * @param kind        what happened
 * @param state       the state after the event
 * @param detail      a human-readable explanation (never secrets), or null
 * @param time        wall time from the gateway's clock
 */
public record ConnectionEvent(String connection, Kind kind, ConnectionState state, @Nullable String detail, Instant time) {

    public enum Kind {
        STATE_CHANGED,
        IKE_SA_ESTABLISHED,
        IKE_SA_DELETED,
        IPSEC_SA_ESTABLISHED,
        IPSEC_SA_REKEYED,
        IPSEC_SA_DELETED,
        DPD_TIMEOUT,
        NEGOTIATION_FAILED
    }
}

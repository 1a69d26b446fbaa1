package org.jvpn.api;

/** The state of an IPsec site connection, as hosts see it. */
public enum ConnectionState {
    /** No SAs; not negotiating (admin down, response-only and waiting, or after DPD action clear). */
    DOWN,
    /** Main mode or quick mode in progress. */
    CONNECTING,
    /** An IKE SA and at least one IPsec SA pair are established. */
    UP,
    /** Negotiation failed; {@link ConnectionHandle#lastError()} says why. Retried per the initiator mode. */
    ERROR
}

package org.jvpn.esp;

/**
 * What became of a packet handed to {@link EspDataplane}: handled, or dropped for a counted reason.
 * Every packet gets exactly one verdict, and each verdict has a counter ({@link EspDataplane#count}).
 */
public enum Verdict {
    /** Inbound ESP/AH verified and decrypted; the inner packet went to the sink. */
    DELIVERED(false, "delivered"),
    /** Outbound packet encrypted and handed to the sender. */
    SENT(false, "sent"),
    /** Inbound datagram starts with the non-ESP marker: IKE. The caller strips 4 bytes and handles it. */
    IKE(false, "ike"),
    /** Inbound NAT-keepalive (one 0xFF byte, RFC 3948 section 2.3): ignored. */
    KEEPALIVE(false, "nat keepalive"),
    /** Authenticated dummy packet (next header 59, RFC 4303 section 2.6): dropped silently. */
    DUMMY(true, "dummy packet"),
    /** Too short to hold the headers it claims. */
    TRUNCATED(true, "truncated"),
    /** Lengths or alignment impossible for the SA's algorithms. */
    MALFORMED(true, "malformed"),
    /** Inbound: no SA for the SPI. Outbound: a policy matched but has no outbound SA (ACQUIRE raised). */
    NO_SA(true, "no SA"),
    /** Integrity check failed. */
    BAD_ICV(true, "bad ICV"),
    /** Sequence number seen before or older than the window. */
    REPLAY(true, "replay"),
    /** Authenticated, but padding is not 1, 2, 3, ... or longer than the payload. */
    BAD_PADDING(true, "bad padding"),
    /** Authenticated, but the next header is not IPv4 (4) or IPv6 (41) in tunnel mode. */
    BAD_NEXT_HEADER(true, "bad next header"),
    /** Authenticated, but the inner IP packet is not a valid IPv4/IPv6 packet. */
    BAD_INNER_PACKET(true, "bad inner packet"),
    /** Authenticated, but the inner addresses are outside the SA's traffic selectors. */
    POLICY_MISMATCH(true, "selector mismatch"),
    /** Outbound packet matches no policy (never sent in clear). */
    NO_POLICY(true, "no policy"),
    /** The outbound SA ran out of sequence numbers (it is removed). */
    SEQUENCE_EXHAUSTED(true, "sequence exhausted"),
    /** Not enough head- or tailroom in the buffer to encapsulate in place. */
    NO_ROOM(true, "no buffer room"),
    /** The sender refused the datagram. */
    SEND_FAILED(true, "send failed"),
    /** The inner sink refused the packet. */
    SINK_FAILED(true, "sink failed"),
    /** An unexpected failure (a crypto provider error); counted, never thrown. */
    INTERNAL_ERROR(true, "internal error");

    private final boolean drop;
    private final String label;

    Verdict(boolean drop, String label) {
        this.drop = drop;
        this.label = label;
    }

    /** Whether the packet was discarded. */
    public boolean isDrop() {
        return drop;
    }

    /** A short human-readable label for status tables. */
    public String label() {
        return label;
    }
}

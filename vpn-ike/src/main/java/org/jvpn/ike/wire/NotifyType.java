package org.jvpn.ike.wire;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Notify message types: the RFC 2408 section 3.14.1 error types (1..30), the RFC 2407 section 4.6.3
 * IPsec status types, and RFC 3706 DPD. Types not listed here are kept as plain numbers
 * ({@link NotifyPayload#notifyType()}); {@link #nameOf(int)} names any number.
 */
public enum NotifyType {
    INVALID_PAYLOAD_TYPE(1), DOI_NOT_SUPPORTED(2), SITUATION_NOT_SUPPORTED(3), INVALID_COOKIE(4),
    INVALID_MAJOR_VERSION(5), INVALID_MINOR_VERSION(6), INVALID_EXCHANGE_TYPE(7), INVALID_FLAGS(8),
    INVALID_MESSAGE_ID(9), INVALID_PROTOCOL_ID(10), INVALID_SPI(11), INVALID_TRANSFORM_ID(12),
    ATTRIBUTES_NOT_SUPPORTED(13), NO_PROPOSAL_CHOSEN(14), BAD_PROPOSAL_SYNTAX(15), PAYLOAD_MALFORMED(16),
    INVALID_KEY_INFORMATION(17), INVALID_ID_INFORMATION(18), INVALID_CERT_ENCODING(19),
    INVALID_CERTIFICATE(20), CERT_TYPE_UNSUPPORTED(21), INVALID_CERT_AUTHORITY(22),
    INVALID_HASH_INFORMATION(23), AUTHENTICATION_FAILED(24), INVALID_SIGNATURE(25),
    ADDRESS_NOTIFICATION(26), NOTIFY_SA_LIFETIME(27), CERTIFICATE_UNAVAILABLE(28),
    UNSUPPORTED_EXCHANGE_TYPE(29), UNEQUAL_PAYLOAD_LENGTHS(30),
    /** RFC 2408: status type "CONNECTED". */
    CONNECTED(16384),
    /** RFC 2407 4.6.3.1: the responder's shorter lifetime. */
    RESPONDER_LIFETIME(24576),
    /** RFC 2407 4.6.3.2. */
    REPLAY_STATUS(24577),
    /** RFC 2407 4.6.3.3: SPI = both cookies; drop older SAs of the peer. */
    INITIAL_CONTACT(24578),
    /** RFC 3706: DPD probe, data = 4-byte sequence number. */
    R_U_THERE(36136),
    /** RFC 3706: DPD answer, data = the probe's sequence number. */
    R_U_THERE_ACK(36137);

    private static final Map<Integer, NotifyType> BY_NUMBER = new HashMap<>();

    static {
        for (NotifyType t : values()) {
            BY_NUMBER.put(t.number, t);
        }
    }

    private final int number;

    NotifyType(int number) {
        this.number = number;
    }

    /** The 16-bit number on the wire. */
    public int number() {
        return number;
    }

    /** Error types are below 16384 (RFC 2408 3.14.1). */
    public boolean isError() {
        return number < 16384;
    }

    /** The RFC's name, e.g. {@code PAYLOAD-MALFORMED}. */
    public String wireName() {
        return name().replace('_', '-');
    }

    public static Optional<NotifyType> of(int number) {
        return Optional.ofNullable(BY_NUMBER.get(number));
    }

    /** The RFC name, or {@code NOTIFY(<n>)} for an unlisted number. */
    public static String nameOf(int number) {
        NotifyType t = BY_NUMBER.get(number);
        return t != null ? t.wireName() : "NOTIFY(" + number + ")";
    }
}

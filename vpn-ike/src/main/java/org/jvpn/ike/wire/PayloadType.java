package org.jvpn.ike.wire;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * ISAKMP payload type numbers (RFC 2408 section 3.1, RFC 3947, the NAT-T drafts). A number that is
 * not listed here is carried as an {@link UnknownPayload}.
 */
public enum PayloadType {
    NONE(0, "NONE"), SA(1, "SA"), PROPOSAL(2, "P"), TRANSFORM(3, "T"), KE(4, "KE"), ID(5, "ID"),
    CERT(6, "CERT"), CR(7, "CR"), HASH(8, "HASH"), SIG(9, "SIG"), NONCE(10, "NONCE"), NOTIFY(11, "N"),
    DELETE(12, "D"), VENDOR_ID(13, "VID"),
    /** NAT-D as numbered by old NAT-T drafts and Cisco (e.g. with the draft-07 vendor ID). */
    NAT_D_OLD_DRAFT(15, "NAT-D(15)"),
    /** NAT-OA as numbered by old NAT-T drafts. */
    NAT_OA_OLD_DRAFT(16, "NAT-OA(16)"),
    /** RFC 3947 NAT discovery. */
    NAT_D(20, "NAT-D"),
    /** RFC 3947 NAT original address. */
    NAT_OA(21, "NAT-OA"),
    /** draft-ietf-ipsec-nat-t-ike-02/03 NAT discovery. */
    NAT_D_DRAFT(130, "NAT-D(130)"),
    /** draft-ietf-ipsec-nat-t-ike-02/03 NAT original address. */
    NAT_OA_DRAFT(131, "NAT-OA(131)"),
    /** Cisco/strongSwan IKE fragment (kept as unknown data here). */
    FRAGMENT(132, "FRAG");

    private static final Map<Integer, PayloadType> BY_NUMBER = new HashMap<>();

    static {
        for (PayloadType t : values()) {
            BY_NUMBER.put(t.number, t);
        }
    }

    private final int number;
    private final String label;

    PayloadType(int number, String label) {
        this.number = number;
        this.label = label;
    }

    public int number() {
        return number;
    }

    public static Optional<PayloadType> of(int number) {
        return Optional.ofNullable(BY_NUMBER.get(number));
    }

    /** A short label as in RFC diagrams ({@code SA}, {@code KE}, {@code N}...) or {@code PAYLOAD(<n>)}. */
    public static String nameOf(int number) {
        PayloadType t = BY_NUMBER.get(number);
        return t != null ? t.label : "PAYLOAD(" + number + ")";
    }

    /** Whether {@code number} is a NAT-D payload in any numbering (20, 130, 15). */
    public static boolean isNatD(int number) {
        return number == NAT_D.number || number == NAT_D_DRAFT.number || number == NAT_D_OLD_DRAFT.number;
    }

    /** Whether {@code number} is a NAT-OA payload in any numbering (21, 131, 16). */
    public static boolean isNatOa(int number) {
        return number == NAT_OA.number || number == NAT_OA_DRAFT.number || number == NAT_OA_OLD_DRAFT.number;
    }
}

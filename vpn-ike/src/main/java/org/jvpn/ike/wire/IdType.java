package org.jvpn.ike.wire;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Identification types of the IPsec DOI (RFC 2407 section 4.6.2.1), with the exact data length each
 * address type requires (-1 = variable).
 */
public enum IdType {
    IPV4_ADDR(1, 4), FQDN(2, -1), USER_FQDN(3, -1), IPV4_ADDR_SUBNET(4, 8), IPV6_ADDR(5, 16),
    IPV6_ADDR_SUBNET(6, 32), IPV4_ADDR_RANGE(7, 8), IPV6_ADDR_RANGE(8, 32), DER_ASN1_DN(9, -1),
    DER_ASN1_GN(10, -1), KEY_ID(11, -1);

    private static final Map<Integer, IdType> BY_NUMBER = new HashMap<>();

    static {
        for (IdType t : values()) {
            BY_NUMBER.put(t.number, t);
        }
    }

    private final int number;
    private final int dataLength;

    IdType(int number, int dataLength) {
        this.number = number;
        this.dataLength = dataLength;
    }

    public int number() {
        return number;
    }

    /** The fixed data length of an address type, or -1 for variable-length types. */
    public int dataLength() {
        return dataLength;
    }

    public static Optional<IdType> of(int number) {
        return Optional.ofNullable(BY_NUMBER.get(number));
    }

    public static String nameOf(int number) {
        IdType t = BY_NUMBER.get(number);
        return t != null ? t.name() : "ID_TYPE(" + number + ")";
    }
}

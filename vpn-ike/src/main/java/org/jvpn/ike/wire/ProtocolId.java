package org.jvpn.ike.wire;

import java.util.Map;

/** Protocol IDs of the IPsec DOI (RFC 2407 section 4.4.1), as carried in proposals, notify and delete. */
public final class ProtocolId {

    public static final int ISAKMP = 1;
    public static final int AH = 2;
    public static final int ESP = 3;
    public static final int IPCOMP = 4;

    private static final Map<Integer, String> NAMES = Map.of(ISAKMP, "ISAKMP", AH, "AH", ESP, "ESP", IPCOMP, "IPCOMP");

    private ProtocolId() {
    }

    public static String nameOf(int protocol) {
        return NAMES.getOrDefault(protocol, "PROTO(" + protocol + ")");
    }
}

package org.jvpn.ike.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * IPsec SA (phase-2) attributes of the IPsec DOI (RFC 2407 section 4.5; RFC 3947 and the NAT-T drafts
 * for UDP encapsulation; RFC 4868 for HMAC-SHA2): numbers as tables with names and a typed view.
 */
public final class Phase2Attributes {

    public static final int SA_LIFE_TYPE = 1;
    public static final int SA_LIFE_DURATION = 2;
    public static final int GROUP_DESCRIPTION = 3;
    public static final int ENCAPSULATION_MODE = 4;
    public static final int AUTH_ALGORITHM = 5;
    public static final int KEY_LENGTH = 6;
    public static final int KEY_ROUNDS = 7;
    public static final int EXTENDED_SEQUENCE_NUMBER = 11;

    public static final int LIFE_SECONDS = 1;
    public static final int LIFE_KILOBYTES = 2;

    public static final int MODE_TUNNEL = 1;
    public static final int MODE_TRANSPORT = 2;
    /** RFC 3947. */
    public static final int MODE_UDP_TUNNEL = 3;
    /** RFC 3947. */
    public static final int MODE_UDP_TRANSPORT = 4;
    /** draft-ietf-ipsec-nat-t-ike-02/03 value. */
    public static final int MODE_UDP_TUNNEL_DRAFT = 61443;
    /** draft-ietf-ipsec-nat-t-ike-02/03 value. */
    public static final int MODE_UDP_TRANSPORT_DRAFT = 61444;

    public static final int AUTH_HMAC_MD5 = 1;
    public static final int AUTH_HMAC_SHA1 = 2;
    public static final int AUTH_HMAC_SHA2_256 = 5;
    public static final int AUTH_HMAC_SHA2_384 = 6;
    public static final int AUTH_HMAC_SHA2_512 = 7;

    private static final Map<Integer, String> CLASS_NAMES = Map.of(1, "SA Life Type", 2, "SA Life Duration", 3,
            "Group Description", 4, "Encapsulation Mode", 5, "Authentication Algorithm", 6, "Key Length", 7,
            "Key Rounds", 11, "Extended Sequence Number");
    private static final Map<Integer, String> MODE_NAMES = Map.of(1, "Tunnel", 2, "Transport", 3,
            "UDP-Encapsulated-Tunnel", 4, "UDP-Encapsulated-Transport", 61443, "UDP-Encapsulated-Tunnel (draft)",
            61444, "UDP-Encapsulated-Transport (draft)");
    private static final Map<Integer, String> AUTH_NAMES = Map.of(1, "HMAC-MD5", 2, "HMAC-SHA", 3, "DES-MAC", 4,
            "KPDK", 5, "HMAC-SHA2-256", 6, "HMAC-SHA2-384", 7, "HMAC-SHA2-512", 9, "AES-XCBC-MAC");

    private final List<DataAttribute> attributes;

    private Phase2Attributes(List<DataAttribute> attributes) {
        this.attributes = List.copyOf(attributes);
    }

    public static Phase2Attributes of(List<DataAttribute> attributes) {
        return new Phase2Attributes(attributes);
    }

    /**
     * The attribute list of one ESP/AH transform (mode, life type, life duration, group, auth, key length).
     *
     * @param authAlgorithm 0 to omit (AES-GCM)
     * @param keyLengthBits 0 to omit
     * @param group PFS group, 0 to omit
     * @param lifeSeconds 0 to omit
     */
    public static List<DataAttribute> suite(int encapsulationMode, int authAlgorithm, int keyLengthBits, int group,
            long lifeSeconds) {
        List<DataAttribute> out = new ArrayList<>();
        out.add(DataAttribute.tv(ENCAPSULATION_MODE, encapsulationMode));
        if (lifeSeconds > 0) {
            out.add(DataAttribute.tv(SA_LIFE_TYPE, LIFE_SECONDS));
            out.add(DataAttribute.number(SA_LIFE_DURATION, lifeSeconds));
        }
        if (group > 0) {
            out.add(DataAttribute.tv(GROUP_DESCRIPTION, group));
        }
        if (authAlgorithm > 0) {
            out.add(DataAttribute.tv(AUTH_ALGORITHM, authAlgorithm));
        }
        if (keyLengthBits > 0) {
            out.add(DataAttribute.tv(KEY_LENGTH, keyLengthBits));
        }
        return out;
    }

    public List<DataAttribute> attributes() {
        return attributes;
    }

    public OptionalLong lifeSeconds() {
        return Attributes.life(attributes, SA_LIFE_TYPE, SA_LIFE_DURATION, LIFE_SECONDS);
    }

    public OptionalLong lifeKilobytes() {
        return Attributes.life(attributes, SA_LIFE_TYPE, SA_LIFE_DURATION, LIFE_KILOBYTES);
    }

    public OptionalInt groupDescription() {
        return Attributes.first(attributes, GROUP_DESCRIPTION);
    }

    public OptionalInt encapsulationMode() {
        return Attributes.first(attributes, ENCAPSULATION_MODE);
    }

    public OptionalInt authAlgorithm() {
        return Attributes.first(attributes, AUTH_ALGORITHM);
    }

    public OptionalInt keyLength() {
        return Attributes.first(attributes, KEY_LENGTH);
    }

    public OptionalInt extendedSequenceNumber() {
        return Attributes.first(attributes, EXTENDED_SEQUENCE_NUMBER);
    }

    /** Whether the mode is tunnel in any numbering (1, 3, 61443). */
    public static boolean isTunnelMode(int mode) {
        return mode == MODE_TUNNEL || mode == MODE_UDP_TUNNEL || mode == MODE_UDP_TUNNEL_DRAFT;
    }

    /** Whether the mode is UDP-encapsulated in any numbering (3, 4, 61443, 61444). */
    public static boolean isUdpEncapsulated(int mode) {
        return mode == MODE_UDP_TUNNEL || mode == MODE_UDP_TRANSPORT || mode == MODE_UDP_TUNNEL_DRAFT
                || mode == MODE_UDP_TRANSPORT_DRAFT;
    }

    public static String className(int type) {
        return CLASS_NAMES.getOrDefault(type, "attribute " + type);
    }

    public static String modeName(int v) {
        return MODE_NAMES.getOrDefault(v, "MODE(" + v + ")");
    }

    public static String authName(int v) {
        return AUTH_NAMES.getOrDefault(v, "AUTH(" + v + ")");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("P2[");
        encapsulationMode().ifPresent(v -> sb.append(modeName(v)));
        authAlgorithm().ifPresent(v -> sb.append(' ').append(authName(v)));
        keyLength().ifPresent(v -> sb.append(" key ").append(v));
        groupDescription().ifPresent(v -> sb.append(" group ").append(v));
        lifeSeconds().ifPresent(v -> sb.append(' ').append(v).append('s'));
        lifeKilobytes().ifPresent(v -> sb.append(' ').append(v).append("KB"));
        return sb.append(']').toString();
    }
}

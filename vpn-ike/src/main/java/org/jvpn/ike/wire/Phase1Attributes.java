package org.jvpn.ike.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Phase-1 (KEY_IKE transform) attributes (RFC 2409 appendix A, RFC 4868 hash numbers): the numbers as
 * tables with names, and a typed view of a transform's attribute list. Unlisted numbers stay numbers.
 */
public final class Phase1Attributes {

    // attribute classes
    public static final int ENCRYPTION = 1;
    public static final int HASH = 2;
    public static final int AUTH_METHOD = 3;
    public static final int GROUP_DESCRIPTION = 4;
    public static final int GROUP_TYPE = 5;
    public static final int LIFE_TYPE = 11;
    public static final int LIFE_DURATION = 12;
    public static final int PRF = 13;
    public static final int KEY_LENGTH = 14;

    // encryption algorithms
    public static final int ENC_DES_CBC = 1;
    public static final int ENC_3DES_CBC = 5;
    public static final int ENC_AES_CBC = 7;

    // hash algorithms
    public static final int HASH_MD5 = 1;
    public static final int HASH_SHA1 = 2;
    public static final int HASH_SHA2_256 = 4;
    public static final int HASH_SHA2_384 = 5;
    public static final int HASH_SHA2_512 = 6;

    // authentication methods
    public static final int AUTH_PSK = 1;
    public static final int AUTH_DSS = 2;
    public static final int AUTH_RSA_SIG = 3;
    public static final int AUTH_XAUTH_INIT_PSK = 65001;

    // life types (shared with phase 2)
    public static final int LIFE_SECONDS = 1;
    public static final int LIFE_KILOBYTES = 2;

    private static final Map<Integer, String> CLASS_NAMES = Map.of(ENCRYPTION, "Encryption Algorithm", HASH,
            "Hash Algorithm", AUTH_METHOD, "Authentication Method", GROUP_DESCRIPTION, "Group Description",
            GROUP_TYPE, "Group Type", LIFE_TYPE, "Life Type", LIFE_DURATION, "Life Duration", PRF, "PRF",
            KEY_LENGTH, "Key Length");
    private static final Map<Integer, String> ENC_NAMES = Map.of(1, "DES-CBC", 2, "IDEA-CBC", 3, "Blowfish-CBC",
            4, "RC5-R16-B64-CBC", 5, "3DES-CBC", 6, "CAST-CBC", 7, "AES-CBC", 8, "CAMELLIA-CBC");
    private static final Map<Integer, String> HASH_NAMES = Map.of(1, "MD5", 2, "SHA", 3, "Tiger", 4, "SHA2-256",
            5, "SHA2-384", 6, "SHA2-512");
    private static final Map<Integer, String> AUTH_NAMES = Map.of(1, "pre-shared key", 2, "DSS signatures", 3,
            "RSA signatures", 4, "RSA encryption", 5, "revised RSA encryption", 65001, "XAUTHInitPreShared");
    private static final Map<Integer, String> GROUP_NAMES = Map.ofEntries(Map.entry(1, "MODP-768"),
            Map.entry(2, "MODP-1024"), Map.entry(5, "MODP-1536"), Map.entry(14, "MODP-2048"),
            Map.entry(15, "MODP-3072"), Map.entry(16, "MODP-4096"), Map.entry(17, "MODP-6144"),
            Map.entry(18, "MODP-8192"), Map.entry(19, "ECP-256"), Map.entry(20, "ECP-384"),
            Map.entry(21, "ECP-521"));

    private final List<DataAttribute> attributes;

    private Phase1Attributes(List<DataAttribute> attributes) {
        this.attributes = List.copyOf(attributes);
    }

    /** A typed view of a phase-1 transform's attributes. */
    public static Phase1Attributes of(List<DataAttribute> attributes) {
        return new Phase1Attributes(attributes);
    }

    /**
     * The attribute list of one phase-1 suite, in the usual order (encryption, key length, hash, group,
     * auth, life type, life duration).
     *
     * @param keyLengthBits 0 to omit (3DES)
     * @param lifeSeconds 0 to omit
     */
    public static List<DataAttribute> suite(int encryption, int keyLengthBits, int hash, int group, int authMethod,
            long lifeSeconds) {
        List<DataAttribute> out = new ArrayList<>();
        out.add(DataAttribute.tv(ENCRYPTION, encryption));
        if (keyLengthBits > 0) {
            out.add(DataAttribute.tv(KEY_LENGTH, keyLengthBits));
        }
        out.add(DataAttribute.tv(HASH, hash));
        out.add(DataAttribute.tv(GROUP_DESCRIPTION, group));
        out.add(DataAttribute.tv(AUTH_METHOD, authMethod));
        if (lifeSeconds > 0) {
            out.add(DataAttribute.tv(LIFE_TYPE, LIFE_SECONDS));
            out.add(DataAttribute.number(LIFE_DURATION, lifeSeconds));
        }
        return out;
    }

    public List<DataAttribute> attributes() {
        return attributes;
    }

    public OptionalInt encryption() {
        return Attributes.first(attributes, ENCRYPTION);
    }

    public OptionalInt hash() {
        return Attributes.first(attributes, HASH);
    }

    public OptionalInt authMethod() {
        return Attributes.first(attributes, AUTH_METHOD);
    }

    public OptionalInt groupDescription() {
        return Attributes.first(attributes, GROUP_DESCRIPTION);
    }

    /** Key length in bits. */
    public OptionalInt keyLength() {
        return Attributes.first(attributes, KEY_LENGTH);
    }

    /** The duration following a life type of seconds. */
    public OptionalLong lifeSeconds() {
        return Attributes.life(attributes, LIFE_TYPE, LIFE_DURATION, LIFE_SECONDS);
    }

    /** The duration following a life type of kilobytes. */
    public OptionalLong lifeKilobytes() {
        return Attributes.life(attributes, LIFE_TYPE, LIFE_DURATION, LIFE_KILOBYTES);
    }

    public static String className(int type) {
        return CLASS_NAMES.getOrDefault(type, "attribute " + type);
    }

    public static String encryptionName(int v) {
        return ENC_NAMES.getOrDefault(v, "ENCR(" + v + ")");
    }

    public static String hashName(int v) {
        return HASH_NAMES.getOrDefault(v, "HASH(" + v + ")");
    }

    public static String authMethodName(int v) {
        return AUTH_NAMES.getOrDefault(v, "AUTH(" + v + ")");
    }

    public static String groupName(int v) {
        return GROUP_NAMES.getOrDefault(v, "GROUP(" + v + ")");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("P1[");
        encryption().ifPresent(v -> sb.append(encryptionName(v)));
        keyLength().ifPresent(v -> sb.append('-').append(v));
        hash().ifPresent(v -> sb.append(' ').append(hashName(v)));
        groupDescription().ifPresent(v -> sb.append(' ').append(groupName(v)));
        authMethod().ifPresent(v -> sb.append(' ').append(authMethodName(v)));
        lifeSeconds().ifPresent(v -> sb.append(' ').append(v).append('s'));
        return sb.append(']').toString();
    }
}

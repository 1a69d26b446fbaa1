package org.jvpn.ike.wire;

import java.util.Map;

/** Transform IDs per protocol (RFC 2407 sections 4.4.2 to 4.4.4, RFC 4106, RFC 4868). */
public final class TransformId {

    /** The only phase-1 transform ID (protocol ISAKMP). */
    public static final int KEY_IKE = 1;

    public static final int ESP_DES = 2;
    public static final int ESP_3DES = 3;
    public static final int ESP_NULL = 11;
    public static final int ESP_AES = 12;
    public static final int ESP_AES_GCM_8 = 18;
    public static final int ESP_AES_GCM_12 = 19;
    public static final int ESP_AES_GCM_16 = 20;

    public static final int AH_MD5 = 2;
    public static final int AH_SHA = 3;
    public static final int AH_SHA2_256 = 5;
    public static final int AH_SHA2_384 = 6;
    public static final int AH_SHA2_512 = 7;

    private static final Map<Integer, String> ESP = Map.of(1, "ESP_DES_IV64", 2, "ESP_DES", 3, "ESP_3DES", 11,
            "ESP_NULL", 12, "ESP_AES", 18, "ESP_AES_GCM_8", 19, "ESP_AES_GCM_12", 20, "ESP_AES_GCM_16");
    private static final Map<Integer, String> AH = Map.of(2, "AH_MD5", 3, "AH_SHA", 4, "AH_DES", 5, "AH_SHA2_256",
            6, "AH_SHA2_384", 7, "AH_SHA2_512");

    private TransformId() {
    }

    public static String nameOf(int protocolId, int transformId) {
        String name = null;
        if (protocolId == ProtocolId.ISAKMP && transformId == KEY_IKE) {
            name = "KEY_IKE";
        } else if (protocolId == ProtocolId.ESP) {
            name = ESP.get(transformId);
        } else if (protocolId == ProtocolId.AH) {
            name = AH.get(transformId);
        }
        return name != null ? name : ProtocolId.nameOf(protocolId) + "_TRANSFORM(" + transformId + ")";
    }
}

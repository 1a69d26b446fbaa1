package org.jvpn.ike.proposal;

import java.util.Map;
import java.util.Optional;
import org.jvpn.api.config.AuthAlgorithm;
import org.jvpn.api.config.EncryptionAlgorithm;
import org.jvpn.ike.wire.Phase1Attributes;
import org.jvpn.ike.wire.Phase2Attributes;
import org.jvpn.ike.wire.TransformId;

/** Tables from our algorithm names to IKEv1 wire numbers (RFC 2409 appendix A, RFC 2407 section 4.4/4.5). */
final class WireNumbers {

    private WireNumbers() {}

    /** Phase-1 hash attribute value per auth algorithm. */
    static final Map<AuthAlgorithm, Integer> PHASE1_HASH = Map.of(
            AuthAlgorithm.SHA1, Phase1Attributes.HASH_SHA1,
            AuthAlgorithm.SHA256, Phase1Attributes.HASH_SHA2_256,
            AuthAlgorithm.SHA384, Phase1Attributes.HASH_SHA2_384,
            AuthAlgorithm.SHA512, Phase1Attributes.HASH_SHA2_512);

    /** Phase-2 (ESP) authentication algorithm attribute value. */
    static final Map<AuthAlgorithm, Integer> PHASE2_AUTH = Map.of(
            AuthAlgorithm.SHA1, Phase2Attributes.AUTH_HMAC_SHA1,
            AuthAlgorithm.SHA256, Phase2Attributes.AUTH_HMAC_SHA2_256,
            AuthAlgorithm.SHA384, Phase2Attributes.AUTH_HMAC_SHA2_384,
            AuthAlgorithm.SHA512, Phase2Attributes.AUTH_HMAC_SHA2_512);

    /** AH transform IDs. */
    static final Map<AuthAlgorithm, Integer> AH_TRANSFORM = Map.of(
            AuthAlgorithm.SHA1, TransformId.AH_SHA,
            AuthAlgorithm.SHA256, TransformId.AH_SHA2_256,
            AuthAlgorithm.SHA384, TransformId.AH_SHA2_384,
            AuthAlgorithm.SHA512, TransformId.AH_SHA2_512);

    static int phase1Encryption(EncryptionAlgorithm e) {
        return e == EncryptionAlgorithm.DES3 ? Phase1Attributes.ENC_3DES_CBC : Phase1Attributes.ENC_AES_CBC;
    }

    /** Key length attribute in bits, or 0 when the cipher has a fixed key length (3DES). */
    static int keyLengthBits(EncryptionAlgorithm e) {
        return e == EncryptionAlgorithm.DES3 ? 0 : e.keyLength() * 8;
    }

    static int espTransform(EncryptionAlgorithm e) {
        if (e == EncryptionAlgorithm.DES3) {
            return TransformId.ESP_3DES;
        }
        if (!e.isAead()) {
            return TransformId.ESP_AES;
        }
        return switch (e.icvLength()) {
            case 8 -> TransformId.ESP_AES_GCM_8;
            case 12 -> TransformId.ESP_AES_GCM_12;
            default -> TransformId.ESP_AES_GCM_16;
        };
    }

    /** The phase-1 cipher for a wire encryption value and key length (bits, 0 if absent). */
    static Optional<EncryptionAlgorithm> phase1Cipher(int enc, int keyBits) {
        if (enc == Phase1Attributes.ENC_3DES_CBC) {
            return keyBits == 0 || keyBits == 192 ? Optional.of(EncryptionAlgorithm.DES3) : Optional.empty();
        }
        if (enc == Phase1Attributes.ENC_AES_CBC) {
            return switch (keyBits) {
                case 128 -> Optional.of(EncryptionAlgorithm.AES_128);
                case 192 -> Optional.of(EncryptionAlgorithm.AES_192);
                case 256 -> Optional.of(EncryptionAlgorithm.AES_256);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    /** The ESP cipher for a transform ID and key length (bits, 0 if absent). */
    static Optional<EncryptionAlgorithm> espCipher(int transformId, int keyBits) {
        if (transformId == TransformId.ESP_3DES) {
            return keyBits == 0 || keyBits == 192 ? Optional.of(EncryptionAlgorithm.DES3) : Optional.empty();
        }
        for (EncryptionAlgorithm e : EncryptionAlgorithm.values()) {
            if (e != EncryptionAlgorithm.DES3 && espTransform(e) == transformId && e.keyLength() * 8 == keyBits) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    static <K> Optional<K> reverse(Map<K, Integer> map, int value) {
        return map.entrySet().stream().filter(en -> en.getValue() == value).map(Map.Entry::getKey).findFirst();
    }
}

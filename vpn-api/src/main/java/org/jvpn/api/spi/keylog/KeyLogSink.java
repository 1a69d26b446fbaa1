package org.jvpn.api.spi.keylog;

import java.net.InetAddress;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.config.AuthAlgorithm;
import org.jvpn.api.config.EncryptionAlgorithm;

/**
 * <strong>WRITES SECRETS.</strong> A sink for the session keys of IKE and IPsec SAs, so that captures
 * can be decrypted in Wireshark/tshark while debugging (the testkit's {@code WiresharkKeyLog} writes the
 * {@code ikev1_decryption_table} and {@code esp_sa} tables). Whoever holds a key log can read every
 * packet of the logged SAs.
 *
 * <p>A gateway uses a real sink <em>only when the user explicitly configures one</em>; the default is
 * {@link #none()}, which discards everything. Never enable it in production by default, never log the
 * keys anywhere else.
 *
 * <p>Contract for callers (the IKE engine): call once per SA, as soon as its keys are known, on any
 * thread. The arrays are only read during the call; the sink copies what it keeps and never modifies
 * them, so callers may pass {@code Secret.unsafeBytes()} and wipe their own copies afterwards.
 * Implementations are thread-safe and never throw (a failing sink must not break a tunnel).
 */
public interface KeyLogSink {

    /**
     * An IKEv1 (ISAKMP) SA whose phase 1 keys are established.
     *
     * @param initiatorCookie  CKY-I, 8 bytes
     * @param responderCookie  CKY-R, 8 bytes
     * @param encryption       the IKE SA's cipher (CBC), or null if unknown
     * @param encryptionKey    the cipher key as fed to the cipher: SKEYID_e, expanded per RFC 2409
     *                         Appendix B where needed and cut to the cipher's key length
     */
    default void ikeSa(byte[] initiatorCookie, byte[] responderCookie, @Nullable EncryptionAlgorithm encryption,
                       byte[] encryptionKey) {
    }

    /**
     * One direction of an ESP SA (call it once for the inbound and once for the outbound SA).
     *
     * @param source         outer source address of packets on this SA
     * @param destination    outer destination address
     * @param spi            the SPI as on the wire
     * @param encryption     the cipher
     * @param encryptionKey  the cipher key; for AES-GCM the key followed by the 4-byte salt (RFC 4106
     *                       KEYMAT order), exactly as in {@code SaKeys.encryptionKey()}
     * @param integrity      the integrity algorithm, null for AES-GCM
     * @param integrityKey   the HMAC key, null when {@code integrity} is null
     */
    default void espSa(InetAddress source, InetAddress destination, int spi, EncryptionAlgorithm encryption,
                       byte[] encryptionKey, @Nullable AuthAlgorithm integrity, byte @Nullable [] integrityKey) {
    }

    /** The default: a sink that records nothing. */
    static KeyLogSink none() {
        return NoKeyLog.INSTANCE;
    }
}

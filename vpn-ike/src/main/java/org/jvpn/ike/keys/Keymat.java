package org.jvpn.ike.keys;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.config.AuthAlgorithm;
import org.jvpn.api.config.EncryptionAlgorithm;
import org.jvpn.api.spi.crypto.Secret;
import org.jvpn.api.spi.dataplane.SaKeys;

/**
 * KEYMAT of an IPsec SA (RFC 2409 section 5.5):
 *
 * <pre>
 * KEYMAT = K1 | K2 | K3 | ...
 * K1 = prf(SKEYID_d, [ g(qm)^xy | ] protocol | SPI | Ni_b | Nr_b)
 * K2 = prf(SKEYID_d, K1 | [ g(qm)^xy | ] protocol | SPI | Ni_b | Nr_b)
 * K3 = prf(SKEYID_d, K2 | [ g(qm)^xy | ] protocol | SPI | Ni_b | Nr_b)
 * </pre>
 *
 * The SPI is the one of the SA the keys are for: the responder's SPI keys initiator-to-responder traffic
 * and the initiator's SPI the reverse. ESP takes the cipher key first (for GCM followed by the 4-byte salt,
 * RFC 4106 section 8.1), then the integrity key (RFC 2409 section 5.5, as strongSwan and the Linux stack
 * split it).
 */
public final class Keymat {

    /** IPsec DOI protocol IDs (RFC 2407 section 4.4.1). */
    public static final int PROTO_IPSEC_AH = 2;
    public static final int PROTO_IPSEC_ESP = 3;

    private static final int GCM_SALT_LENGTH = 4;

    private Keymat() {}

    /**
     * KEYMAT truncated to {@code length} bytes.
     *
     * @param skeyidD  SKEYID_d of the ISAKMP SA
     * @param gqmxy    the quick mode DH shared secret (PFS), or null without PFS
     * @param protocol {@link #PROTO_IPSEC_ESP} or {@link #PROTO_IPSEC_AH}
     * @param spi      the 4-byte SPI of the SA these keys are for
     * @param niB      body of the initiator's quick mode nonce payload
     * @param nrB      body of the responder's quick mode nonce payload
     */
    public static Secret derive(Prf prf, Secret skeyidD, @Nullable Secret gqmxy, int protocol, byte[] spi,
                                byte[] niB, byte[] nrB, int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("KEYMAT length must be positive: " + length);
        }
        if (protocol < 0 || protocol > 255) {
            throw new IllegalArgumentException("protocol must fit one octet: " + protocol);
        }
        byte[] g = gqmxy == null ? new byte[0] : gqmxy.unsafeBytes();
        byte[] proto = {(byte) protocol};
        byte[] out = new byte[length];
        byte[] k = new byte[0];
        int off = 0;
        while (off < length) {
            byte[] next = prf.compute(skeyidD, k, g, proto, spi, niB, nrB);
            Arrays.fill(k, (byte) 0);
            int n = Math.min(next.length, length - off);
            System.arraycopy(next, 0, out, off, n);
            off += n;
            k = next;
        }
        Arrays.fill(k, (byte) 0);
        return Secret.wrap(out);
    }

    /** The KEYMAT length one ESP SA needs: cipher key (+ 4-byte salt for GCM) + integrity key. */
    public static int espKeymatLength(EncryptionAlgorithm encryption, @Nullable AuthAlgorithm integrity) {
        int n = encryption.keyLength() + (encryption.isAead() ? GCM_SALT_LENGTH : 0);
        if (integrity != null && !encryption.isAead()) {
            n += integrity.keyLength();
        }
        return n;
    }

    /**
     * The keys of one ESP SA: KEYMAT for {@code spi}, split into the cipher key (with the GCM salt) and
     * the HMAC key. The KEYMAT buffer is wiped.
     *
     * @param integrity null for AES-GCM (ignored for AEAD algorithms)
     */
    public static SaKeys espKeys(Prf prf, Secret skeyidD, @Nullable Secret gqmxy, int spi, byte[] niB, byte[] nrB,
                                 EncryptionAlgorithm encryption, @Nullable AuthAlgorithm integrity) {
        AuthAlgorithm integ = encryption.isAead() ? null : integrity;
        int encLength = encryption.keyLength() + (encryption.isAead() ? GCM_SALT_LENGTH : 0);
        try (Secret keymat = derive(prf, skeyidD, gqmxy, PROTO_IPSEC_ESP, IsakmpKeys.messageIdBytes(spi), niB, nrB,
                espKeymatLength(encryption, integ))) {
            Secret encKey = keymat.slice(0, encLength);
            Secret integKey = integ == null ? null : keymat.slice(encLength, integ.keyLength());
            return new SaKeys(spi, encryption, encKey, integ, integKey);
        }
    }

    /** The keys of one AH SA: KEYMAT for {@code spi}, the HMAC key only. */
    public static SaKeys ahKeys(Prf prf, Secret skeyidD, @Nullable Secret gqmxy, int spi, byte[] niB, byte[] nrB,
                                AuthAlgorithm integrity) {
        Secret key = derive(prf, skeyidD, gqmxy, PROTO_IPSEC_AH, IsakmpKeys.messageIdBytes(spi), niB, nrB,
                integrity.keyLength());
        return new SaKeys(spi, null, null, integrity, key);
    }
}

package org.jvpn.ike.keys;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.spi.crypto.ConstantTime;
import org.jvpn.api.spi.crypto.Secret;

/**
 * The keys of one ISAKMP SA (RFC 2409 section 5): SKEYID, SKEYID_d, SKEYID_a, SKEYID_e and the phase-1
 * encryption key, and the hashes computed with them: HASH_I and HASH_R (section 5.4), the quick mode
 * HASH(1), HASH(2), HASH(3) (section 5.5), the informational HASH(1) (section 5.7) and KEYMAT.
 *
 * <pre>
 * SKEYID   = prf(pre-shared-key, Ni_b | Nr_b)                     (pre-shared keys)
 * SKEYID   = prf(Ni_b | Nr_b, g^xy)                               (signatures)
 * SKEYID_d = prf(SKEYID, g^xy | CKY-I | CKY-R | 0)
 * SKEYID_a = prf(SKEYID, SKEYID_d | g^xy | CKY-I | CKY-R | 1)
 * SKEYID_e = prf(SKEYID, SKEYID_a | g^xy | CKY-I | CKY-R | 2)
 * Ka = K1 | K2 | ..., K1 = prf(SKEYID_e, 0), Kn = prf(SKEYID_e, Kn-1)  (appendix B, if SKEYID_e is short)
 * </pre>
 *
 * Owns its secrets: {@link #destroy()} wipes them all. {@link #toString()} shows no key material.
 */
public final class IsakmpKeys implements AutoCloseable {

    private static final byte[] ZERO = {0};
    private static final byte[] ONE = {1};
    private static final byte[] TWO = {2};

    private final Prf prf;
    private final Secret skeyid;
    private final Secret skeyidD;
    private final Secret skeyidA;
    private final Secret skeyidE;
    private final Secret encryptionKey;

    private IsakmpKeys(Prf prf, Secret skeyid, Secret skeyidD, Secret skeyidA, Secret skeyidE, Secret encryptionKey) {
        this.prf = prf;
        this.skeyid = skeyid;
        this.skeyidD = skeyidD;
        this.skeyidA = skeyidA;
        this.skeyidE = skeyidE;
        this.encryptionKey = encryptionKey;
    }

    /**
     * Derives the keys of a pre-shared-key authenticated exchange.
     *
     * @param psk          the pre-shared key
     * @param niB          the body of the initiator's nonce payload
     * @param nrB          the body of the responder's nonce payload
     * @param gxy          the DH shared secret (padded as {@link org.jvpn.api.spi.crypto.KeyAgreement} returns it)
     * @param ckyI         the 8-byte initiator cookie
     * @param ckyR         the 8-byte responder cookie
     * @param encKeyLength the phase-1 cipher's key length in bytes (e.g. 16 for AES-128, 24 for 3DES)
     */
    public static IsakmpKeys derivePsk(Prf prf, Secret psk, byte[] niB, byte[] nrB, Secret gxy,
                                       byte[] ckyI, byte[] ckyR, int encKeyLength) {
        return derive(prf, skeyidPsk(prf, psk, niB, nrB), gxy, ckyI, ckyR, encKeyLength);
    }

    /** SKEYID = prf(pre-shared-key, Ni_b | Nr_b) alone (e.g. to check a peer's HASH before g^xy is known). */
    public static Secret skeyidPsk(Prf prf, Secret psk, byte[] niB, byte[] nrB) {
        return prf.derive(psk, niB, nrB);
    }

    /** Derives the keys of a signature authenticated exchange: SKEYID = prf(Ni_b | Nr_b, g^xy). */
    public static IsakmpKeys deriveSignature(Prf prf, byte[] niB, byte[] nrB, Secret gxy,
                                             byte[] ckyI, byte[] ckyR, int encKeyLength) {
        byte[] key = concat(niB, nrB);
        Secret skeyid = Secret.wrap(prf.compute(key, gxy.unsafeBytes()));
        return derive(prf, skeyid, gxy, ckyI, ckyR, encKeyLength);
    }

    private static IsakmpKeys derive(Prf prf, Secret skeyid, Secret gxy, byte[] ckyI, byte[] ckyR, int encKeyLength) {
        checkCookie("CKY-I", ckyI);
        checkCookie("CKY-R", ckyR);
        byte[] g = gxy.unsafeBytes();
        Secret d = prf.derive(skeyid, g, ckyI, ckyR, ZERO);
        Secret a = prf.derive(skeyid, d.unsafeBytes(), g, ckyI, ckyR, ONE);
        Secret e = prf.derive(skeyid, a.unsafeBytes(), g, ckyI, ckyR, TWO);
        Secret key = expandEncryptionKey(prf, e, encKeyLength);
        return new IsakmpKeys(prf, skeyid, d, a, e, key);
    }

    /**
     * The phase-1 cipher key from SKEYID_e: its first {@code keyLength} bytes, or, when SKEYID_e is
     * shorter, the first {@code keyLength} bytes of Ka = K1 | K2 | ... with K1 = prf(SKEYID_e, 0) and
     * Kn = prf(SKEYID_e, Kn-1) (RFC 2409 appendix B; "0" is one zero octet).
     */
    public static Secret expandEncryptionKey(Prf prf, Secret skeyidE, int keyLength) {
        if (keyLength <= 0) {
            throw new IllegalArgumentException("encryption key length must be positive: " + keyLength);
        }
        if (skeyidE.length() >= keyLength) {
            return skeyidE.slice(0, keyLength);
        }
        byte[] out = new byte[keyLength];
        byte[] k = ZERO;
        int off = 0;
        while (off < keyLength) {
            byte[] next = prf.compute(skeyidE, k);
            Arrays.fill(k, (byte) 0);
            int n = Math.min(next.length, keyLength - off);
            System.arraycopy(next, 0, out, off, n);
            off += n;
            k = next;
        }
        Arrays.fill(k, (byte) 0);
        return Secret.wrap(out);
    }

    public Prf prf() {
        return prf;
    }

    public Secret skeyid() {
        return skeyid;
    }

    public Secret skeyidD() {
        return skeyidD;
    }

    public Secret skeyidA() {
        return skeyidA;
    }

    public Secret skeyidE() {
        return skeyidE;
    }

    /** The phase-1 cipher key (SKEYID_e, expanded and truncated to the key length). */
    public Secret encryptionKey() {
        return encryptionKey;
    }

    /**
     * HASH_I = prf(SKEYID, g^xi | g^xr | CKY-I | CKY-R | SAi_b | IDii_b) (section 5).
     *
     * @param saiB  the entire body of the initiator's SA payload (minus the generic header)
     * @param idiiB the body of the initiator's ID payload (minus the generic header)
     */
    public byte[] hashI(byte[] gxi, byte[] gxr, byte[] ckyI, byte[] ckyR, byte[] saiB, byte[] idiiB) {
        return hashI(prf, skeyid, gxi, gxr, ckyI, ckyR, saiB, idiiB);
    }

    /** HASH_I with a given SKEYID. */
    public static byte[] hashI(Prf prf, Secret skeyid, byte[] gxi, byte[] gxr, byte[] ckyI, byte[] ckyR,
                               byte[] saiB, byte[] idiiB) {
        return prf.compute(skeyid, gxi, gxr, ckyI, ckyR, saiB, idiiB);
    }

    /**
     * HASH_R = prf(SKEYID, g^xr | g^xi | CKY-R | CKY-I | SAi_b | IDir_b). The arguments are given in the
     * same order as for {@link #hashI} (initiator's values first); the swap happens here.
     */
    public byte[] hashR(byte[] gxi, byte[] gxr, byte[] ckyI, byte[] ckyR, byte[] saiB, byte[] idirB) {
        return hashR(prf, skeyid, gxi, gxr, ckyI, ckyR, saiB, idirB);
    }

    /** HASH_R with a given SKEYID; arguments in the same order as {@link #hashI(byte[], byte[], byte[], byte[], byte[], byte[])}. */
    public static byte[] hashR(Prf prf, Secret skeyid, byte[] gxi, byte[] gxr, byte[] ckyI, byte[] ckyR,
                               byte[] saiB, byte[] idirB) {
        return prf.compute(skeyid, gxr, gxi, ckyR, ckyI, saiB, idirB);
    }

    /**
     * Quick mode HASH(1) = prf(SKEYID_a, M-ID | SA | Ni [ | KE ] [ | IDci | IDcr ]): {@code rest} is the
     * message from the payload after the HASH payload to the end (generic headers included, no padding).
     */
    public byte[] quickModeHash1(int messageId, byte[] rest) {
        return prf.compute(skeyidA, messageIdBytes(messageId), rest);
    }

    /** Quick mode HASH(2) = prf(SKEYID_a, M-ID | Ni_b | SA | Nr [ | KE ] [ | IDci | IDcr ]). */
    public byte[] quickModeHash2(int messageId, byte[] niB, byte[] rest) {
        return prf.compute(skeyidA, messageIdBytes(messageId), niB, rest);
    }

    /** Quick mode HASH(3) = prf(SKEYID_a, 0 | M-ID | Ni_b | Nr_b). */
    public byte[] quickModeHash3(int messageId, byte[] niB, byte[] nrB) {
        return prf.compute(skeyidA, ZERO, messageIdBytes(messageId), niB, nrB);
    }

    /**
     * Informational HASH(1) = prf(SKEYID_a, M-ID | N/D) (section 5.7): {@code rest} is the notification or
     * delete payload(s) after the HASH payload, generic headers included.
     */
    public byte[] informationalHash(int messageId, byte[] rest) {
        return prf.compute(skeyidA, messageIdBytes(messageId), rest);
    }

    /**
     * KEYMAT for one SA of a quick mode; see {@link Keymat#derive}.
     *
     * @param gqmxy the quick mode DH shared secret with PFS, null without
     */
    public Secret keymat(int protocol, byte[] spi, byte[] niB, byte[] nrB, @Nullable Secret gqmxy,
                         int length) {
        return Keymat.derive(prf, skeyidD, gqmxy, protocol, spi, niB, nrB, length);
    }

    /** Whether a received hash equals the expected one, in constant time (lengths are public). */
    public static boolean hashMatches(byte[] expected, byte[] received) {
        return ConstantTime.equals(expected, received);
    }

    /** Wipes SKEYID and all derived keys. */
    public void destroy() {
        skeyid.destroy();
        skeyidD.destroy();
        skeyidA.destroy();
        skeyidE.destroy();
        encryptionKey.destroy();
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "IsakmpKeys[prf=HMAC-" + prf.hash() + ", encryption key " + encryptionKey.length() + " bytes]";
    }

    static byte[] messageIdBytes(int messageId) {
        return new byte[] {(byte) (messageId >>> 24), (byte) (messageId >>> 16), (byte) (messageId >>> 8), (byte) messageId};
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, off, p.length);
            off += p.length;
        }
        return out;
    }

    private static void checkCookie(String name, byte[] cookie) {
        if (cookie.length != 8) {
            throw new IllegalArgumentException(name + " must be 8 bytes, was " + cookie.length);
        }
    }
}

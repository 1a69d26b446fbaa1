package org.jvpn.ike.keys;

import java.math.BigInteger;
import org.jvpn.api.config.DhGroup;
import org.jvpn.api.spi.crypto.KeyAgreement;
import org.jvpn.api.spi.crypto.RandomSource;

/**
 * Creates the Diffie-Hellman key pairs of the IKEv1 groups: MODP 1, 2, 5, 14-18 (RFC 2409, RFC 3526;
 * short private exponent with {@link BigInteger#modPow}) and ECP 19, 20, 21 (RFC 5903; Bouncy Castle
 * custom curves). Each was chosen as the fastest correct implementation measured on the project's
 * machines (see {@code org.jvpn.bench.ike.DhBenchmark}).
 *
 * <p>The peer's public value is validated in {@link KeyAgreement#computeShared}: its length, 1 &lt; y &lt;
 * p-1 for MODP, on the curve and not infinity for ECP; a bad one raises
 * {@link org.jvpn.api.spi.crypto.InvalidPublicValueException}.
 */
public final class DhGroups {

    private DhGroups() {}

    /** A fresh key pair of {@code group}, its private value drawn from {@code random} only. */
    public static KeyAgreement create(DhGroup group, RandomSource random) {
        if (group.isEcp()) {
            return EcpKeyAgreement.generate(EcpKeyAgreement.Curve.of(group), random);
        }
        return ModpKeyAgreement.generate(ModpGroup.of(group), random);
    }

    /**
     * A key pair with a given private value (big-endian exponent for MODP, scalar for ECP), for
     * known-answer tests against recorded exchanges and RFC vectors. Never for production use.
     */
    static KeyAgreement withPrivateValue(DhGroup group, byte[] privateValue) {
        if (group.isEcp()) {
            return EcpKeyAgreement.withPrivateScalar(EcpKeyAgreement.Curve.of(group), privateValue);
        }
        return ModpKeyAgreement.withPrivateExponent(ModpGroup.of(group), privateValue);
    }

    /** The length of the private exponent used for a MODP group, in bits. */
    public static int modpExponentBits(DhGroup group) {
        return ModpGroup.of(group).exponentBits();
    }

    /** {@code v} big-endian, left-padded with zeros to exactly {@code length} bytes. */
    static byte[] toFixedLength(BigInteger v, int length) {
        byte[] raw = v.toByteArray();
        if (raw.length == length) {
            return raw;
        }
        byte[] out = new byte[length];
        if (raw.length > length) {
            // a leading sign byte
            if (raw.length != length + 1 || raw[0] != 0) {
                throw new IllegalArgumentException("value longer than " + length + " bytes");
            }
            System.arraycopy(raw, 1, out, 0, length);
        } else {
            System.arraycopy(raw, 0, out, length - raw.length, raw.length);
        }
        java.util.Arrays.fill(raw, (byte) 0);
        return out;
    }
}

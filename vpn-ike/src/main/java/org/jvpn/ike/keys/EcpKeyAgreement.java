package org.jvpn.ike.keys;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.jvpn.api.config.DhGroup;
import org.jvpn.api.spi.crypto.InvalidPublicValueException;
import org.jvpn.api.spi.crypto.KeyAgreement;
import org.jvpn.api.spi.crypto.RandomSource;
import org.jvpn.api.spi.crypto.Secret;

/**
 * ECDH over the NIST prime curves of RFC 5903 (groups 19, 20, 21) with Bouncy Castle's low-level custom
 * curve arithmetic ({@code org.bouncycastle.math.ec.custom.sec}), about 4.5 times SunEC's speed.
 *
 * <p>RFC 5903 section 7: the KE data is x | y, each coordinate left-padded to the field size; the shared
 * secret is the x coordinate of the product only. The private scalar is kept as bytes and zeroed by
 * {@link #destroy()}; the transient {@link BigInteger} per use cannot be wiped (see {@link ModpKeyAgreement}).
 */
final class EcpKeyAgreement implements KeyAgreement {

    /** One curve: parameters looked up once. */
    enum Curve {
        P256(DhGroup.GROUP19, "secp256r1"),
        P384(DhGroup.GROUP20, "secp384r1"),
        P521(DhGroup.GROUP21, "secp521r1");

        private final DhGroup group;
        private final X9ECParameters params;
        private final int fieldLength;
        private final BigInteger order;

        Curve(DhGroup group, String name) {
            this.group = group;
            this.params = CustomNamedCurves.getByName(name);
            this.fieldLength = (params.getCurve().getFieldSize() + 7) / 8;
            this.order = params.getN();
        }

        DhGroup group() {
            return group;
        }

        ECCurve curve() {
            return params.getCurve();
        }

        ECPoint generator() {
            return params.getG();
        }

        BigInteger order() {
            return order;
        }

        /** Bytes per coordinate. */
        int fieldLength() {
            return fieldLength;
        }

        static Curve of(DhGroup group) {
            for (Curve c : values()) {
                if (c.group == group) {
                    return c;
                }
            }
            throw new IllegalArgumentException("not an ECP group: " + group);
        }
    }

    private static final FixedPointCombMultiplier BASE_MULTIPLIER = new FixedPointCombMultiplier();

    private final Curve curve;
    private final byte[] privateScalar;
    private final byte[] publicValue;
    private boolean destroyed;

    private EcpKeyAgreement(Curve curve, byte[] privateScalar) {
        this.curve = curve;
        this.privateScalar = privateScalar;
        ECPoint q = BASE_MULTIPLIER.multiply(curve.generator(), new BigInteger(1, privateScalar)).normalize();
        this.publicValue = encodePoint(curve, q);
    }

    /** A fresh key pair: a scalar uniform in [1, n-1] (64 extra random bits, then reduced). */
    static EcpKeyAgreement generate(Curve curve, RandomSource random) {
        byte[] r = random.nextBytes(curve.fieldLength() + 8);
        BigInteger d = new BigInteger(1, r).mod(curve.order().subtract(BigInteger.ONE)).add(BigInteger.ONE);
        Arrays.fill(r, (byte) 0);
        return new EcpKeyAgreement(curve, DhGroups.toFixedLength(d, curve.fieldLength()));
    }

    /** A key pair with a known private scalar (known-answer tests); copies {@code d}. */
    static EcpKeyAgreement withPrivateScalar(Curve curve, byte[] d) {
        BigInteger k = new BigInteger(1, d);
        if (k.signum() == 0 || k.compareTo(curve.order()) >= 0) {
            throw new IllegalArgumentException("private scalar must be in [1, n-1]");
        }
        return new EcpKeyAgreement(curve, DhGroups.toFixedLength(k, curve.fieldLength()));
    }

    private static byte[] encodePoint(Curve curve, ECPoint p) {
        int n = curve.fieldLength();
        byte[] out = new byte[2 * n];
        byte[] x = DhGroups.toFixedLength(p.getAffineXCoord().toBigInteger(), n);
        byte[] y = DhGroups.toFixedLength(p.getAffineYCoord().toBigInteger(), n);
        System.arraycopy(x, 0, out, 0, n);
        System.arraycopy(y, 0, out, n, n);
        return out;
    }

    @Override
    public int group() {
        return curve.group().number();
    }

    @Override
    public byte[] publicValue() {
        return publicValue.clone();
    }

    @Override
    public Secret computeShared(byte[] peerPublicValue) throws InvalidPublicValueException {
        if (destroyed) {
            throw new IllegalStateException("key agreement was destroyed");
        }
        int n = curve.fieldLength();
        if (peerPublicValue.length != 2 * n) {
            throw new InvalidPublicValueException("ECP group " + group() + " public value length "
                    + peerPublicValue.length + ", expected " + 2 * n + " (x | y)");
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(peerPublicValue, 0, n));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(peerPublicValue, n, 2 * n));
        BigInteger p = curve.curve().getField().getCharacteristic();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            throw new InvalidPublicValueException("ECP group " + group() + " coordinate not below the field prime");
        }
        ECPoint peer;
        try {
            // validatePoint checks y^2 = x^3 + ax + b; the curves have cofactor 1, so on-curve suffices
            peer = curve.curve().validatePoint(x, y);
        } catch (IllegalArgumentException e) {
            throw new InvalidPublicValueException("ECP group " + group() + " public value is not on the curve");
        }
        if (peer.isInfinity()) {
            throw new InvalidPublicValueException("ECP group " + group() + " public value is the point at infinity");
        }
        ECPoint shared = peer.multiply(new BigInteger(1, privateScalar)).normalize();
        if (shared.isInfinity()) {
            throw new InvalidPublicValueException("ECP group " + group() + " shared point is infinity");
        }
        return Secret.wrap(DhGroups.toFixedLength(shared.getAffineXCoord().toBigInteger(), n));
    }

    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(privateScalar, (byte) 0);
    }

    @Override
    public String toString() {
        return "EcpKeyAgreement[group " + group() + "]";
    }
}

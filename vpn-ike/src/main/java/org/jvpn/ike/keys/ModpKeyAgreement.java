package org.jvpn.ike.keys;

import java.math.BigInteger;
import java.util.Arrays;
import org.jvpn.api.spi.crypto.InvalidPublicValueException;
import org.jvpn.api.spi.crypto.KeyAgreement;
import org.jvpn.api.spi.crypto.RandomSource;
import org.jvpn.api.spi.crypto.Secret;

/**
 * Diffie-Hellman over a MODP group with a short private exponent and {@link BigInteger#modPow}.
 *
 * <p>The private exponent is kept as a byte array that {@link #destroy()} zeroes. Each use turns it into
 * a transient {@link BigInteger}, which is immutable and cannot be wiped: its copy lives until the garbage
 * collector reuses the memory. That is the limit of what pure Java can promise here.
 */
final class ModpKeyAgreement implements KeyAgreement {

    private final ModpGroup group;
    private final byte[] privateExponent;
    private final byte[] publicValue;
    private boolean destroyed;

    private ModpKeyAgreement(ModpGroup group, byte[] privateExponent) {
        this.group = group;
        this.privateExponent = privateExponent;
        BigInteger y = ModpGroup.GENERATOR.modPow(new BigInteger(1, privateExponent), group.prime());
        this.publicValue = DhGroups.toFixedLength(y, group.primeLength());
    }

    /** A fresh key pair: a random exponent of {@link ModpGroup#exponentBits()} bits, at least 2. */
    static ModpKeyAgreement generate(ModpGroup group, RandomSource random) {
        int bytes = group.exponentBits() / 8;
        byte[] x = new byte[bytes];
        do {
            random.nextBytes(x, 0, bytes);
        } while (isZeroOrOne(x));
        return new ModpKeyAgreement(group, x);
    }

    /** A key pair with a known private exponent (known-answer tests); copies {@code x}. */
    static ModpKeyAgreement withPrivateExponent(ModpGroup group, byte[] x) {
        if (isZeroOrOne(x)) {
            throw new IllegalArgumentException("private exponent must be at least 2");
        }
        return new ModpKeyAgreement(group, x.clone());
    }

    private static boolean isZeroOrOne(byte[] x) {
        int high = 0;
        for (int i = 0; i < x.length - 1; i++) {
            high |= x[i];
        }
        return high == 0 && (x.length == 0 || (x[x.length - 1] & 0xfe) == 0);
    }

    @Override
    public int group() {
        return group.group().number();
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
        if (peerPublicValue.length != group.primeLength()) {
            throw new InvalidPublicValueException("MODP group " + group() + " public value length "
                    + peerPublicValue.length + ", expected " + group.primeLength());
        }
        BigInteger y = new BigInteger(1, peerPublicValue);
        // RFC 2631 section 2.1.5 / NIST SP 800-56A 5.6.2.3.1: 1 < y < p-1
        if (y.compareTo(BigInteger.ONE) <= 0 || y.compareTo(group.primeMinusOne()) >= 0) {
            throw new InvalidPublicValueException("MODP group " + group()
                    + " public value out of range: expected 1 < y < p-1");
        }
        BigInteger z = y.modPow(new BigInteger(1, privateExponent), group.prime());
        if (z.equals(BigInteger.ONE)) {
            throw new InvalidPublicValueException("MODP group " + group() + " public value of small order");
        }
        return Secret.wrap(DhGroups.toFixedLength(z, group.primeLength()));
    }

    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(privateExponent, (byte) 0);
    }

    @Override
    public String toString() {
        return "ModpKeyAgreement[group " + group() + "]";
    }
}

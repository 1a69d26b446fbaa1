package org.jvpn.api.spi.crypto;

/** Comparisons whose running time does not depend on where the inputs differ (MACs, hashes). */
public final class ConstantTime {

    private ConstantTime() {}

    /** Whether {@code a[aOff, aOff+len)} equals {@code b[bOff, bOff+len)}, in constant time for a given len. */
    public static boolean equals(byte[] a, int aOff, byte[] b, int bOff, int len) {
        if (aOff < 0 || bOff < 0 || len < 0 || aOff + len > a.length || bOff + len > b.length) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < len; i++) {
            diff |= a[aOff + i] ^ b[bOff + i];
        }
        return diff == 0;
    }

    /** Whether two arrays are equal; lengths are not secret. */
    public static boolean equals(byte[] a, byte[] b) {
        return a.length == b.length && equals(a, 0, b, 0, a.length);
    }
}

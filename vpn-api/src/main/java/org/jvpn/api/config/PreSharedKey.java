package org.jvpn.api.config;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.spi.crypto.ConstantTime;
import org.jvpn.api.spi.crypto.Secret;

/**
 * A pre-shared key ({@code psk}). Its bytes never appear in {@link #toString()}, in exception messages or
 * in warnings; {@link #equals} compares in constant time. The engine takes the bytes with
 * {@link #toSecret()} and wipes that copy when done.
 */
public final class PreSharedKey {

    private final byte[] bytes;

    private PreSharedKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The UTF-8 bytes of {@code text} (as the cloud APIs' {@code psk} string). Empty is refused. */
    public static PreSharedKey of(String text) {
        return of(text, new Where("PreSharedKey", null));
    }

    /** A copy of {@code bytes}. Empty is refused. */
    public static PreSharedKey of(byte[] bytes) {
        return of(bytes, new Where("PreSharedKey", null));
    }

    static PreSharedKey of(String text, Where where) {
        return checked(text.getBytes(StandardCharsets.UTF_8), where);
    }

    static PreSharedKey of(byte[] bytes, Where where) {
        return checked(bytes.clone(), where);
    }

    private static PreSharedKey checked(byte[] bytes, Where where) {
        if (bytes.length == 0) {
            throw where.fail("psk", null, "is empty; expected at least 1 byte");
        }
        return new PreSharedKey(bytes);
    }

    /** Length in bytes (not secret). */
    public int length() {
        return bytes.length;
    }

    /** A fresh copy as a self-wiping secret; the caller destroys it when done. */
    public Secret toSecret() {
        return Secret.copyOf(bytes);
    }

    /** A fresh copy of the bytes; the caller wipes it when done. */
    public byte[] copyBytes() {
        return bytes.clone();
    }

    /** Same bytes, compared in constant time for a given length. */
    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof PreSharedKey k && ConstantTime.equals(k.bytes, bytes);
    }

    /** A constant: a hash of the bytes would leak information about them. */
    @Override
    public int hashCode() {
        return 0x50534b;
    }

    /** Never the key: {@code PreSharedKey[hidden]}. */
    @Override
    public String toString() {
        return "PreSharedKey[hidden]";
    }
}

package org.jvpn.api.spi.crypto;

import java.util.Arrays;

/**
 * Key material that wipes itself: a PSK, SKEYID, an SA's keys. Never printed ({@link #toString()}
 * says only the length), never compared in variable time. {@link #destroy()} zeroes the bytes;
 * any use afterwards throws {@link IllegalStateException}.
 *
 * <p>Thread-safe for reading; destroy it only when no other thread uses it.
 */
public final class Secret implements AutoCloseable {

    private final byte[] bytes;
    private volatile boolean destroyed;

    private Secret(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A secret holding a copy of {@code bytes}. The caller should wipe its own copy. */
    public static Secret copyOf(byte[] bytes) {
        return new Secret(bytes.clone());
    }

    /** A secret holding a copy of {@code bytes[off, off+len)}. */
    public static Secret copyOf(byte[] bytes, int off, int len) {
        return new Secret(Arrays.copyOfRange(bytes, off, off + len));
    }

    /** A secret that takes ownership of {@code bytes} (no copy): the caller must not keep it. */
    public static Secret wrap(byte[] bytes) {
        return new Secret(bytes);
    }

    public int length() {
        return bytes.length;
    }

    /**
     * The secret bytes themselves, without copying, for handing to a cipher or MAC. Do not keep,
     * modify or log the array.
     */
    public byte[] unsafeBytes() {
        checkLive();
        return bytes;
    }

    /** A copy of the bytes; the caller wipes it when done. */
    public byte[] copyBytes() {
        checkLive();
        return bytes.clone();
    }

    /** A new secret with a copy of {@code [off, off+len)} of this one. */
    public Secret slice(int off, int len) {
        checkLive();
        return copyOf(bytes, off, len);
    }

    /** Whether the two secrets hold the same bytes, in time independent of where they differ. */
    public boolean contentEquals(Secret other) {
        return ConstantTime.equals(unsafeBytes(), other.unsafeBytes());
    }

    public boolean isDestroyed() {
        return destroyed;
    }

    /** Zeroes the bytes. Idempotent. */
    public void destroy() {
        destroyed = true;
        Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public void close() {
        destroy();
    }

    private void checkLive() {
        if (destroyed) {
            throw new IllegalStateException("secret was destroyed");
        }
    }

    /** Never the bytes: only the length. */
    @Override
    public String toString() {
        return "Secret[" + bytes.length + " bytes]";
    }
}

package org.jvpn.ike.wire;

import java.util.HexFormat;

/** Bounds-checked big-endian reads and small helpers shared by the payload classes. */
final class Wire {

    private Wire() {
    }

    static int u8(byte[] b, int off) {
        return b[off] & 0xff;
    }

    static int u16(byte[] b, int off) {
        return (b[off] & 0xff) << 8 | (b[off + 1] & 0xff);
    }

    static long u32(byte[] b, int off) {
        return ((long) u16(b, off) << 16) | u16(b, off + 2);
    }

    static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    static void put32(byte[] b, int off, long v) {
        put16(b, off, (int) (v >>> 16));
        put16(b, off + 2, (int) v);
    }

    /** Checks that [off, off+len) lies within {@code buf}; a programming error otherwise. */
    static void checkRange(byte[] buf, int off, int len) {
        if (off < 0 || len < 0 || off > buf.length - len) {
            throw new IndexOutOfBoundsException("range " + off + "+" + len + " outside buffer of " + buf.length);
        }
    }

    /** Throws PAYLOAD-MALFORMED when a body of {@code len} bytes is shorter than {@code min}. */
    static void needAtLeast(String what, int len, int min) throws IkeWireException {
        if (len < min) {
            throw IkeWireException.malformed(what + " body is " + len + " bytes, expected at least " + min);
        }
    }

    static byte[] copy(byte[] b, int off, int len) {
        byte[] out = new byte[len];
        System.arraycopy(b, off, out, 0, len);
        return out;
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    static byte[] concat(byte[] head, byte[] tail) {
        byte[] out = new byte[head.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }
}

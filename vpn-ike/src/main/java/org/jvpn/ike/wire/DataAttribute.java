package org.jvpn.ike.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A data attribute (RFC 2408 section 3.3) in TV form (AF = 1, a 16-bit value) or TLV form (AF = 0, a
 * variable-length value). The form received is kept so encoding round-trips. Meanings of the types
 * live in {@link Phase1Attributes} and {@link Phase2Attributes}.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !A!       Attribute Type        !    AF=0  Attribute Length     !
 * !F!                             !    AF=1  Attribute Value      !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * .                   AF=0  Attribute Value                       .
 * .                   AF=1  Not Transmitted                       .
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class DataAttribute {

    private final int type;
    private final boolean tv;
    private final byte[] value;

    private DataAttribute(int type, boolean tv, byte[] value) {
        if (type < 0 || type > 0x7fff) {
            throw new IllegalArgumentException("attribute type " + type + " outside 0..32767");
        }
        if (value.length > 0xffff) {
            throw new IllegalArgumentException("attribute value of " + value.length + " bytes exceeds 65535");
        }
        this.type = type;
        this.tv = tv;
        this.value = value;
    }

    /** A TV (basic) attribute with a 16-bit value. */
    public static DataAttribute tv(int type, int value) {
        if (value < 0 || value > 0xffff) {
            throw new IllegalArgumentException("TV attribute " + type + " value " + value + " outside 0..65535");
        }
        return new DataAttribute(type, true, new byte[] {(byte) (value >>> 8), (byte) value});
    }

    /** A TLV (variable) attribute. */
    public static DataAttribute tlv(int type, byte[] value) {
        return new DataAttribute(type, false, value.clone());
    }

    /**
     * A numeric attribute in the shortest form: TV when the value fits 16 bits, else TLV of 4 bytes
     * (8 when it exceeds 32 bits). Use for life durations (RFC 2407 4.5: variable length).
     */
    public static DataAttribute number(int type, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("attribute " + type + " value " + value + " is negative");
        }
        if (value <= 0xffff) {
            return tv(type, (int) value);
        }
        int n = value <= 0xffffffffL ? 4 : 8;
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[n - 1 - i] = (byte) (value >>> (8 * i));
        }
        return new DataAttribute(type, false, b);
    }

    /**
     * Parses one attribute at {@code off}; {@code end} bounds the enclosing structure.
     *
     * @return the attribute; its encoded size is {@link #encodedLength()}
     * @throws IkeWireException PAYLOAD-MALFORMED when the attribute runs past {@code end}
     */
    public static DataAttribute parse(byte[] buf, int off, int end) throws IkeWireException {
        if (off < 0 || end > buf.length || off > end) {
            throw new IndexOutOfBoundsException("attribute at " + off + " beyond end " + end);
        }
        if (end - off < 4) {
            throw IkeWireException.malformed("data attribute needs 4 bytes, only " + (end - off) + " left");
        }
        int word = Wire.u16(buf, off);
        int type = word & 0x7fff;
        boolean tv = (word & 0x8000) != 0;
        if (tv) {
            return new DataAttribute(type, true, Wire.copy(buf, off + 2, 2));
        }
        int len = Wire.u16(buf, off + 2);
        if (len > end - off - 4) {
            throw IkeWireException.malformed("TLV attribute type " + type + " length " + len + " exceeds the "
                    + (end - off - 4) + " bytes left");
        }
        return new DataAttribute(type, false, Wire.copy(buf, off + 4, len));
    }

    /** Parses attributes filling exactly [off, off+len). */
    public static List<DataAttribute> parseAll(byte[] buf, int off, int len) throws IkeWireException {
        Wire.checkRange(buf, off, len);
        List<DataAttribute> out = new ArrayList<>();
        int pos = off;
        int end = off + len;
        while (pos < end) {
            DataAttribute a = parse(buf, pos, end);
            out.add(a);
            pos += a.encodedLength();
        }
        return Collections.unmodifiableList(out);
    }

    /** Concatenated encodings. */
    public static byte[] encodeAll(List<DataAttribute> attributes) {
        int n = 0;
        for (DataAttribute a : attributes) {
            n += a.encodedLength();
        }
        byte[] out = new byte[n];
        int pos = 0;
        for (DataAttribute a : attributes) {
            pos = a.encodeInto(out, pos);
        }
        return out;
    }

    public int type() {
        return type;
    }

    /** TV (basic, AF = 1) rather than TLV. */
    public boolean isTv() {
        return tv;
    }

    /** The value bytes (2 for TV; a copy). */
    public byte[] value() {
        return value.clone();
    }

    /**
     * The value as an unsigned number; a TLV value longer than 8 bytes with non-zero leading bytes
     * saturates to {@link Long#MAX_VALUE} (an absurd lifetime is then "very long", not an error).
     */
    public long longValue() {
        long v = 0;
        for (byte b : value) {
            if ((v >>> 55) != 0) {
                return Long.MAX_VALUE;
            }
            v = v << 8 | (b & 0xff);
        }
        return v;
    }

    /** The value as an int, saturating at {@link Integer#MAX_VALUE}. */
    public int intValue() {
        return (int) Math.min(Integer.MAX_VALUE, longValue());
    }

    public int encodedLength() {
        return tv ? 4 : 4 + value.length;
    }

    int encodeInto(byte[] out, int pos) {
        Wire.put16(out, pos, (tv ? 0x8000 : 0) | type);
        if (tv) {
            out[pos + 2] = value[0];
            out[pos + 3] = value[1];
            return pos + 4;
        }
        Wire.put16(out, pos + 2, value.length);
        System.arraycopy(value, 0, out, pos + 4, value.length);
        return pos + 4 + value.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataAttribute a && a.type == type && a.tv == tv && Arrays.equals(a.value, value);
    }

    @Override
    public int hashCode() {
        return (type * 31 + (tv ? 1 : 0)) * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "attr(" + type + (tv ? "=" : ":") + (value.length <= 8 ? Long.toString(longValue()) : Wire.hex(value)) + ")";
    }
}

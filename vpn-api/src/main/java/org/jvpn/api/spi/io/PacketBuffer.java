package org.jvpn.api.spi.io;

import java.util.Arrays;

/**
 * A packet in a heap byte array with room in front of it (headroom) and behind it (tailroom), so that
 * protocol layers prepend headers (UDP, ESP, AH) and append trailers (padding, ICV) in place, without
 * copying the payload. Modelled on wireguard-go's offset-carrying buffers.
 *
 * <pre>
 *   0            offset                offset+length          array.length
 *   | headroom   | packet bytes         | tailroom             |
 * </pre>
 *
 * <p>Not thread-safe: a buffer belongs to one thread at a time. Ownership passes with the call that
 * hands it over; a callee that wants to keep the bytes after returning copies them.
 */
public final class PacketBuffer {

    /** Headroom that transports and tunnel devices should reserve in front of inner packets. */
    public static final int DEFAULT_HEADROOM = 128;

    /** Tailroom for padding and ICVs. */
    public static final int DEFAULT_TAILROOM = 128;

    private final byte[] array;
    private int offset;
    private int length;

    private PacketBuffer(byte[] array, int offset, int length) {
        this.array = array;
        this.offset = offset;
        this.length = length;
    }

    /** An empty buffer of {@code capacity} bytes whose data starts after {@code headroom} bytes. */
    public static PacketBuffer allocate(int capacity, int headroom) {
        if (headroom < 0 || headroom > capacity) {
            throw new IllegalArgumentException("headroom " + headroom + " outside 0.." + capacity);
        }
        return new PacketBuffer(new byte[capacity], headroom, 0);
    }

    /** A buffer for a packet of up to {@code mtu} bytes with the default head- and tailroom. */
    public static PacketBuffer forMtu(int mtu) {
        return allocate(DEFAULT_HEADROOM + mtu + DEFAULT_TAILROOM, DEFAULT_HEADROOM);
    }

    /** Wraps {@code array[offset, offset+length)}; the rest of the array is head- and tailroom. */
    public static PacketBuffer wrap(byte[] array, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > array.length) {
            throw new IndexOutOfBoundsException("offset " + offset + " length " + length + " array " + array.length);
        }
        return new PacketBuffer(array, offset, length);
    }

    /** A copy of {@code data} with the default head- and tailroom. */
    public static PacketBuffer copyOf(byte[] data) {
        PacketBuffer b = allocate(DEFAULT_HEADROOM + data.length + DEFAULT_TAILROOM, DEFAULT_HEADROOM);
        System.arraycopy(data, 0, b.array, b.offset, data.length);
        b.length = data.length;
        return b;
    }

    /** The backing array (shared, not copied). */
    public byte[] array() {
        return array;
    }

    /** Index in {@link #array()} of the first packet byte. */
    public int offset() {
        return offset;
    }

    /** Number of packet bytes. */
    public int length() {
        return length;
    }

    /** Index just past the last packet byte. */
    public int end() {
        return offset + length;
    }

    public int headroom() {
        return offset;
    }

    public int tailroom() {
        return array.length - offset - length;
    }

    public int capacity() {
        return array.length;
    }

    /** Sets the packet to {@code array[offset, offset+length)}. */
    public PacketBuffer set(int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > array.length) {
            throw new IndexOutOfBoundsException("offset " + offset + " length " + length + " capacity " + array.length);
        }
        this.offset = offset;
        this.length = length;
        return this;
    }

    /** Grows the packet at the front by {@code n} bytes (for a header); returns the new offset. */
    public int prepend(int n) {
        if (n < 0 || n > offset) {
            throw new IndexOutOfBoundsException("prepend " + n + " with headroom " + offset);
        }
        offset -= n;
        length += n;
        return offset;
    }

    /** Removes {@code n} bytes from the front (a consumed header). */
    public void trimFront(int n) {
        if (n < 0 || n > length) {
            throw new IndexOutOfBoundsException("trimFront " + n + " of " + length);
        }
        offset += n;
        length -= n;
    }

    /** Grows the packet at the end by {@code n} bytes (for a trailer); returns the old end index. */
    public int append(int n) {
        if (n < 0 || n > tailroom()) {
            throw new IndexOutOfBoundsException("append " + n + " with tailroom " + tailroom());
        }
        int at = offset + length;
        length += n;
        return at;
    }

    /** Sets the length, keeping the offset. */
    public void length(int newLength) {
        if (newLength < 0 || offset + newLength > array.length) {
            throw new IndexOutOfBoundsException("length " + newLength + " at offset " + offset + " capacity " + array.length);
        }
        this.length = newLength;
    }

    /** Resets to an empty packet starting at {@code headroom}. */
    public void reset(int headroom) {
        set(headroom, 0);
    }

    /** A copy of the packet bytes. */
    public byte[] toByteArray() {
        return Arrays.copyOfRange(array, offset, offset + length);
    }

    /** A deep copy with the same head- and tailroom. */
    public PacketBuffer copy() {
        return new PacketBuffer(array.clone(), offset, length);
    }

    @Override
    public String toString() {
        return "PacketBuffer[offset=" + offset + ", length=" + length + ", capacity=" + array.length + "]";
    }
}

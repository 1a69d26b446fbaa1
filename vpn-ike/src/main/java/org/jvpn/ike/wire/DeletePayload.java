package org.jvpn.ike.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Delete payload (RFC 2408 section 3.15). For the ISAKMP SA the SPI is the 16 bytes CKY-I | CKY-R
 * (RFC 2408 3.15); for ESP/AH each SPI is 4 bytes, the sender's inbound SPIs.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !              Domain of Interpretation  (DOI)                  !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !  Protocol-Id  !   SPI Size    !           # of SPIs           !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~               Security Parameter Index(es) (SPI)              ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class DeletePayload implements Payload {

    private final long doi;
    private final int protocolId;
    private final int spiSize;
    private final List<byte[]> spis;

    /**
     * @param spis each exactly {@code spiSize} bytes, at most 65535 of them
     */
    public DeletePayload(long doi, int protocolId, int spiSize, List<byte[]> spis) {
        if (doi < 0 || doi > 0xffffffffL || protocolId < 0 || protocolId > 255 || spiSize < 0 || spiSize > 255
                || spis.size() > 0xffff) {
            throw new IllegalArgumentException("delete DOI " + doi + " / protocol " + protocolId + " / SPI size "
                    + spiSize + " / " + spis.size() + " SPIs out of range");
        }
        List<byte[]> copy = new ArrayList<>(spis.size());
        for (byte[] s : spis) {
            if (s.length != spiSize) {
                throw new IllegalArgumentException("SPI of " + s.length + " bytes in a delete with SPI size " + spiSize);
            }
            copy.add(s.clone());
        }
        this.doi = doi;
        this.protocolId = protocolId;
        this.spiSize = spiSize;
        this.spis = Collections.unmodifiableList(copy);
    }

    /** Deletes the ISAKMP SA named by its cookies (16 bytes). */
    public static DeletePayload isakmp(byte[] cookies) {
        if (cookies.length != 16) {
            throw new IllegalArgumentException("ISAKMP SPI must be the 16 bytes of both cookies, got " + cookies.length);
        }
        return new DeletePayload(NotifyPayload.DOI_IPSEC, ProtocolId.ISAKMP, 16, List.of(cookies));
    }

    /** Deletes IPsec SAs ({@link ProtocolId#ESP} or {@link ProtocolId#AH}) by their 32-bit SPIs. */
    public static DeletePayload ipsec(int protocolId, int... spis) {
        List<byte[]> list = new ArrayList<>();
        for (int spi : spis) {
            byte[] b = new byte[4];
            Wire.put32(b, 0, spi & 0xffffffffL);
            list.add(b);
        }
        return new DeletePayload(NotifyPayload.DOI_IPSEC, protocolId, 4, list);
    }

    /**
     * @throws IkeWireException PAYLOAD-MALFORMED when shorter than 8 bytes, when the SPI count times
     *         the SPI size is not the rest of the body, or when SPIs of size 0 are counted
     */
    public static DeletePayload parse(byte[] buf, int off, int len) throws IkeWireException {
        Wire.checkRange(buf, off, len);
        Wire.needAtLeast("D", len, 8);
        int spiSize = Wire.u8(buf, off + 5);
        int count = Wire.u16(buf, off + 6);
        if (spiSize == 0 && count != 0) {
            throw IkeWireException.malformed("delete names " + count + " SPIs of size 0");
        }
        if ((long) spiSize * count != len - 8) {
            throw IkeWireException.malformed("delete with " + count + " SPIs of " + spiSize + " bytes needs "
                    + (long) spiSize * count + " bytes after the fixed part, found " + (len - 8));
        }
        List<byte[]> spis = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            spis.add(Wire.copy(buf, off + 8 + i * spiSize, spiSize));
        }
        return new DeletePayload(Wire.u32(buf, off), Wire.u8(buf, off + 4), spiSize, spis);
    }

    @Override
    public int type() {
        return PayloadType.DELETE.number();
    }

    public long doi() {
        return doi;
    }

    public int protocolId() {
        return protocolId;
    }

    public int spiSize() {
        return spiSize;
    }

    /** The SPIs (copies). */
    public List<byte[]> spis() {
        List<byte[]> out = new ArrayList<>(spis.size());
        for (byte[] s : spis) {
            out.add(s.clone());
        }
        return out;
    }

    /** The SPIs as 32-bit numbers when the SPI size is 4 (ESP/AH). */
    public int[] spisAsInts() {
        if (spiSize != 4) {
            return new int[0];
        }
        int[] out = new int[spis.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) Wire.u32(spis.get(i), 0);
        }
        return out;
    }

    @Override
    public byte[] body() {
        byte[] out = new byte[8 + spiSize * spis.size()];
        Wire.put32(out, 0, doi);
        out[4] = (byte) protocolId;
        out[5] = (byte) spiSize;
        Wire.put16(out, 6, spis.size());
        for (int i = 0; i < spis.size(); i++) {
            System.arraycopy(spis.get(i), 0, out, 8 + i * spiSize, spiSize);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeletePayload p && Arrays.equals(p.body(), body());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(body());
    }

    @Override
    public String toString() {
        return "D(" + ProtocolId.nameOf(protocolId) + " " + spis.size() + " SPIs of " + spiSize + " bytes)";
    }
}

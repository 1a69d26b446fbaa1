package org.jvpn.ike.wire;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Notification payload (RFC 2408 section 3.14; IPsec DOI types in RFC 2407 section 4.6.3; DPD in RFC 3706).
 * The notify type is kept as a number ({@link NotifyType#of} names the known ones).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !              Domain of Interpretation  (DOI)                  !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !  Protocol-ID  !   SPI Size    !      Notify Message Type      !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                Security Parameter Index (SPI)                 ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                       Notification Data                       ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class NotifyPayload implements Payload {

    /** The IPsec DOI (RFC 2407). */
    public static final long DOI_IPSEC = 1;

    private final long doi;
    private final int protocolId;
    private final int notifyType;
    private final byte[] spi;
    private final byte[] data;

    /**
     * @param doi usually {@link #DOI_IPSEC}
     * @param protocolId {@link ProtocolId}
     * @param notifyType notify message type number
     * @param spi 0..255 bytes (16 = the two cookies for ISAKMP, 4 for ESP/AH)
     * @param data notification data
     */
    public NotifyPayload(long doi, int protocolId, int notifyType, byte[] spi, byte[] data) {
        if (doi < 0 || doi > 0xffffffffL || protocolId < 0 || protocolId > 255 || notifyType < 0
                || notifyType > 0xffff || spi.length > 255) {
            throw new IllegalArgumentException("notify DOI " + doi + " / protocol " + protocolId + " / type "
                    + notifyType + " / SPI of " + spi.length + " bytes out of range");
        }
        this.doi = doi;
        this.protocolId = protocolId;
        this.notifyType = notifyType;
        this.spi = spi.clone();
        this.data = data.clone();
    }

    /** An IPsec-DOI notify of a known type. */
    public static NotifyPayload of(NotifyType type, int protocolId, byte[] spi, byte[] data) {
        return new NotifyPayload(DOI_IPSEC, protocolId, type.number(), spi, data);
    }

    /** An error notify about the ISAKMP SA (protocol ISAKMP, SPI = the 16 bytes of both cookies). */
    public static NotifyPayload error(NotifyType type, byte[] cookies) {
        return of(type, ProtocolId.ISAKMP, cookies, new byte[0]);
    }

    /** INITIAL-CONTACT (RFC 2407 4.6.3.3): protocol ISAKMP, SPI = both cookies, no data. */
    public static NotifyPayload initialContact(byte[] cookies) {
        return of(NotifyType.INITIAL_CONTACT, ProtocolId.ISAKMP, cookies, new byte[0]);
    }

    /** DPD R-U-THERE (or R-U-THERE-ACK when {@code ack}): protocol ISAKMP, SPI = cookies, 4-byte sequence. */
    public static NotifyPayload dpd(boolean ack, byte[] cookies, long sequence) {
        byte[] seq = new byte[4];
        Wire.put32(seq, 0, sequence & 0xffffffffL);
        return of(ack ? NotifyType.R_U_THERE_ACK : NotifyType.R_U_THERE, ProtocolId.ISAKMP, cookies, seq);
    }

    /**
     * RESPONDER-LIFETIME (RFC 2407 4.6.3.1): the data is a list of life type / duration attributes
     * ({@link DataAttribute#encodeAll}).
     */
    public static NotifyPayload responderLifetime(int protocolId, byte[] spi, java.util.List<DataAttribute> lifetime) {
        return of(NotifyType.RESPONDER_LIFETIME, protocolId, spi, DataAttribute.encodeAll(lifetime));
    }

    /** @throws IkeWireException PAYLOAD-MALFORMED when shorter than 8 bytes or the SPI runs past the body */
    public static NotifyPayload parse(byte[] buf, int off, int len) throws IkeWireException {
        Wire.checkRange(buf, off, len);
        Wire.needAtLeast("N", len, 8);
        int spiSize = Wire.u8(buf, off + 5);
        if (8 + spiSize > len) {
            throw IkeWireException.malformed("notify SPI size " + spiSize + " exceeds the body of " + len + " bytes");
        }
        return new NotifyPayload(Wire.u32(buf, off), Wire.u8(buf, off + 4), Wire.u16(buf, off + 6),
                Wire.copy(buf, off + 8, spiSize), Wire.copy(buf, off + 8 + spiSize, len - 8 - spiSize));
    }

    @Override
    public int type() {
        return PayloadType.NOTIFY.number();
    }

    public long doi() {
        return doi;
    }

    public int protocolId() {
        return protocolId;
    }

    /** The notify message type number. */
    public int notifyType() {
        return notifyType;
    }

    public Optional<NotifyType> knownType() {
        return NotifyType.of(notifyType);
    }

    public boolean isError() {
        return notifyType < 16384;
    }

    public byte[] spi() {
        return spi.clone();
    }

    public byte[] data() {
        return data.clone();
    }

    /** The sequence number of an R-U-THERE / R-U-THERE-ACK with exactly 4 data bytes. */
    public OptionalLong dpdSequence() {
        boolean dpd = notifyType == NotifyType.R_U_THERE.number() || notifyType == NotifyType.R_U_THERE_ACK.number();
        return dpd && data.length == 4 ? OptionalLong.of(Wire.u32(data, 0)) : OptionalLong.empty();
    }

    /**
     * The attributes of a RESPONDER-LIFETIME, parsed leniently (PEERS.md section 3.1): empty when the
     * data is not a clean attribute list.
     */
    public Optional<java.util.List<DataAttribute>> lifetimeAttributes() {
        if (notifyType != NotifyType.RESPONDER_LIFETIME.number()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DataAttribute.parseAll(data, 0, data.length));
        } catch (IkeWireException e) {
            return Optional.empty();
        }
    }

    @Override
    public byte[] body() {
        byte[] out = new byte[8 + spi.length + data.length];
        Wire.put32(out, 0, doi);
        out[4] = (byte) protocolId;
        out[5] = (byte) spi.length;
        Wire.put16(out, 6, notifyType);
        System.arraycopy(spi, 0, out, 8, spi.length);
        System.arraycopy(data, 0, out, 8 + spi.length, data.length);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NotifyPayload p && p.doi == doi && p.protocolId == protocolId
                && p.notifyType == notifyType && Arrays.equals(p.spi, spi) && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(body());
    }

    @Override
    public String toString() {
        return "N(" + NotifyType.nameOf(notifyType) + " " + ProtocolId.nameOf(protocolId) + " spi=" + Wire.hex(spi)
                + " data=" + data.length + " bytes)";
    }
}

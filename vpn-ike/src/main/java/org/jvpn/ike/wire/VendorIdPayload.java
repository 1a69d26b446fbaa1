package org.jvpn.ike.wire;

import java.util.HexFormat;
import java.util.Optional;

/**
 * Vendor ID payload (RFC 2408 section 3.16). Known IDs are recognised by {@link #known()}; the rest
 * are kept as data.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !                        Vendor ID (VID)                        ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class VendorIdPayload extends OpaquePayload {

    private static final byte[] DPD_V1_0 = HexFormat.of().parseHex("afcad71368a1f1c96b8696fc77570100");

    public VendorIdPayload(byte[] vid) {
        super(PayloadType.VENDOR_ID.number(), vid);
    }

    /** The vendor ID to send for {@code id}; DPD gets its full 16 bytes (version 1.0). */
    public static VendorIdPayload of(KnownVendorId id) {
        return new VendorIdPayload(id == KnownVendorId.DPD ? DPD_V1_0 : id.bytes());
    }

    public static VendorIdPayload parse(byte[] buf, int off, int len) {
        Wire.checkRange(buf, off, len);
        return new VendorIdPayload(Wire.copy(buf, off, len));
    }

    /** The vendor ID bytes (a copy). */
    public byte[] vendorId() {
        return data();
    }

    /** The recognised vendor, if any. */
    public Optional<KnownVendorId> known() {
        return KnownVendorId.recognise(data());
    }

    @Override
    public String toString() {
        return "VID(" + known().map(Enum::name).orElse(HexFormat.of().formatHex(data())) + ")";
    }
}

package org.jvpn.ike.wire;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Transform payload (RFC 2408 section 3.6), carried inside a {@link ProposalPayload}. Phase 1 uses
 * transform ID KEY_IKE with {@link Phase1Attributes}; phase 2 an ESP/AH transform ID
 * ({@link TransformId}) with {@link Phase2Attributes}.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !  Transform #  !  Transform-Id !           RESERVED2           !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                        SA Attributes                          ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class TransformPayload implements Payload {

    private final int number;
    private final int transformId;
    private final List<DataAttribute> attributes;

    public TransformPayload(int number, int transformId, List<DataAttribute> attributes) {
        if (number < 0 || number > 255 || transformId < 0 || transformId > 255) {
            throw new IllegalArgumentException("transform # " + number + " / ID " + transformId + " outside 0..255");
        }
        this.number = number;
        this.transformId = transformId;
        this.attributes = List.copyOf(attributes);
    }

    /** @throws IkeWireException PAYLOAD-MALFORMED when shorter than 4 bytes or an attribute overruns */
    public static TransformPayload parse(byte[] buf, int off, int len) throws IkeWireException {
        Wire.checkRange(buf, off, len);
        Wire.needAtLeast("T", len, 4);
        return new TransformPayload(Wire.u8(buf, off), Wire.u8(buf, off + 1),
                DataAttribute.parseAll(buf, off + 4, len - 4));
    }

    @Override
    public int type() {
        return PayloadType.TRANSFORM.number();
    }

    /** Transform # (echoed by the responder). */
    public int number() {
        return number;
    }

    public int transformId() {
        return transformId;
    }

    public List<DataAttribute> attributes() {
        return attributes;
    }

    /** The first attribute of {@code type}. */
    public Optional<DataAttribute> attribute(int type) {
        return attributes.stream().filter(a -> a.type() == type).findFirst();
    }

    /** Typed view for a phase-1 (KEY_IKE) transform. */
    public Phase1Attributes phase1() {
        return Phase1Attributes.of(attributes);
    }

    /** Typed view for a phase-2 (ESP/AH) transform. */
    public Phase2Attributes phase2() {
        return Phase2Attributes.of(attributes);
    }

    @Override
    public byte[] body() {
        byte[] attrs = DataAttribute.encodeAll(attributes);
        byte[] out = new byte[4 + attrs.length];
        out[0] = (byte) number;
        out[1] = (byte) transformId;
        System.arraycopy(attrs, 0, out, 4, attrs.length);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransformPayload t && t.number == number && t.transformId == transformId
                && t.attributes.equals(attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, transformId, attributes);
    }

    @Override
    public String toString() {
        return "T(#" + number + " id " + transformId + " " + attributes + ")";
    }
}

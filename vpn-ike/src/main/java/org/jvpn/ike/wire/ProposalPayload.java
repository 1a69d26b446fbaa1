package org.jvpn.ike.wire;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Proposal payload (RFC 2408 section 3.5), carried inside an {@link SaPayload}. Protocol ISAKMP (1, SPI
 * size 0 or 16 in phase 1), AH (2) or ESP (3) with a 4-byte SPI in phase 2 (RFC 2407 4.4). Proposals
 * sharing a number form an AND bundle (e.g. ESP + AH).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !  Proposal #   !  Protocol-Id  !    SPI Size   !# of Transforms!
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !                        SPI (variable)                         !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                   Transform payloads (chain)                  ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class ProposalPayload implements Payload {

    private final int number;
    private final int protocolId;
    private final byte[] spi;
    private final List<TransformPayload> transforms;

    /**
     * @param spi 0..255 bytes (phase 1: empty; phase 2: the sender's inbound SPI, 4 bytes)
     * @param transforms 1..255 transforms (alternatives)
     */
    public ProposalPayload(int number, int protocolId, byte[] spi, List<TransformPayload> transforms) {
        if (number < 0 || number > 255 || protocolId < 0 || protocolId > 255 || spi.length > 255
                || transforms.isEmpty() || transforms.size() > 255) {
            throw new IllegalArgumentException("proposal # " + number + " / protocol " + protocolId + " / SPI of "
                    + spi.length + " bytes / " + transforms.size() + " transforms out of range");
        }
        this.number = number;
        this.protocolId = protocolId;
        this.spi = spi.clone();
        this.transforms = List.copyOf(transforms);
    }

    /** An ESP or AH proposal with a 32-bit SPI. */
    public static ProposalPayload ipsec(int number, int protocolId, int spi, List<TransformPayload> transforms) {
        byte[] b = new byte[4];
        Wire.put32(b, 0, spi & 0xffffffffL);
        return new ProposalPayload(number, protocolId, b, transforms);
    }

    /**
     * @throws IkeWireException BAD-PROPOSAL-SYNTAX when the SPI overruns, the transform chain is broken
     *         or "# of Transforms" differs from the chain; PAYLOAD-MALFORMED from a transform
     */
    public static ProposalPayload parse(byte[] buf, int off, int len) throws IkeWireException {
        Wire.checkRange(buf, off, len);
        Wire.needAtLeast("P", len, 4);
        int spiSize = Wire.u8(buf, off + 2);
        int count = Wire.u8(buf, off + 3);
        if (4 + spiSize > len) {
            throw IkeWireException.notify(NotifyType.BAD_PROPOSAL_SYNTAX,
                    "proposal SPI size " + spiSize + " exceeds the body of " + len + " bytes");
        }
        List<TransformPayload> transforms = SubstructureChain.parse("transform", PayloadType.TRANSFORM.number(), buf,
                off + 4 + spiSize, len - 4 - spiSize, TransformPayload::parse);
        if (transforms.size() != count) {
            throw IkeWireException.notify(NotifyType.BAD_PROPOSAL_SYNTAX,
                    "proposal says " + count + " transforms, carries " + transforms.size());
        }
        return new ProposalPayload(Wire.u8(buf, off), Wire.u8(buf, off + 1), Wire.copy(buf, off + 4, spiSize),
                transforms);
    }

    @Override
    public int type() {
        return PayloadType.PROPOSAL.number();
    }

    public int number() {
        return number;
    }

    public int protocolId() {
        return protocolId;
    }

    public byte[] spi() {
        return spi.clone();
    }

    /** The SPI as a 32-bit number (ESP/AH); 0 when the SPI is not 4 bytes. */
    public int spiAsInt() {
        return spi.length == 4 ? (int) Wire.u32(spi, 0) : 0;
    }

    public List<TransformPayload> transforms() {
        return transforms;
    }

    @Override
    public byte[] body() {
        byte[] chain = SubstructureChain.encode(transforms, PayloadType.TRANSFORM.number());
        byte[] out = new byte[4 + spi.length + chain.length];
        out[0] = (byte) number;
        out[1] = (byte) protocolId;
        out[2] = (byte) spi.length;
        out[3] = (byte) transforms.size();
        System.arraycopy(spi, 0, out, 4, spi.length);
        System.arraycopy(chain, 0, out, 4 + spi.length, chain.length);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProposalPayload p && p.number == number && p.protocolId == protocolId
                && Arrays.equals(p.spi, spi) && p.transforms.equals(transforms);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, protocolId, Arrays.hashCode(spi), transforms);
    }

    @Override
    public String toString() {
        return "P(#" + number + " " + ProtocolId.nameOf(protocolId) + " spi=" + Wire.hex(spi) + " " + transforms + ")";
    }
}

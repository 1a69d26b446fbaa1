package org.jvpn.ike.wire;

import java.util.List;
import java.util.Objects;

/**
 * Security Association payload (RFC 2408 section 3.4) with the IPsec DOI (RFC 2407 section 4.6.1):
 * DOI 1 and situation SIT_IDENTITY_ONLY (1), followed by the proposal chain. Other DOIs are refused
 * with DOI-NOT-SUPPORTED, other situations (labelled secrecy/integrity) with SITUATION-NOT-SUPPORTED.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !              Domain of Interpretation  (DOI)                  !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !                           Situation                           ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                   Proposal payloads (chain)                   ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class SaPayload implements Payload {

    public static final long DOI_IPSEC = 1;
    public static final long SIT_IDENTITY_ONLY = 1;

    private final List<ProposalPayload> proposals;

    /** An IPsec-DOI, SIT_IDENTITY_ONLY SA with these proposals (at least one). */
    public SaPayload(List<ProposalPayload> proposals) {
        if (proposals.isEmpty()) {
            throw new IllegalArgumentException("an SA payload needs at least one proposal");
        }
        this.proposals = List.copyOf(proposals);
    }

    /** The SA of a single proposal. */
    public static SaPayload of(ProposalPayload proposal) {
        return new SaPayload(List.of(proposal));
    }

    /**
     * @throws IkeWireException DOI-NOT-SUPPORTED, SITUATION-NOT-SUPPORTED, BAD-PROPOSAL-SYNTAX or
     *         PAYLOAD-MALFORMED (from the proposals)
     */
    public static SaPayload parse(byte[] buf, int off, int len) throws IkeWireException {
        Wire.checkRange(buf, off, len);
        Wire.needAtLeast("SA", len, 8);
        long doi = Wire.u32(buf, off);
        if (doi != DOI_IPSEC) {
            throw IkeWireException.notify(NotifyType.DOI_NOT_SUPPORTED, "SA DOI " + doi + ", expected 1 (IPsec)");
        }
        long situation = Wire.u32(buf, off + 4);
        if (situation != SIT_IDENTITY_ONLY) {
            throw IkeWireException.notify(NotifyType.SITUATION_NOT_SUPPORTED,
                    "SA situation " + situation + ", expected 1 (SIT_IDENTITY_ONLY)");
        }
        return new SaPayload(SubstructureChain.parse("proposal", PayloadType.PROPOSAL.number(), buf, off + 8, len - 8,
                ProposalPayload::parse));
    }

    @Override
    public int type() {
        return PayloadType.SA.number();
    }

    public long doi() {
        return DOI_IPSEC;
    }

    public long situation() {
        return SIT_IDENTITY_ONLY;
    }

    public List<ProposalPayload> proposals() {
        return proposals;
    }

    @Override
    public byte[] body() {
        byte[] chain = SubstructureChain.encode(proposals, PayloadType.PROPOSAL.number());
        byte[] out = new byte[8 + chain.length];
        Wire.put32(out, 0, DOI_IPSEC);
        Wire.put32(out, 4, SIT_IDENTITY_ONLY);
        System.arraycopy(chain, 0, out, 8, chain.length);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SaPayload s && s.proposals.equals(proposals);
    }

    @Override
    public int hashCode() {
        return Objects.hash(proposals);
    }

    @Override
    public String toString() {
        return "SA(" + proposals + ")";
    }
}

package org.jvpn.ike.proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jvpn.api.config.AuthAlgorithm;
import org.jvpn.api.config.DhGroup;
import org.jvpn.api.config.EncryptionAlgorithm;
import org.jvpn.api.config.IkePolicy;
import org.jvpn.ike.wire.Phase1Attributes;
import org.jvpn.ike.wire.ProposalPayload;
import org.jvpn.ike.wire.ProtocolId;
import org.jvpn.ike.wire.SaPayload;
import org.jvpn.ike.wire.TransformId;
import org.jvpn.ike.wire.TransformPayload;

/**
 * One phase-1 suite: cipher, hash (and PRF), DH group, lifetime, pre-shared-key authentication. IKEv1
 * phase 1 carries one proposal with N transforms, each a full suite (RFC 2409 section 5); the responder
 * picks one and echoes it.
 *
 * @param encryption   3DES or AES-CBC
 * @param hash         the hash and PRF
 * @param group        the DH group
 * @param lifeSeconds  the lifetime (0 = none proposed)
 */
public record Phase1Suite(EncryptionAlgorithm encryption, AuthAlgorithm hash, DhGroup group, long lifeSeconds) {

    public static Phase1Suite of(IkePolicy policy) {
        return new Phase1Suite(policy.encryptionAlgorithm(), policy.authAlgorithm(), policy.dhGroup(),
                policy.lifetime().toSeconds());
    }

    /** This suite as a transform (KEY_IKE) with the given transform number. */
    public TransformPayload toTransform(int number) {
        return new TransformPayload(number, TransformId.KEY_IKE, Phase1Attributes.suite(
                WireNumbers.phase1Encryption(encryption), WireNumbers.keyLengthBits(encryption),
                WireNumbers.PHASE1_HASH.get(hash), group.number(), Phase1Attributes.AUTH_PSK, lifeSeconds));
    }

    /** Our SA payload offering this suite (one proposal, one transform). */
    public SaPayload toSaPayload() {
        return SaPayload.of(new ProposalPayload(1, ProtocolId.ISAKMP, new byte[0], List.of(toTransform(1))));
    }

    /** strongSwan-style name: "aes256-sha256-modp2048". */
    public String name() {
        return encryption.apiName().replace("-", "").replace("3des", "3des") + "-" + hash.apiName() + "-" + group.proposalName();
    }

    /**
     * The responder's choice (RFC 2409 5: the first acceptable transform of the first acceptable
     * proposal). Lifetimes: any offered lifetime is accepted, the shorter of ours and theirs is used.
     */
    public static Selection select(IkePolicy ours, SaPayload offered) {
        Phase1Suite mine = of(ours);
        List<String> reasons = new ArrayList<>();
        for (ProposalPayload p : offered.proposals()) {
            if (p.protocolId() != ProtocolId.ISAKMP) {
                reasons.add("proposal " + p.number() + ": protocol " + ProtocolId.nameOf(p.protocolId()) + " is not ISAKMP");
                continue;
            }
            for (TransformPayload t : p.transforms()) {
                List<String> diff = mine.differences(t);
                if (diff.isEmpty()) {
                    Phase1Attributes a = t.phase1();
                    long theirLife = a.lifeSeconds().orElse(0);
                    long life = theirLife == 0 ? mine.lifeSeconds : Math.min(theirLife, mine.lifeSeconds);
                    SaPayload echo = SaPayload.of(new ProposalPayload(p.number(), ProtocolId.ISAKMP, p.spi(), List.of(t)));
                    return Selection.chosen(new Phase1Suite(mine.encryption, mine.hash, mine.group, life), echo);
                }
                reasons.add("transform " + t.number() + ": " + String.join(", ", diff));
            }
        }
        if (reasons.isEmpty()) {
            reasons.add("the SA payload offered no transform");
        }
        return Selection.refused("no acceptable phase-1 proposal (ours " + mine.name() + "): " + String.join("; ", reasons));
    }

    /** The initiator's check that the responder chose what we offered; empty if fine, else the reason. */
    public Optional<String> checkChosen(SaPayload reply) {
        if (reply.proposals().size() != 1 || reply.proposals().get(0).transforms().size() != 1) {
            return Optional.of("the responder's SA payload must carry exactly one proposal with one transform");
        }
        ProposalPayload p = reply.proposals().get(0);
        if (p.protocolId() != ProtocolId.ISAKMP) {
            return Optional.of("the responder chose protocol " + ProtocolId.nameOf(p.protocolId()) + ", not ISAKMP");
        }
        List<String> diff = differences(p.transforms().get(0));
        return diff.isEmpty() ? Optional.empty()
                : Optional.of("the responder chose a transform we did not offer: " + String.join(", ", diff));
    }

    /** The responder's lifetime in its reply, if any. */
    public static long chosenLifetime(SaPayload reply) {
        return reply.proposals().get(0).transforms().get(0).phase1().lifeSeconds().orElse(0);
    }

    /** Attribute-by-attribute differences between this suite and a received transform ("theirs X ours Y"). */
    List<String> differences(TransformPayload t) {
        List<String> diff = new ArrayList<>();
        if (t.transformId() != TransformId.KEY_IKE) {
            diff.add("transform ID theirs " + t.transformId() + " ours KEY_IKE");
            return diff;
        }
        Phase1Attributes a = t.phase1();
        OptionalInt enc = a.encryption();
        Optional<EncryptionAlgorithm> theirEnc = enc.isPresent()
                ? WireNumbers.phase1Cipher(enc.getAsInt(), a.keyLength().orElse(0)) : Optional.empty();
        if (theirEnc.isEmpty() || theirEnc.get() != encryption) {
            diff.add("encryption theirs " + (theirEnc.map(EncryptionAlgorithm::apiName).orElse(enc.isPresent()
                    ? Phase1Attributes.encryptionName(enc.getAsInt()) + (a.keyLength().isPresent() ? "-" + a.keyLength().getAsInt() : "")
                    : "(none)")) + " ours " + encryption.apiName());
        }
        OptionalInt h = a.hash();
        Optional<AuthAlgorithm> theirHash = h.isPresent() ? WireNumbers.reverse(WireNumbers.PHASE1_HASH, h.getAsInt()) : Optional.empty();
        if (theirHash.isEmpty() || theirHash.get() != hash) {
            diff.add("hash theirs " + theirHash.map(AuthAlgorithm::apiName).orElse(h.isPresent() ? Phase1Attributes.hashName(h.getAsInt()) : "(none)")
                    + " ours " + hash.apiName());
        }
        OptionalInt g = a.groupDescription();
        if (g.isEmpty() || g.getAsInt() != group.number()) {
            diff.add("dhGroup theirs " + (g.isPresent() ? "group" + g.getAsInt() : "(none)") + " ours " + group.apiName());
        }
        OptionalInt auth = a.authMethod();
        if (auth.isEmpty() || auth.getAsInt() != Phase1Attributes.AUTH_PSK) {
            diff.add("authentication method theirs " + (auth.isPresent() ? Phase1Attributes.authMethodName(auth.getAsInt()) : "(none)")
                    + " ours pre-shared key");
        }
        if (a.lifeKilobytes().isPresent() && a.lifeSeconds().isEmpty()) {
            // A kilobyte-only phase-1 lifetime is legal; we simply do not enforce it.
            return diff;
        }
        return diff;
    }

    /** The result of {@link #select}. */
    public record Selection(Optional<Phase1Suite> suite, Optional<SaPayload> echo, String reason) {

        static Selection chosen(Phase1Suite suite, SaPayload echo) {
            return new Selection(Optional.of(suite), Optional.of(echo), "");
        }

        static Selection refused(String reason) {
            return new Selection(Optional.empty(), Optional.empty(), reason);
        }

        public boolean ok() {
            return suite.isPresent();
        }
    }
}

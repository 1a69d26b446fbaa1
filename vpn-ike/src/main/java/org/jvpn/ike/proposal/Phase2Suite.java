package org.jvpn.ike.proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.config.AuthAlgorithm;
import org.jvpn.api.config.DhGroup;
import org.jvpn.api.config.EncryptionAlgorithm;
import org.jvpn.api.config.IpsecPolicy;
import org.jvpn.ike.wire.DataAttribute;
import org.jvpn.ike.wire.Phase2Attributes;
import org.jvpn.ike.wire.ProposalPayload;
import org.jvpn.ike.wire.ProtocolId;
import org.jvpn.ike.wire.SaPayload;
import org.jvpn.ike.wire.TransformId;
import org.jvpn.ike.wire.TransformPayload;

/**
 * One phase-2 (quick mode) suite: ESP and/or AH algorithms, the PFS group, lifetimes, and the
 * encapsulation mode (always UDP-encapsulated tunnel: 3 per RFC 3947, or 61443 for draft peers).
 * AH+ESP is carried as two proposals with the same number (RFC 2408 section 4.2: AH first).
 *
 * @param espEncryption  ESP cipher, null without ESP
 * @param espIntegrity   ESP HMAC, null with GCM or without ESP
 * @param ahIntegrity    AH HMAC, null without AH
 * @param pfs            the PFS group, null for no PFS
 * @param lifeSeconds    SA lifetime in seconds
 * @param lifeKilobytes  SA volume lifetime, 0 for none
 */
public record Phase2Suite(@Nullable EncryptionAlgorithm espEncryption, @Nullable AuthAlgorithm espIntegrity,
                          @Nullable AuthAlgorithm ahIntegrity, @Nullable DhGroup pfs, long lifeSeconds, long lifeKilobytes) {

    public static Phase2Suite of(IpsecPolicy p) {
        return new Phase2Suite(p.usesEsp() ? p.encryptionAlgorithm().orElse(null) : null,
                p.espAuthAlgorithm().orElse(null), p.ahAuthAlgorithm().orElse(null), p.pfs().orElse(null),
                p.lifetime().toSeconds(), p.lifetimeKilobytes().orElse(0));
    }

    public boolean usesEsp() {
        return espEncryption != null;
    }

    public boolean usesAh() {
        return ahIntegrity != null;
    }

    /** "esp", "ah" or "ah-esp". */
    public String protocolName() {
        return usesAh() && usesEsp() ? "ah-esp" : usesAh() ? "ah" : "esp";
    }

    /** strongSwan-style name, e.g. "aes128gcm16-modp2048" or "ah:sha256". */
    public String name() {
        StringBuilder sb = new StringBuilder();
        if (usesAh()) {
            sb.append("ah:").append(ahIntegrity.apiName());
            if (usesEsp()) {
                sb.append("+esp:");
            }
        }
        if (usesEsp()) {
            String enc = espEncryption.apiName().replace("-", "");
            sb.append(enc);
            if (espIntegrity != null) {
                sb.append('-').append(espIntegrity.apiName());
            }
        }
        if (pfs != null) {
            sb.append('-').append(pfs.proposalName());
        }
        return sb.toString();
    }

    /** Our SA payload for quick mode message 1, with our inbound SPIs. */
    public SaPayload toSaPayload(int espSpi, int ahSpi, int encapMode) {
        List<ProposalPayload> proposals = new ArrayList<>();
        if (usesAh()) {
            proposals.add(ProposalPayload.ipsec(1, ProtocolId.AH, ahSpi, List.of(ahTransform(encapMode))));
        }
        if (usesEsp()) {
            proposals.add(ProposalPayload.ipsec(1, ProtocolId.ESP, espSpi, List.of(espTransform(encapMode))));
        }
        return new SaPayload(proposals);
    }

    private TransformPayload espTransform(int encapMode) {
        int auth = espIntegrity == null ? 0 : WireNumbers.PHASE2_AUTH.get(espIntegrity);
        return new TransformPayload(1, WireNumbers.espTransform(espEncryption), withKilobytes(Phase2Attributes.suite(encapMode, auth,
                WireNumbers.keyLengthBits(espEncryption), pfs == null ? 0 : pfs.number(), lifeSeconds)));
    }

    private TransformPayload ahTransform(int encapMode) {
        return new TransformPayload(1, WireNumbers.AH_TRANSFORM.get(ahIntegrity), withKilobytes(Phase2Attributes.suite(encapMode,
                WireNumbers.PHASE2_AUTH.get(ahIntegrity), 0, pfs == null ? 0 : pfs.number(), lifeSeconds)));
    }

    private List<DataAttribute> withKilobytes(List<DataAttribute> attributes) {
        if (lifeKilobytes <= 0) {
            return attributes;
        }
        List<DataAttribute> out = new ArrayList<>(attributes);
        out.add(DataAttribute.tv(Phase2Attributes.SA_LIFE_TYPE, Phase2Attributes.LIFE_KILOBYTES));
        out.add(DataAttribute.number(Phase2Attributes.SA_LIFE_DURATION, lifeKilobytes));
        return out;
    }

    /**
     * The responder's choice among quick-mode proposals: the first proposal number whose protocols and
     * transforms all match ours. Lifetimes: the shorter of ours and theirs.
     *
     * @param espSpi our inbound ESP SPI to put in the echoed proposal
     * @param ahSpi  our inbound AH SPI
     */
    public Selection select(SaPayload offered, int espSpi, int ahSpi) {
        List<String> reasons = new ArrayList<>();
        List<ProposalPayload> all = offered.proposals();
        for (int i = 0; i < all.size(); ) {
            int number = all.get(i).number();
            List<ProposalPayload> group = new ArrayList<>();
            while (i < all.size() && all.get(i).number() == number) {
                group.add(all.get(i++));
            }
            Selection s = selectGroup(group, espSpi, ahSpi, reasons);
            if (s.ok()) {
                return s;
            }
        }
        if (reasons.isEmpty()) {
            reasons.add("the SA payload offered no proposal");
        }
        return Selection.refused("no acceptable phase-2 proposal (ours " + protocolName() + " " + name() + "): "
                + String.join("; ", reasons));
    }

    private Selection selectGroup(List<ProposalPayload> group, int espSpi, int ahSpi, List<String> reasons) {
        ProposalPayload esp = null;
        ProposalPayload ah = null;
        for (ProposalPayload p : group) {
            if (p.protocolId() == ProtocolId.ESP && esp == null) {
                esp = p;
            } else if (p.protocolId() == ProtocolId.AH && ah == null) {
                ah = p;
            } else {
                reasons.add("proposal " + p.number() + ": protocol " + ProtocolId.nameOf(p.protocolId()) + " not acceptable");
                return Selection.refused("");
            }
        }
        String prefix = "proposal " + group.get(0).number() + ": ";
        if ((esp != null) != usesEsp() || (ah != null) != usesAh()) {
            reasons.add(prefix + "transform protocol theirs " + (ah != null && esp != null ? "ah-esp" : ah != null ? "ah" : "esp")
                    + " ours " + protocolName());
            return Selection.refused("");
        }
        List<ProposalPayload> echo = new ArrayList<>();
        List<ProposalPayload> echoed = new ArrayList<>();
        List<TransformPayload> chosenOnes = new ArrayList<>();
        boolean shortened = false;
        long life = lifeSeconds;
        long kb = lifeKilobytes;
        int encap = 0;
        int theirEsp = 0;
        int theirAh = 0;
        List<ProposalPayload> order = new ArrayList<>();
        if (ah != null) {
            order.add(ah);
        }
        if (esp != null) {
            order.add(esp);
        }
        for (ProposalPayload p : order) {
            TransformPayload chosen = null;
            List<String> tdiff = new ArrayList<>();
            for (TransformPayload t : p.transforms()) {
                List<String> d = differences(p.protocolId(), t);
                if (d.isEmpty()) {
                    chosen = t;
                    break;
                }
                tdiff.add("transform " + t.number() + " (" + ProtocolId.nameOf(p.protocolId()) + "): " + String.join(", ", d));
            }
            if (chosen == null) {
                reasons.add(prefix + String.join("; ", tdiff));
                return Selection.refused("");
            }
            if (p.spi().length != 4) {
                reasons.add(prefix + "SPI size " + p.spi().length + " (expected 4)");
                return Selection.refused("");
            }
            Phase2Attributes a = chosen.phase2();
            long theirLife = a.lifeSeconds().orElse(0);
            if (theirLife > 0) {
                life = Math.min(life, theirLife);
            }
            long theirKb = a.lifeKilobytes().orElse(0);
            if (theirKb > 0) {
                kb = kb == 0 ? theirKb : Math.min(kb, theirKb);
            }
            encap = a.encapsulationMode().orElse(0);
            if (p.protocolId() == ProtocolId.ESP) {
                theirEsp = p.spiAsInt();
            } else {
                theirAh = p.spiAsInt();
            }
            // Shorter than proposed, or a volume limit the initiator did not propose (the echo cannot add it).
            if (theirLife > lifeSeconds && lifeSeconds > 0 || lifeKilobytes > 0 && (theirKb == 0 || theirKb > lifeKilobytes)) {
                shortened = true;
            }
            chosenOnes.add(chosen);
            echoed.add(p);
        }
        for (int k = 0; k < echoed.size(); k++) {
            ProposalPayload p = echoed.get(k);
            // The echoed transform carries the lifetimes we agreed (ours when they are shorter).
            echo.add(ProposalPayload.ipsec(p.number(), p.protocolId(), p.protocolId() == ProtocolId.ESP ? espSpi : ahSpi,
                    List.of(withLifetimes(chosenOnes.get(k), life, kb))));
        }
        Phase2Suite agreed = new Phase2Suite(espEncryption, espIntegrity, ahIntegrity, pfs, life, kb);
        return new Selection(Optional.of(agreed), Optional.of(new SaPayload(echo)), theirEsp, theirAh, encap, "", shortened);
    }

    /** A transform with its life durations replaced by {@code seconds} / {@code kilobytes} where it states them. */
    private static TransformPayload withLifetimes(TransformPayload t, long seconds, long kilobytes) {
        List<DataAttribute> out = new ArrayList<>();
        int type = 0;
        for (DataAttribute a : t.attributes()) {
            if (a.type() == Phase2Attributes.SA_LIFE_TYPE) {
                type = a.intValue();
            } else if (a.type() == Phase2Attributes.SA_LIFE_DURATION) {
                long v = type == Phase2Attributes.LIFE_SECONDS ? seconds : type == Phase2Attributes.LIFE_KILOBYTES ? kilobytes : 0;
                if (v > 0 && v != a.longValue()) {
                    a = DataAttribute.number(Phase2Attributes.SA_LIFE_DURATION, v);
                }
            }
            out.add(a);
        }
        return new TransformPayload(t.number(), t.transformId(), out);
    }

    /** This suite with lifetimes shortened to a peer's RESPONDER-LIFETIME (0: not given). */
    public Phase2Suite shortenedTo(ResponderLifetime r) {
        long s = r.seconds() > 0 && (lifeSeconds <= 0 || r.seconds() < lifeSeconds) ? r.seconds() : lifeSeconds;
        long kb = ResponderLifetime.shorter(lifeKilobytes, r.kilobytes());
        return new Phase2Suite(espEncryption, espIntegrity, ahIntegrity, pfs, s, kb);
    }

    /**
     * The initiator's check of the responder's QM2 SA payload: what it chose must be what we offered.
     * Returns the peer's SPIs and agreed lifetimes, or the reason it is unacceptable.
     */
    public Selection checkChosen(SaPayload reply) {
        List<String> reasons = new ArrayList<>();
        Selection s = selectGroup(reply.proposals(), 0, 0, reasons);
        if (!s.ok()) {
            return Selection.refused("the responder chose a proposal we did not offer: " + String.join("; ", reasons));
        }
        return s;
    }

    /** Differences between ours and a received transform of {@code protocol}. */
    List<String> differences(int protocol, TransformPayload t) {
        List<String> diff = new ArrayList<>();
        Phase2Attributes a = t.phase2();
        if (protocol == ProtocolId.ESP) {
            int keyBits = a.keyLength().orElse(0);
            Optional<EncryptionAlgorithm> enc = WireNumbers.espCipher(t.transformId(), keyBits);
            if (enc.isEmpty() || enc.get() != espEncryption) {
                diff.add("encryption theirs " + enc.map(EncryptionAlgorithm::apiName)
                        .orElse(TransformId.nameOf(ProtocolId.ESP, t.transformId()) + (keyBits > 0 ? "-" + keyBits : ""))
                        + " ours " + espEncryption.apiName());
            }
            checkAuth(a.authAlgorithm(), espIntegrity, diff);
        } else {
            Optional<AuthAlgorithm> ahAlg = WireNumbers.reverse(WireNumbers.AH_TRANSFORM, t.transformId());
            if (ahAlg.isEmpty() || ahAlg.get() != ahIntegrity) {
                diff.add("AH transform theirs " + ahAlg.map(AuthAlgorithm::apiName).orElse(TransformId.nameOf(ProtocolId.AH, t.transformId()))
                        + " ours " + ahIntegrity);
            }
            checkAuth(a.authAlgorithm(), ahIntegrity, diff);
        }
        OptionalInt g = a.groupDescription();
        int ours = pfs == null ? 0 : pfs.number();
        int theirs = g.orElse(0);
        if (ours != theirs) {
            diff.add("pfs theirs " + (theirs == 0 ? "none" : "group" + theirs) + " ours " + (ours == 0 ? "none" : "group" + ours)
                    + (ours != 0 && theirs == 0 ? " (we require PFS; the peer offers none)" : ""));
        }
        OptionalInt mode = a.encapsulationMode();
        if (mode.isEmpty() || !(Phase2Attributes.isTunnelMode(mode.getAsInt()) && Phase2Attributes.isUdpEncapsulated(mode.getAsInt()))) {
            diff.add("encapsulationMode theirs " + (mode.isPresent() ? Phase2Attributes.modeName(mode.getAsInt()) : "(none)")
                    + " ours UDP-Encapsulated-Tunnel (jvpn carries ESP in UDP; the peer must use NAT-T encapsulation)");
        }
        return diff;
    }

    private static void checkAuth(OptionalInt theirs, @Nullable AuthAlgorithm ours, List<String> diff) {
        Optional<AuthAlgorithm> their = theirs.isPresent() ? WireNumbers.reverse(WireNumbers.PHASE2_AUTH, theirs.getAsInt()) : Optional.empty();
        if (ours == null ? theirs.isPresent() : their.isEmpty() || their.get() != ours) {
            diff.add("authAlgorithm theirs " + (theirs.isPresent() ? their.map(AuthAlgorithm::apiName).orElse(Phase2Attributes.authName(theirs.getAsInt())) : "(none)")
                    + " ours " + (ours == null ? "(none)" : ours.apiName()));
        }
    }

    /**
     * A quick-mode choice.
     *
     * @param suite     the agreed suite (lifetimes already the shorter)
     * @param echo      the SA payload the responder sends back (with its own SPIs)
     * @param peerEspSpi the peer's ESP SPI (0 without ESP)
     * @param peerAhSpi  the peer's AH SPI (0 without AH)
     * @param encapMode  the encapsulation mode value agreed
     * @param reason     why nothing was chosen
     * @param shortened  the responder's lifetime is shorter than the initiator proposed (it sends RESPONDER-LIFETIME)
     */
    public record Selection(Optional<Phase2Suite> suite, Optional<SaPayload> echo, int peerEspSpi, int peerAhSpi,
                            int encapMode, String reason, boolean shortened) {

        public Selection(Optional<Phase2Suite> suite, Optional<SaPayload> echo, int peerEspSpi, int peerAhSpi, int encapMode,
                         String reason) {
            this(suite, echo, peerEspSpi, peerAhSpi, encapMode, reason, false);
        }

        static Selection refused(String reason) {
            return new Selection(Optional.empty(), Optional.empty(), 0, 0, 0, reason);
        }

        /** This choice with the suite's lifetimes shortened to a RESPONDER-LIFETIME. */
        public Selection shortenedTo(ResponderLifetime r) {
            return new Selection(suite.map(s -> s.shortenedTo(r)), echo, peerEspSpi, peerAhSpi, encapMode, reason, shortened);
        }

        public boolean ok() {
            return suite.isPresent();
        }
    }
}

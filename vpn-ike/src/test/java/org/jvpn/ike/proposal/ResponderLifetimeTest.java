package org.jvpn.ike.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.jvpn.api.config.IpsecPolicy;
import org.jvpn.ike.wire.DataAttribute;
import org.jvpn.ike.wire.Phase2Attributes;
import org.jvpn.ike.wire.SaPayload;

/** RESPONDER-LIFETIME parsing (lenient, PEERS.md 3.1) and the responder's shortened echo. */
class ResponderLifetimeTest {

    private static final HexFormat HEX = HexFormat.of();

    private static Optional<ResponderLifetime> parse(String hex) {
        return ResponderLifetime.parse(HEX.parseHex(hex.replace(" ", "")));
    }

    @Test
    void fortiGatePhaseOneStyle() {
        // Life type via class 11 (TV, seconds), duration 28800 via class 2 (TLV, 4 bytes).
        assertEquals(Optional.of(new ResponderLifetime(28800, 0)), parse("800b 0001 0002 0004 00007080"));
    }

    @Test
    void phaseTwoClassesSecondsAndKilobytesBasicAndVariable() {
        assertEquals(Optional.of(new ResponderLifetime(3600, 4608000)), parse("8001 0001 8002 0e10 8001 0002 0002 0004 00465000"));
        // Phase-1 classes 11/12, an 8-byte duration.
        assertEquals(Optional.of(new ResponderLifetime(7200, 0)), parse("800b 0001 000c 0008 0000000000001c20"));
        // A 2-byte TLV duration.
        assertEquals(Optional.of(new ResponderLifetime(600, 0)), parse("8001 0001 0002 0002 0258"));
    }

    @Test
    void severalValuesOfOneKindTakeTheMinimum() {
        assertEquals(Optional.of(new ResponderLifetime(900, 0)), parse("8001 0001 8002 0e10 8001 0001 8002 0384"));
    }

    @Test
    void garbageIsRefused() {
        assertFalse(parse("").isPresent());
        assertFalse(parse("8001").isPresent(), "truncated");
        assertFalse(parse("8002 0e10").isPresent(), "duration without a life type");
        assertFalse(parse("8001 0003 8002 0e10").isPresent(), "unknown life type");
        assertFalse(parse("8001 0001 0002 0009 000000000000000e10").isPresent(), "9-byte duration");
        assertFalse(parse("8001 0001 0002 0004 0000").isPresent(), "TLV past the end");
        assertFalse(parse("8004 0001").isPresent(), "another attribute class");
        assertFalse(parse("8001 0001 8002 0000").isPresent(), "zero duration");
    }

    @Test
    void encodesWhatItParses() {
        ResponderLifetime r = new ResponderLifetime(1200, 5120);
        assertEquals(Optional.of(r), ResponderLifetime.parse(DataAttribute.encodeAll(r.toPhase2Attributes())));
    }

    @Test
    void responderThatShortensEchoesItsOwnLifetimeAndSaysSo() {
        Phase2Suite initiator = Phase2Suite.of(IpsecPolicy.fromProposal("aes128gcm16").toBuilder().lifetime(Duration.ofHours(1)).build());
        Phase2Suite responder = Phase2Suite.of(IpsecPolicy.fromProposal("aes128gcm16").toBuilder().lifetime(Duration.ofMinutes(20)).build());
        SaPayload offer = initiator.toSaPayload(0x11110001, 0, Phase2Attributes.MODE_UDP_TUNNEL);
        Phase2Suite.Selection sel = responder.select(offer, 0x22220001, 0);
        assertTrue(sel.ok(), sel.reason());
        assertTrue(sel.shortened());
        assertEquals(1200, sel.suite().orElseThrow().lifeSeconds());
        // The echoed transform carries 1200 s, so even an initiator that ignores the notify agrees.
        Phase2Suite.Selection seen = initiator.checkChosen(sel.echo().orElseThrow());
        assertTrue(seen.ok(), seen.reason());
        assertEquals(1200, seen.suite().orElseThrow().lifeSeconds());
        // The other way round nothing is shortened: the initiator's shorter value stands.
        Phase2Suite.Selection longer = initiator.select(responder.toSaPayload(0x33330001, 0, Phase2Attributes.MODE_UDP_TUNNEL), 0x44440001, 0);
        assertFalse(longer.shortened());
        assertEquals(1200, longer.suite().orElseThrow().lifeSeconds());
    }

    @Test
    void responderWithAVolumeLimitTheInitiatorDidNotProposeSaysSo() {
        Phase2Suite initiator = Phase2Suite.of(IpsecPolicy.fromProposal("aes128gcm16").toBuilder().lifetime(Duration.ofMinutes(20)).build());
        Phase2Suite responder = Phase2Suite.of(IpsecPolicy.fromProposal("aes128gcm16").toBuilder().lifetime(Duration.ofHours(1))
                .lifetimeKilobytes(10240).build());
        Phase2Suite.Selection sel = responder.select(initiator.toSaPayload(0x11110001, 0, Phase2Attributes.MODE_UDP_TUNNEL), 0x22220001, 0);
        assertTrue(sel.shortened());
        assertEquals(1200, sel.suite().orElseThrow().lifeSeconds());
        assertEquals(10240, sel.suite().orElseThrow().lifeKilobytes());
        // Equal lifetimes: nothing to say.
        assertFalse(initiator.select(initiator.toSaPayload(0x11110001, 0, Phase2Attributes.MODE_UDP_TUNNEL), 0x22220001, 0).shortened());
    }

    @Test
    void initiatorShortensItsChoiceToANotify() {
        Phase2Suite initiator = Phase2Suite.of(IpsecPolicy.fromProposal("aes128gcm16").toBuilder().lifetime(Duration.ofHours(1)).build());
        // A peer that echoes our transform unchanged but sends RESPONDER-LIFETIME 28800 s... and 900 s.
        Phase2Suite.Selection sel = initiator.checkChosen(initiator.toSaPayload(0x55550001, 0, Phase2Attributes.MODE_UDP_TUNNEL));
        assertEquals(3600, sel.suite().orElseThrow().lifeSeconds());
        assertEquals(3600, sel.shortenedTo(parse("800b 0001 0002 0004 00007080").orElseThrow()).suite().orElseThrow().lifeSeconds());
        Phase2Suite shorter = sel.shortenedTo(new ResponderLifetime(900, 2048)).suite().orElseThrow();
        assertEquals(900, shorter.lifeSeconds());
        assertEquals(2048, shorter.lifeKilobytes());
    }
}

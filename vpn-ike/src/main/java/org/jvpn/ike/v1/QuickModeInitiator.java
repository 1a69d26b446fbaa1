package org.jvpn.ike.v1;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jvpn.api.config.Cidr;
import org.jvpn.api.spi.crypto.InvalidPublicValueException;
import org.jvpn.ike.keys.DhGroups;
import org.jvpn.ike.keys.IsakmpKeys;
import org.jvpn.ike.proposal.Phase2Suite;
import org.jvpn.ike.proposal.ResponderLifetime;
import org.jvpn.ike.wire.ExchangeType;
import org.jvpn.ike.wire.HashPayload;
import org.jvpn.ike.wire.IdPayload;
import org.jvpn.ike.wire.IkeWireException;
import org.jvpn.ike.wire.IsakmpHeader;
import org.jvpn.ike.wire.KeyExchangePayload;
import org.jvpn.ike.wire.MessageKind;
import org.jvpn.ike.wire.NoncePayload;
import org.jvpn.ike.wire.NotifyPayload;
import org.jvpn.ike.wire.NotifyType;
import org.jvpn.ike.wire.Payload;
import org.jvpn.ike.wire.PayloadChain;
import org.jvpn.ike.wire.Payloads;
import org.jvpn.ike.wire.ProtocolId;
import org.jvpn.ike.wire.SaPayload;

/**
 * Quick mode, initiator role (RFC 2409 section 5.5): sends message 1, checks message 2 (honouring a
 * RESPONDER-LIFETIME in it), installs both SAs and sends message 3. The exchange diagram and the logic
 * both roles share (SA installation, lifetimes, finishing and abandoning) are in {@link QuickMode}.
 */
final class QuickModeInitiator extends QuickMode {

    private QuickModeInitiator(IkeSa sa, int messageId, Phase2Suite ours) {
        super(sa, true, messageId, ours);
    }

    /** Starts quick modes for every policy of the connection that has no SA pair and none in progress. */
    static void startMissing(IkeEngine e, IkeSa sa) {
        for (ConnectionRuntime.Policy p : sa.connection.policies) {
            if (!sa.connection.hasChildFor(p.id()) && !inProgress(sa, p)) {
                initiate(e, sa, p);
            }
        }
    }

    private static boolean inProgress(IkeSa sa, ConnectionRuntime.Policy p) {
        for (QuickMode qm : sa.quickModes.values()) {
            if (qm.policy == p && qm.state != State.DONE) {
                return true;
            }
        }
        return false;
    }

    /** Initiates quick mode for one policy (also a rekey when the policy already has an SA pair). */
    static void initiate(IkeEngine e, IkeSa sa, ConnectionRuntime.Policy p) {
        if (inProgress(sa, p)) {
            return;
        }
        int msgId = newMessageId(e, sa);
        QuickModeInitiator qm = new QuickModeInitiator(sa, msgId, Phase2Suite.of(sa.connection.config.ipsecPolicy()));
        qm.policy = p;
        qm.rekey = sa.connection.hasChildFor(p.id());
        sa.quickModes.put(msgId, qm);
        qm.allocateSpis(e);
        qm.ni = e.ctx.random().nextBytes(MainMode.NONCE_LENGTH);
        List<Payload> rest = new ArrayList<>();
        rest.add(qm.ours.toSaPayload(qm.inEsp, qm.inAh, encapMode(sa)));
        rest.add(new NoncePayload(qm.ni));
        if (qm.ours.pfs() != null) {
            qm.dh = DhGroups.create(qm.ours.pfs(), e.ctx.random());
            rest.add(new KeyExchangePayload(qm.dh.publicValue()));
        }
        rest.add(IdPayload.subnet(p.local(), 0, 0));
        rest.add(IdPayload.subnet(p.remote(), 0, 0));
        byte[] hash = sa.keys().quickModeHash1(msgId, PayloadChain.encode(rest));
        List<Payload> all = new ArrayList<>();
        all.add(new HashPayload(hash));
        all.addAll(rest);
        IsakmpHeader h = IsakmpHeader.of(sa.ckyI, sa.ckyR, ExchangeType.QUICK_MODE.number(), 0, msgId);
        IkeEngine.LOG.debug("quick mode {} for {} <-> {}{}", Integer.toHexString(msgId), p.local(), p.remote(), qm.rekey ? " (rekey)" : "");
        e.retransmitter.sendQuickModeRequest(qm, Messages.encrypt(sa, h, all));
    }

    void onQm2(IkeEngine e, Messages.Decrypted d, InetSocketAddress remote) throws IkeWireException, InvalidPublicValueException {
        MessageKind.QM2.check(d.payloads());
        byte[] nonce = Payloads.first(d.payloads(), NoncePayload.class).orElseThrow().nonce();
        byte[] expected = sa.keys().quickModeHash2(messageId, ni, restAfterHash(d));
        if (!IsakmpKeys.hashMatches(expected, Payloads.first(d.payloads(), HashPayload.class).orElseThrow().data())) {
            IkeEngine.LOG.info("quick mode message 2 with a bad HASH(2) dropped");
            transmission.forgetReceived();
            return;
        }
        sa.crypter().confirm(messageId);
        e.heardFrom(sa, remote);
        transmission.cancel();
        nr = nonce;
        Phase2Suite.Selection sel = ours.checkChosen(Payloads.first(d.payloads(), SaPayload.class).orElseThrow());
        if (!sel.ok()) {
            fail(e, "NO-PROPOSAL-CHOSEN: " + sel.reason());
            return;
        }
        sel = honourResponderLifetime(sel, Payloads.all(d.payloads(), NotifyPayload.class));
        Optional<KeyExchangePayload> ke = Payloads.first(d.payloads(), KeyExchangePayload.class);
        if (ours.pfs() != null) {
            if (ke.isEmpty()) {
                fail(e, "the peer's quick mode reply omitted the PFS key exchange that ipsecPolicy '"
                        + sa.connection.config.ipsecPolicy().name() + "' requires (pfs " + ours.pfs() + ")");
                return;
            }
            gqmxy = dh.computeShared(ke.get().data());
            dh.destroy();
            dh = null;
        }
        List<IdPayload> ids = Payloads.all(d.payloads(), IdPayload.class);
        if (ids.size() == 2 && (!ids.get(0).toCidr().map(policy.local()::equals).orElse(false)
                || !ids.get(1).toCidr().map(policy.remote()::equals).orElse(false))) {
            fail(e, "the peer answered quick mode with other traffic selectors (" + ids.get(0).toCidr().map(Cidr::toString).orElse("?")
                    + " <-> " + ids.get(1).toCidr().map(Cidr::toString).orElse("?") + ") than ours (" + policy.local() + " <-> "
                    + policy.remote() + "); IKEv1 has no narrowing");
            return;
        }
        chosen = sel;
        install(e, true, true);
        byte[] hash3 = sa.keys().quickModeHash3(messageId, ni, nr);
        IsakmpHeader h = IsakmpHeader.of(sa.ckyI, sa.ckyR, ExchangeType.QUICK_MODE.number(), 0, messageId);
        transmission.send(e.ctx::sendIke, sa.localPort, sa.remote, Messages.encrypt(sa, h, List.of(new HashPayload(hash3))));
        finish(e);
    }

    /**
     * RESPONDER-LIFETIME notifications (protocol ESP or AH, 4-byte SPI) in message 2 shorten the SA's
     * lifetimes before it is installed; a notify we cannot read is logged and ignored.
     */
    static Phase2Suite.Selection honourResponderLifetime(Phase2Suite.Selection sel, List<NotifyPayload> notifies) {
        for (NotifyPayload n : notifies) {
            if (n.notifyType() != NotifyType.RESPONDER_LIFETIME.number()) {
                continue;
            }
            if (n.protocolId() != ProtocolId.ESP && n.protocolId() != ProtocolId.AH || n.spi().length != 4) {
                IkeEngine.LOG.info("RESPONDER-LIFETIME in quick mode with protocol {} and a {}-byte SPI ignored",
                        ProtocolId.nameOf(n.protocolId()), n.spi().length);
                continue;
            }
            Optional<ResponderLifetime> r = ResponderLifetime.parse(n.data());
            if (r.isEmpty()) {
                IkeEngine.LOG.info("unreadable RESPONDER-LIFETIME in quick mode ignored: {}", java.util.HexFormat.of().formatHex(n.data()));
                continue;
            }
            Phase2Suite before = sel.suite().orElseThrow();
            sel = sel.shortenedTo(r.get());
            Phase2Suite after = sel.suite().orElseThrow();
            if (!after.equals(before)) {
                IkeEngine.LOG.info("the responder shortened the IPsec SA lifetime to {} s / {} KB (RESPONDER-LIFETIME)",
                        after.lifeSeconds(), after.lifeKilobytes());
            }
        }
        return sel;
    }
}

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
 * Quick mode, responder role (RFC 2409 section 5.5): checks message 1 against the connection's policies
 * and proposal, installs the inbound SA and answers with message 2, then installs the outbound SA on
 * message 3. The exchange diagram and the logic both roles share (SA installation, lifetimes, finishing
 * and abandoning) are in {@link QuickMode}.
 */
final class QuickModeResponder extends QuickMode {

    private QuickModeResponder(IkeSa sa, int messageId, Phase2Suite ours) {
        super(sa, false, messageId, ours);
    }

    static void respond(IkeEngine e, IkeSa sa, int msgId, Messages.Decrypted d, byte[] datagram, InetSocketAddress remote)
            throws IkeWireException, InvalidPublicValueException {
        MessageKind.QM1.check(d.payloads());
        byte[] rest = restAfterHash(d);
        byte[] expected = sa.keys().quickModeHash1(msgId, rest);
        if (!IsakmpKeys.hashMatches(expected, Payloads.first(d.payloads(), HashPayload.class).orElseThrow().data())) {
            IkeEngine.LOG.info("quick mode message 1 with a bad HASH(1) dropped");
            return;
        }
        sa.crypter().confirm(msgId);
        e.heardFrom(sa, remote);
        ConnectionRuntime c = sa.connection;
        QuickModeResponder qm = new QuickModeResponder(sa, msgId, Phase2Suite.of(c.config.ipsecPolicy()));
        qm.transmission.receivedDuplicate(datagram);
        sa.quickModes.put(msgId, qm);
        List<IdPayload> ids = Payloads.all(d.payloads(), IdPayload.class);
        Cidr theirs;
        Cidr mine;
        if (ids.size() == 2) {
            Optional<Cidr> ci = ids.get(0).toCidr();
            Optional<Cidr> cr = ids.get(1).toCidr();
            if (ci.isEmpty() || cr.isEmpty()) {
                qm.refuse(e, NotifyType.INVALID_ID_INFORMATION, "the peer's quick mode IDs are not subnets or addresses: "
                        + ids.get(0) + " / " + ids.get(1));
                return;
            }
            theirs = ci.get();
            mine = cr.get();
        } else {
            theirs = Cidr.host(sa.remote.getAddress());
            mine = Cidr.host(e.ctx.localAddress());
        }
        ConnectionRuntime.Policy p = c.policyFor(mine, theirs);
        if (p == null) {
            qm.refuse(e, NotifyType.INVALID_ID_INFORMATION, "traffic selectors " + mine + " (ours) <-> " + theirs
                    + " (theirs) proposed by the peer match no local x peer CIDR pair of connection '" + c.name() + "' (local "
                    + c.config.localCidrs() + ", peer " + c.config.peerCidrs() + ")");
            return;
        }
        qm.policy = p;
        qm.rekey = c.hasChildFor(p.id());
        qm.allocateSpis(e);
        Phase2Suite.Selection sel = qm.ours.select(Payloads.first(d.payloads(), SaPayload.class).orElseThrow(), qm.inEsp, qm.inAh);
        if (!sel.ok()) {
            qm.refuse(e, NotifyType.NO_PROPOSAL_CHOSEN, "NO-PROPOSAL-CHOSEN: " + sel.reason());
            return;
        }
        Optional<KeyExchangePayload> ke = Payloads.first(d.payloads(), KeyExchangePayload.class);
        if (qm.ours.pfs() != null && ke.isEmpty()) {
            qm.refuse(e, NotifyType.NO_PROPOSAL_CHOSEN, "NO-PROPOSAL-CHOSEN: the peer omitted the PFS key exchange that ipsecPolicy '"
                    + c.config.ipsecPolicy().name() + "' requires (pfs " + qm.ours.pfs() + ")");
            return;
        }
        qm.chosen = sel;
        qm.ni = Payloads.first(d.payloads(), NoncePayload.class).orElseThrow().nonce();
        qm.nr = e.ctx.random().nextBytes(MainMode.NONCE_LENGTH);
        List<Payload> out = new ArrayList<>();
        out.add(sel.echo().orElseThrow());
        out.add(new NoncePayload(qm.nr));
        if (qm.ours.pfs() != null) {
            qm.dh = DhGroups.create(qm.ours.pfs(), e.ctx.random());
            qm.gqmxy = qm.dh.computeShared(ke.get().data());
            out.add(new KeyExchangePayload(qm.dh.publicValue()));
            qm.dh.destroy();
            qm.dh = null;
        }
        if (ids.size() == 2) {
            out.add(ids.get(0));
            out.add(ids.get(1));
        }
        if (sel.shortened()) {
            // Our lifetime is shorter than proposed: say so (PEERS.md 3.1); covered by HASH(2) like the rest.
            Phase2Suite agreed = sel.suite().orElseThrow();
            boolean esp = agreed.usesEsp();
            byte[] spi = new byte[4];
            int ourSpi = esp ? qm.inEsp : qm.inAh;
            spi[0] = (byte) (ourSpi >>> 24);
            spi[1] = (byte) (ourSpi >>> 16);
            spi[2] = (byte) (ourSpi >>> 8);
            spi[3] = (byte) ourSpi;
            out.add(NotifyPayload.responderLifetime(esp ? ProtocolId.ESP : ProtocolId.AH, spi,
                    new ResponderLifetime(agreed.lifeSeconds(), agreed.lifeKilobytes()).toPhase2Attributes()));
        }
        // Inbound first: the initiator may send ESP as soon as it has our message 2.
        qm.install(e, true, false);
        byte[] hash2 = sa.keys().quickModeHash2(msgId, qm.ni, PayloadChain.encode(out));
        List<Payload> all = new ArrayList<>();
        all.add(new HashPayload(hash2));
        all.addAll(out);
        IsakmpHeader h = IsakmpHeader.of(sa.ckyI, sa.ckyR, ExchangeType.QUICK_MODE.number(), 0, msgId);
        e.retransmitter.sendQuickModeRequest(qm, Messages.encrypt(sa, h, all));
    }

    void onQm3(IkeEngine e, Messages.Decrypted d, InetSocketAddress remote) throws IkeWireException {
        MessageKind.QM3.check(d.payloads());
        byte[] expected = sa.keys().quickModeHash3(messageId, ni, nr);
        if (!IsakmpKeys.hashMatches(expected, Payloads.first(d.payloads(), HashPayload.class).orElseThrow().data())) {
            IkeEngine.LOG.info("quick mode message 3 with a bad HASH(3) dropped");
            transmission.forgetReceived();
            return;
        }
        sa.crypter().confirm(messageId);
        e.heardFrom(sa, remote);
        transmission.cancel();
        install(e, false, true);
        finish(e);
    }

    private void refuse(IkeEngine e, NotifyType type, String reason) {
        Informational.sendNotify(e, sa, NotifyPayload.of(type, ProtocolId.ESP, new byte[0], new byte[0]));
        IkeEngine.LOG.warn("quick mode from the peer refused: {}", reason);
        sa.connection.lastError = reason;
        e.publish(sa.connection);
        abort();
        state = State.DONE;
        linger = e.ctx.scheduler().schedule(LINGER, () -> sa.quickModes.remove(messageId));
        releaseSpis(e);
    }
}

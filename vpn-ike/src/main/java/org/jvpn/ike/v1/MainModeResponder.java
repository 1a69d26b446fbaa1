package org.jvpn.ike.v1;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.jvpn.api.spi.crypto.InvalidPublicValueException;
import org.jvpn.ike.keys.DhGroups;
import org.jvpn.ike.keys.IsakmpKeys;
import org.jvpn.ike.proposal.Phase1Suite;
import org.jvpn.ike.wire.DataAttribute;
import org.jvpn.ike.wire.ExchangeType;
import org.jvpn.ike.wire.HashPayload;
import org.jvpn.ike.wire.IdPayload;
import org.jvpn.ike.wire.IkeMessage;
import org.jvpn.ike.wire.IkeWireException;
import org.jvpn.ike.wire.IsakmpHeader;
import org.jvpn.ike.wire.KeyExchangePayload;
import org.jvpn.ike.wire.KnownVendorId;
import org.jvpn.ike.wire.MessageKind;
import org.jvpn.ike.wire.NoncePayload;
import org.jvpn.ike.wire.NotifyPayload;
import org.jvpn.ike.wire.NotifyType;
import org.jvpn.ike.wire.Payload;
import org.jvpn.ike.wire.Payloads;
import org.jvpn.ike.wire.Phase1Attributes;
import org.jvpn.ike.wire.ProtocolId;
import org.jvpn.ike.wire.SaPayload;
import org.jvpn.ike.wire.VendorIdPayload;

/**
 * Main mode, responder role (RFC 2409 section 5): answers message 1 with 2, 3 with 4 and 5 with 6. The
 * exchange diagram and the logic both roles share (NAT-D, vendor IDs, key derivation, peer ID check,
 * completion) are in {@link MainMode}.
 */
final class MainModeResponder {

    private MainModeResponder() {}

    /** MM1 from a peer with no ISAKMP SA yet. */
    static void respond(IkeEngine e, int localPort, InetSocketAddress remote, IkeMessage msg, byte[] datagram) {
        ConnectionRuntime c = e.connectionForPeer(remote);
        if (c == null) {
            IkeEngine.LOG.info("main mode from {}: no connection has this peer address; ignored", remote.getAddress().getHostAddress());
            return;
        }
        e.withMdc(c, () -> {
            if (!c.config.adminStateUp()) {
                IkeEngine.LOG.info("main mode from {}: connection '{}' is admin down", remote, c.name());
                return;
            }
            try {
                MessageKind.MM1.check(msg.payloads());
            } catch (IkeWireException ex) {
                IkeEngine.LOG.info("bad main mode message 1 from {}: {}", remote, ex.getMessage());
                return;
            }
            // Both sides initiating at once: the main mode with the smaller initiator cookie goes on,
            // the other is abandoned (both peers apply the same rule, so exactly one survives).
            for (IkeSa mine : e.sasOf(c)) {
                if (mine.initiator && !mine.established() && mine.state != IkeSa.State.DELETED) {
                    if (java.util.Arrays.compareUnsigned(mine.ckyI, msg.header().initiatorCookie()) < 0) {
                        IkeEngine.LOG.debug("main mode collision with {}: ours has the smaller cookie and goes on", remote);
                        return;
                    }
                    IkeEngine.LOG.debug("main mode collision with {}: answering the peer's, abandoning ours", remote);
                    e.forget(mine);
                    mine.destroy();
                    if (c.ikeSa == mine) {
                        c.ikeSa = null;
                    }
                }
            }
            SaPayload offered = msg.first(SaPayload.class).orElseThrow();
            Phase1Suite.Selection sel = Phase1Suite.select(c.config.ikePolicy(), offered);
            byte[] ckyR = MainMode.nonZeroCookie(e);
            if (!sel.ok()) {
                e.sendUnprotectedNotify(localPort, remote, msg.header().initiatorCookie(), ckyR, NotifyType.NO_PROPOSAL_CHOSEN);
                e.status.fail(c, "NO-PROPOSAL-CHOSEN: " + sel.reason());
                return;
            }
            IkeSa.NatT natT = MainMode.natT(msg.payloads());
            if (natT == IkeSa.NatT.NONE) {
                e.sendUnprotectedNotify(localPort, remote, msg.header().initiatorCookie(), ckyR, NotifyType.NO_PROPOSAL_CHOSEN);
                e.status.fail(c, "peer " + remote.getAddress().getHostAddress() + " does not support NAT-T (RFC 3947); "
                        + "jvpn carries ESP in UDP and needs it");
                return;
            }
            IkeSa sa = new IkeSa(c, false, msg.header().initiatorCookie(), ckyR, remote, localPort);
            sa.createdNanos = e.ctx.scheduler().clock().nanoTime();
            sa.suite = sel.suite().orElseThrow();
            sa.offeredLifetimeSeconds = Phase1Suite.chosenLifetime(sel.echo().orElseThrow());
            sa.natT = natT;
            sa.peerDpd = MainMode.hasDpd(msg.payloads());
            sa.saiB = offered.body();
            sa.phase1.receivedDuplicate(datagram);
            e.register(sa);
            if (c.ikeSa == null || !c.ikeSa.established()) {
                c.ikeSa = sa;
            }
            if (c.state != org.jvpn.api.ConnectionState.UP) {
                e.status.setState(c, org.jvpn.api.ConnectionState.CONNECTING, "peer initiated main mode");
            }
            List<Payload> payloads = new ArrayList<>();
            payloads.add(sel.echo().orElseThrow());
            payloads.add(VendorIdPayload.of(natT == IkeSa.NatT.RFC3947 ? KnownVendorId.NAT_T_RFC3947 : KnownVendorId.NAT_T_DRAFT_02_N));
            payloads.add(VendorIdPayload.of(KnownVendorId.DPD));
            IsakmpHeader h = IsakmpHeader.of(sa.ckyI, sa.ckyR, ExchangeType.IDENTITY_PROTECTION.number(), 0, 0);
            sa.phase1.send(e.ctx::sendIke, localPort, remote, IkeMessage.of(h, payloads).encode());
            MainMode.armHalfOpen(e, sa);
        });
    }

    static void onMessage(IkeEngine e, IkeSa sa, int localPort, InetSocketAddress remote, IkeMessage msg,
            byte[] datagram) throws IkeWireException, InvalidPublicValueException {
        switch (sa.state) {
            case MM_SA -> {
                MessageKind.MM3.check(msg.payloads());
                sa.ni = msg.first(NoncePayload.class).orElseThrow().nonce();
                sa.gxi = msg.first(KeyExchangePayload.class).orElseThrow().data();
                sa.dh = DhGroups.create(sa.suite.group(), e.ctx.random());
                sa.gxr = sa.dh.publicValue();
                sa.nr = e.ctx.random().nextBytes(MainMode.NONCE_LENGTH);
                MainMode.checkNatD(e, sa, msg.payloads(), localPort, remote);
                MainMode.deriveKeys(e, sa);
                List<Payload> payloads = new ArrayList<>();
                payloads.add(new KeyExchangePayload(sa.gxr));
                payloads.add(new NoncePayload(sa.nr));
                payloads.addAll(MainMode.natD(e, sa, remote));
                IsakmpHeader h = IsakmpHeader.of(sa.ckyI, sa.ckyR, ExchangeType.IDENTITY_PROTECTION.number(), 0, 0);
                sa.state = IkeSa.State.MM_KE;
                sa.phase1.send(e.ctx::sendIke, localPort, remote, IkeMessage.of(h, payloads).encode());
            }
            case MM_KE -> {
                Messages.Decrypted d = MainMode.decryptAuth(e, sa, msg, datagram, "main mode message 5");
                if (d == null) {
                    return;
                }
                MessageKind.MM5.check(d.payloads());
                IdPayload idi = Payloads.first(d.payloads(), IdPayload.class).orElseThrow();
                byte[] idiB = d.chain().rawBody(d.payloads().indexOf(idi));
                byte[] hashI = sa.keys().hashI(sa.gxi, sa.gxr, sa.ckyI, sa.ckyR, sa.saiB, idiB);
                byte[] got = Payloads.first(d.payloads(), HashPayload.class).orElseThrow().data();
                if (!IsakmpKeys.hashMatches(hashI, got)) {
                    e.status.failSa(sa, "AUTHENTICATION-FAILED: the peer's HASH_I does not verify: the pre-shared keys differ");
                    return;
                }
                sa.crypter().confirm(0);
                // The peer floated (RFC 3947): answer where message 5 came from.
                sa.localPort = localPort;
                sa.remote = remote;
                if (!MainMode.checkPeerId(e, sa, idi)) {
                    return;
                }
                boolean initialContact = Payloads.all(d.payloads(), NotifyPayload.class).stream()
                        .anyMatch(n -> n.notifyType() == NotifyType.INITIAL_CONTACT.number());
                IdPayload id = MainMode.idPayload(sa.connection.config.localId());
                byte[] hashR = sa.keys().hashR(sa.gxi, sa.gxr, sa.ckyI, sa.ckyR, sa.saiB, id.body());
                IsakmpHeader h = IsakmpHeader.of(sa.ckyI, sa.ckyR, ExchangeType.IDENTITY_PROTECTION.number(), 0, 0);
                sa.phase1.send(e.ctx::sendIke, localPort, remote, Messages.encrypt(sa, h, List.of(id, new HashPayload(hashR))));
                if (initialContact) {
                    Informational.initialContact(e, sa);
                }
                MainMode.complete(e, sa);
                if (sa.offeredLifetimeSeconds > sa.lifetimeSeconds && sa.lifetimeSeconds > 0) {
                    // We chose a shorter lifetime than the initiator proposed, but echo its transform
                    // unchanged (phase 1): tell it (PEERS.md 3.1, as Cisco and FortiGate do).
                    Informational.sendNotify(e, sa, NotifyPayload.responderLifetime(ProtocolId.ISAKMP, sa.cookies(), List.of(
                            DataAttribute.tv(Phase1Attributes.LIFE_TYPE, Phase1Attributes.LIFE_SECONDS),
                            DataAttribute.number(Phase1Attributes.LIFE_DURATION, sa.lifetimeSeconds))));
                }
            }
            default -> IkeEngine.LOG.debug("unexpected main mode message in state {}", sa.state);
        }
    }
}

package org.jvpn.ike.v1;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jvpn.api.spi.crypto.InvalidPublicValueException;
import org.jvpn.ike.keys.DhGroups;
import org.jvpn.ike.keys.IsakmpKeys;
import org.jvpn.ike.proposal.Phase1Suite;
import org.jvpn.ike.wire.ExchangeType;
import org.jvpn.ike.wire.HashPayload;
import org.jvpn.ike.wire.IdPayload;
import org.jvpn.ike.wire.IkeMessage;
import org.jvpn.ike.wire.IkeWireException;
import org.jvpn.ike.wire.IsakmpHeader;
import org.jvpn.ike.wire.KeyExchangePayload;
import org.jvpn.ike.wire.MessageKind;
import org.jvpn.ike.wire.NoncePayload;
import org.jvpn.ike.wire.NotifyPayload;
import org.jvpn.ike.wire.Payload;
import org.jvpn.ike.wire.Payloads;
import org.jvpn.ike.wire.SaPayload;

/**
 * Main mode, initiator role (RFC 2409 section 5): sends messages 1, 3 and 5 and checks 2, 4 and 6. The
 * exchange diagram and the logic both roles share (NAT-D, vendor IDs, key derivation, peer ID check,
 * completion) are in {@link MainMode}.
 */
final class MainModeInitiator {

    private MainModeInitiator() {}

    static void initiate(IkeEngine e, ConnectionRuntime c, InetSocketAddress peer) {
        byte[] ckyI = MainMode.nonZeroCookie(e);
        IkeSa sa = new IkeSa(c, true, ckyI, new byte[8], peer, e.ctx.ikePort());
        sa.createdNanos = e.ctx.scheduler().clock().nanoTime();
        sa.suite = Phase1Suite.of(c.config.ikePolicy());
        if (c.ikeSa == null || !c.ikeSa.established()) {
            c.ikeSa = sa; // a renewal leaves the current ISAKMP SA serving until the new one is up
        }
        e.register(sa);
        SaPayload offer = sa.suite.toSaPayload();
        sa.saiB = offer.body();
        List<Payload> payloads = new ArrayList<>();
        payloads.add(offer);
        payloads.addAll(MainMode.vendorIds());
        IsakmpHeader h = IsakmpHeader.of(ckyI, new byte[8], ExchangeType.IDENTITY_PROTECTION.number(), 0, 0);
        e.retransmitter.sendRequest(sa, sa.phase1, IkeMessage.of(h, payloads).encode(), "main mode message 1");
        MainMode.armHalfOpen(e, sa);
    }

    static void onMessage(IkeEngine e, IkeSa sa, int localPort, InetSocketAddress remote, IkeMessage msg,
            byte[] datagram) throws IkeWireException, InvalidPublicValueException {
        switch (sa.state) {
            case MM_SA -> {
                MessageKind.MM2.check(msg.payloads());
                byte[] oldKey = sa.key().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                Optional<String> bad = sa.suite.checkChosen(msg.first(SaPayload.class).orElseThrow());
                if (bad.isPresent()) {
                    e.status.failSa(sa, "NO-PROPOSAL-CHOSEN: " + bad.get());
                    return;
                }
                long theirLife = Phase1Suite.chosenLifetime(msg.first(SaPayload.class).orElseThrow());
                if (theirLife > 0 && theirLife < sa.suite.lifeSeconds()) {
                    sa.suite = new Phase1Suite(sa.suite.encryption(), sa.suite.hash(), sa.suite.group(), theirLife);
                }
                sa.natT = MainMode.natT(msg.payloads());
                sa.peerDpd = MainMode.hasDpd(msg.payloads());
                if (sa.natT == IkeSa.NatT.NONE) {
                    e.status.failSa(sa, "peer " + remote.getAddress().getHostAddress() + " does not support NAT-T (RFC 3947); "
                            + "jvpn carries ESP in UDP and needs it");
                    return;
                }
                String old = sa.key();
                sa.ckyR = msg.header().responderCookie();
                e.rekeyed(sa, old);
                sa.phase1.cancel();
                sa.dh = DhGroups.create(sa.suite.group(), e.ctx.random());
                sa.ni = e.ctx.random().nextBytes(MainMode.NONCE_LENGTH);
                sa.gxi = sa.dh.publicValue();
                List<Payload> payloads = new ArrayList<>();
                payloads.add(new KeyExchangePayload(sa.gxi));
                payloads.add(new NoncePayload(sa.ni));
                payloads.addAll(MainMode.natD(e, sa, remote));
                IsakmpHeader h = IsakmpHeader.of(sa.ckyI, sa.ckyR, ExchangeType.IDENTITY_PROTECTION.number(), 0, 0);
                sa.state = IkeSa.State.MM_KE;
                e.retransmitter.sendRequest(sa, sa.phase1, IkeMessage.of(h, payloads).encode(), "main mode message 3");
                java.util.Arrays.fill(oldKey, (byte) 0);
            }
            case MM_KE -> {
                MessageKind.MM4.check(msg.payloads());
                sa.phase1.cancel();
                sa.nr = msg.first(NoncePayload.class).orElseThrow().nonce();
                sa.gxr = msg.first(KeyExchangePayload.class).orElseThrow().data();
                MainMode.checkNatD(e, sa, msg.payloads(), localPort, remote);
                MainMode.deriveKeys(e, sa);
                // Float to 4500 (RFC 3947 section 4): we always encapsulate.
                sa.localPort = e.ctx.nattPort();
                sa.remote = new InetSocketAddress(remote.getAddress(), e.ctx.nattPort());
                IdPayload id = MainMode.idPayload(sa.connection.config.localId());
                byte[] hashI = sa.keys().hashI(sa.gxi, sa.gxr, sa.ckyI, sa.ckyR, sa.saiB, id.body());
                List<Payload> payloads = new ArrayList<>();
                payloads.add(id);
                payloads.add(new HashPayload(hashI));
                if (e.sasOf(sa.connection).stream().noneMatch(IkeSa::established)) {
                    payloads.add(NotifyPayload.initialContact(sa.cookies()));
                }
                IsakmpHeader h = IsakmpHeader.of(sa.ckyI, sa.ckyR, ExchangeType.IDENTITY_PROTECTION.number(), 0, 0);
                sa.state = IkeSa.State.MM_AUTH;
                e.retransmitter.sendRequest(sa, sa.phase1, Messages.encrypt(sa, h, payloads), "main mode message 5");
            }
            case MM_AUTH -> {
                Messages.Decrypted d = MainMode.decryptAuth(e, sa, msg, datagram, "main mode message 6");
                if (d == null) {
                    return;
                }
                MessageKind.MM6.check(d.payloads());
                IdPayload idr = Payloads.first(d.payloads(), IdPayload.class).orElseThrow();
                byte[] idrB = d.chain().rawBody(d.payloads().indexOf(idr));
                byte[] hashR = sa.keys().hashR(sa.gxi, sa.gxr, sa.ckyI, sa.ckyR, sa.saiB, idrB);
                byte[] got = Payloads.first(d.payloads(), HashPayload.class).orElseThrow().data();
                if (!IsakmpKeys.hashMatches(hashR, got)) {
                    e.status.failSa(sa, "AUTHENTICATION-FAILED: the peer's HASH_R does not verify: the pre-shared keys differ");
                    return;
                }
                sa.crypter().confirm(0);
                if (!MainMode.checkPeerId(e, sa, idr)) {
                    return;
                }
                sa.phase1.cancel();
                sa.remote = remote;
                MainMode.complete(e, sa);
            }
            default -> IkeEngine.LOG.debug("unexpected main mode message in state {}", sa.state);
        }
    }
}

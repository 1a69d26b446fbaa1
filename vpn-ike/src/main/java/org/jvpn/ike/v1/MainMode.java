package org.jvpn.ike.v1;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jvpn.api.config.PeerId;
import org.jvpn.api.spi.crypto.InvalidPublicValueException;
import org.jvpn.api.spi.crypto.Secret;
import org.jvpn.ike.keys.DecryptException;
import org.jvpn.ike.keys.DhGroups;
import org.jvpn.ike.keys.IkeCrypter;
import org.jvpn.ike.keys.IsakmpKeys;
import org.jvpn.ike.keys.NatDetection;
import org.jvpn.ike.keys.Prf;
import org.jvpn.ike.proposal.Phase1Suite;
import org.jvpn.ike.wire.ExchangeType;
import org.jvpn.ike.wire.HashPayload;
import org.jvpn.ike.wire.IdPayload;
import org.jvpn.ike.wire.IdType;
import org.jvpn.ike.wire.IkeMessage;
import org.jvpn.ike.wire.IkeWireException;
import org.jvpn.ike.wire.IsakmpHeader;
import org.jvpn.ike.wire.KeyExchangePayload;
import org.jvpn.ike.wire.KnownVendorId;
import org.jvpn.ike.wire.MessageKind;
import org.jvpn.ike.wire.NatDPayload;
import org.jvpn.ike.wire.NoncePayload;
import org.jvpn.ike.wire.DataAttribute;
import org.jvpn.ike.wire.NotifyPayload;
import org.jvpn.ike.wire.Phase1Attributes;
import org.jvpn.ike.wire.ProtocolId;
import org.jvpn.ike.wire.NotifyType;
import org.jvpn.ike.wire.Payload;
import org.jvpn.ike.wire.PayloadType;
import org.jvpn.ike.wire.Payloads;
import org.jvpn.ike.wire.SaPayload;
import org.jvpn.ike.wire.VendorIdPayload;

/**
 * Main mode with pre-shared keys (RFC 2409 section 5), both roles, with NAT-T (RFC 3947) and DPD
 * (RFC 3706) vendor IDs:
 *
 * <pre>
 *   Initiator                          Responder
 *   HDR, SA, VID*              --&gt;
 *                              &lt;--     HDR, SA, VID*
 *   HDR, KE, Ni, NAT-D, NAT-D  --&gt;
 *                              &lt;--     HDR, KE, Nr, NAT-D, NAT-D
 *   HDR*, IDii, HASH_I [, N]   --&gt;     (from here on port 4500)
 *                              &lt;--     HDR*, IDir, HASH_R
 * </pre>
 *
 * jvpn always carries ESP in UDP, so like strongSwan's {@code encap = yes} it sends a NAT-D hash for its
 * own address that cannot match, which makes the peer see a NAT and encapsulate; both sides float to
 * port 4500 from message 5.
 */
final class MainMode {

    static final int NONCE_LENGTH = 32;

    private MainMode() {}

    // ------------------------------------------------------------------ initiator

    static void initiate(IkeEngine e, ConnectionRuntime c, InetSocketAddress peer) {
        byte[] ckyI = nonZeroCookie(e);
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
        payloads.addAll(vendorIds());
        IsakmpHeader h = IsakmpHeader.of(ckyI, new byte[8], ExchangeType.IDENTITY_PROTECTION.number(), 0, 0);
        e.retransmitter.sendRequest(sa, sa.phase1, IkeMessage.of(h, payloads).encode(), "main mode message 1");
        armHalfOpen(e, sa);
    }

    // ------------------------------------------------------------------ responder

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
            byte[] ckyR = nonZeroCookie(e);
            if (!sel.ok()) {
                e.sendUnprotectedNotify(localPort, remote, msg.header().initiatorCookie(), ckyR, NotifyType.NO_PROPOSAL_CHOSEN);
                e.status.fail(c, "NO-PROPOSAL-CHOSEN: " + sel.reason());
                return;
            }
            IkeSa.NatT natT = natT(msg.payloads());
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
            sa.peerDpd = hasDpd(msg.payloads());
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
            armHalfOpen(e, sa);
        });
    }

    // ------------------------------------------------------------------ both roles

    static void onMessage(IkeEngine e, IkeSa sa, int localPort, InetSocketAddress remote, IkeMessage msg, byte[] datagram) {
        if (sa.state == IkeSa.State.DELETED) {
            return;
        }
        if (sa.phase1.receivedDuplicate(datagram)) {
            // Only the responder answers a duplicate (a retransmitted request); the initiator retransmits on
            // its timer. An initiator resending message 5 on a duplicated message 6 ping-pongs forever.
            if (!sa.initiator) {
                IkeEngine.LOG.debug("duplicate main mode message from {}: resending our last message", remote);
                sa.phase1.resend(e.ctx::sendIke);
            }
            return;
        }
        try {
            if (sa.initiator) {
                onInitiatorMessage(e, sa, localPort, remote, msg, datagram);
            } else {
                onResponderMessage(e, sa, localPort, remote, msg, datagram);
            }
        } catch (IkeWireException ex) {
            IkeEngine.LOG.info("main mode message from {} refused: {}", remote, ex.getMessage());
            sa.phase1.forgetReceived();
        } catch (InvalidPublicValueException ex) {
            e.status.failSa(sa, "the peer's key exchange value is invalid: " + ex.getMessage());
        }
    }

    private static void onInitiatorMessage(IkeEngine e, IkeSa sa, int localPort, InetSocketAddress remote, IkeMessage msg,
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
                sa.natT = natT(msg.payloads());
                sa.peerDpd = hasDpd(msg.payloads());
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
                sa.ni = e.ctx.random().nextBytes(NONCE_LENGTH);
                sa.gxi = sa.dh.publicValue();
                List<Payload> payloads = new ArrayList<>();
                payloads.add(new KeyExchangePayload(sa.gxi));
                payloads.add(new NoncePayload(sa.ni));
                payloads.addAll(natD(e, sa, remote));
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
                checkNatD(e, sa, msg.payloads(), localPort, remote);
                deriveKeys(e, sa);
                // Float to 4500 (RFC 3947 section 4): we always encapsulate.
                sa.localPort = e.ctx.nattPort();
                sa.remote = new InetSocketAddress(remote.getAddress(), e.ctx.nattPort());
                IdPayload id = idPayload(sa.connection.config.localId());
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
                Messages.Decrypted d = decryptAuth(e, sa, msg, datagram, "main mode message 6");
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
                if (!checkPeerId(e, sa, idr)) {
                    return;
                }
                sa.phase1.cancel();
                sa.remote = remote;
                complete(e, sa);
            }
            default -> IkeEngine.LOG.debug("unexpected main mode message in state {}", sa.state);
        }
    }

    private static void onResponderMessage(IkeEngine e, IkeSa sa, int localPort, InetSocketAddress remote, IkeMessage msg,
            byte[] datagram) throws IkeWireException, InvalidPublicValueException {
        switch (sa.state) {
            case MM_SA -> {
                MessageKind.MM3.check(msg.payloads());
                sa.ni = msg.first(NoncePayload.class).orElseThrow().nonce();
                sa.gxi = msg.first(KeyExchangePayload.class).orElseThrow().data();
                sa.dh = DhGroups.create(sa.suite.group(), e.ctx.random());
                sa.gxr = sa.dh.publicValue();
                sa.nr = e.ctx.random().nextBytes(NONCE_LENGTH);
                checkNatD(e, sa, msg.payloads(), localPort, remote);
                deriveKeys(e, sa);
                List<Payload> payloads = new ArrayList<>();
                payloads.add(new KeyExchangePayload(sa.gxr));
                payloads.add(new NoncePayload(sa.nr));
                payloads.addAll(natD(e, sa, remote));
                IsakmpHeader h = IsakmpHeader.of(sa.ckyI, sa.ckyR, ExchangeType.IDENTITY_PROTECTION.number(), 0, 0);
                sa.state = IkeSa.State.MM_KE;
                sa.phase1.send(e.ctx::sendIke, localPort, remote, IkeMessage.of(h, payloads).encode());
            }
            case MM_KE -> {
                Messages.Decrypted d = decryptAuth(e, sa, msg, datagram, "main mode message 5");
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
                if (!checkPeerId(e, sa, idi)) {
                    return;
                }
                boolean initialContact = Payloads.all(d.payloads(), NotifyPayload.class).stream()
                        .anyMatch(n -> n.notifyType() == NotifyType.INITIAL_CONTACT.number());
                IdPayload id = idPayload(sa.connection.config.localId());
                byte[] hashR = sa.keys().hashR(sa.gxi, sa.gxr, sa.ckyI, sa.ckyR, sa.saiB, id.body());
                IsakmpHeader h = IsakmpHeader.of(sa.ckyI, sa.ckyR, ExchangeType.IDENTITY_PROTECTION.number(), 0, 0);
                sa.phase1.send(e.ctx::sendIke, localPort, remote, Messages.encrypt(sa, h, List.of(id, new HashPayload(hashR))));
                if (initialContact) {
                    Informational.initialContact(e, sa);
                }
                complete(e, sa);
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

    private static Messages.Decrypted decryptAuth(IkeEngine e, IkeSa sa, IkeMessage msg, byte[] datagram, String what) {
        try {
            Messages.Decrypted d = Messages.decrypt(sa, msg, datagram);
            return d;
        } catch (DecryptException | IkeWireException ex) {
            sa.phase1.forgetReceived();
            String why = what + " from " + msg.header() + " did not decrypt to a valid message (" + ex.getMessage()
                    + "): the pre-shared keys probably differ";
            IkeEngine.LOG.info(why);
            sa.authProblem = "AUTHENTICATION-FAILED: " + what + " did not decrypt: the pre-shared keys probably differ";
            sa.connection.lastError = sa.authProblem;
            e.publish(sa.connection);
            return null;
        }
    }

    private static boolean checkPeerId(IkeEngine e, IkeSa sa, IdPayload id) {
        PeerId expected = sa.connection.config.peerId();
        if (expected.matches(id.idType(), id.data())) {
            return true;
        }
        String seen = PeerId.fromIdData(id.idType(), id.data()).map(PeerId::toString).orElse(IdType.nameOf(id.idType()));
        Informational.sendNotify(e, sa, NotifyPayload.error(NotifyType.INVALID_ID_INFORMATION, sa.cookies()));
        e.status.failSa(sa, "INVALID-ID-INFORMATION: the peer identified as '" + seen + "' but connection '" + sa.connection.name()
                + "' expects peerId '" + expected + "'");
        return false;
    }

    private static void deriveKeys(IkeEngine e, IkeSa sa) throws InvalidPublicValueException {
        Phase1Suite s = sa.suite;
        byte[] peerPublic = sa.initiator ? sa.gxr : sa.gxi;
        Prf prf = new Prf(e.ctx.crypto(), s.hash().hash());
        try (Secret gxy = sa.dh.computeShared(peerPublic); Secret psk = sa.connection.config.psk().toSecret()) {
            sa.keys = IsakmpKeys.derivePsk(prf, psk, sa.ni, sa.nr, gxy, sa.ckyI, sa.ckyR, s.encryption().keyLength());
        } finally {
            sa.dh.destroy();
            sa.dh = null;
        }
        sa.crypter = IkeCrypter.create(e.ctx.crypto(), s.encryption(), s.hash().hash(), sa.keys.encryptionKey(), sa.gxi, sa.gxr);
        e.ctx.keyLog().ikeSa(sa.ckyI, sa.ckyR, s.encryption(), sa.keys.encryptionKey().unsafeBytes());
    }

    private static void complete(IkeEngine e, IkeSa sa) {
        sa.state = IkeSa.State.ESTABLISHED;
        sa.establishedNanos = e.ctx.scheduler().clock().nanoTime();
        sa.lifetimeSeconds = sa.suite.lifeSeconds();
        if (sa.halfOpenTimer != null) {
            sa.halfOpenTimer.cancel();
            sa.halfOpenTimer = null;
        }
        Lifecycle.armIke(e, sa);
        IkeEngine.LOG.info("ISAKMP SA {} established with {} ({}, NAT-T {}{})", sa.key(), sa.remote, sa.suite.name(), sa.natT,
                sa.natLocal ? ", we are behind a NAT" : sa.natRemote ? ", NAT-D mismatch (a NAT or forced encapsulation)" : "");
        e.status.established(sa);
        if (sa.initiator) {
            QuickMode.startMissing(e, sa);
        }
    }

    private static void armHalfOpen(IkeEngine e, IkeSa sa) {
        org.jvpn.api.RetransmitPolicy p = e.ctx.retransmit();
        Duration total = Duration.ZERO;
        for (int i = 1; i <= p.tries(); i++) {
            total = total.plus(p.delayAfter(i));
        }
        sa.halfOpenTimer = e.ctx.scheduler().schedule(total, () -> e.withMdc(sa.connection, () -> {
            if (!sa.established() && sa.state != IkeSa.State.DELETED) {
                e.status.failSa(sa, "main mode with " + sa.remote.getAddress().getHostAddress() + " did not complete (half-open SA expired)");
            }
        }));
    }

    // ------------------------------------------------------------------ NAT-T and vendor IDs

    private static List<Payload> vendorIds() {
        return List.of(VendorIdPayload.of(KnownVendorId.NAT_T_RFC3947), VendorIdPayload.of(KnownVendorId.NAT_T_DRAFT_02_N),
                VendorIdPayload.of(KnownVendorId.NAT_T_DRAFT_02), VendorIdPayload.of(KnownVendorId.DPD));
    }

    static IkeSa.NatT natT(List<Payload> payloads) {
        boolean rfc = false;
        boolean draft = false;
        for (VendorIdPayload v : Payloads.all(payloads, VendorIdPayload.class)) {
            Optional<KnownVendorId> k = v.known();
            if (k.isPresent()) {
                if (k.get() == KnownVendorId.NAT_T_RFC3947) {
                    rfc = true;
                } else if (k.get() == KnownVendorId.NAT_T_DRAFT_02 || k.get() == KnownVendorId.NAT_T_DRAFT_02_N
                        || k.get() == KnownVendorId.NAT_T_DRAFT_03) {
                    draft = true;
                }
            }
        }
        return rfc ? IkeSa.NatT.RFC3947 : draft ? IkeSa.NatT.DRAFT : IkeSa.NatT.NONE;
    }

    static boolean hasDpd(List<Payload> payloads) {
        return Payloads.all(payloads, VendorIdPayload.class).stream().anyMatch(v -> v.known().orElse(null) == KnownVendorId.DPD);
    }

    /** NAT-D payloads: the hash of the peer's endpoint, then a hash of ours that cannot match (forced encapsulation). */
    private static List<Payload> natD(IkeEngine e, IkeSa sa, InetSocketAddress remote) {
        int type = sa.natT == IkeSa.NatT.RFC3947 ? PayloadType.NAT_D.number() : PayloadType.NAT_D_DRAFT.number();
        org.jvpn.api.spi.crypto.HashAlgorithm hash = sa.suite.hash().hash();
        byte[] dst = NatDetection.hash(e.ctx.crypto(), hash, sa.ckyI, sa.ckyR, remote.getAddress(), remote.getPort());
        byte[] fake = e.ctx.random().nextBytes(hash.outputLength());
        return List.of(new NatDPayload(type, dst), new NatDPayload(type, fake));
    }

    /** Reads the peer's NAT-D payloads: the first is about us, the rest about the peer (RFC 3947 section 3.2). */
    private static void checkNatD(IkeEngine e, IkeSa sa, List<Payload> payloads, int localPort, InetSocketAddress remote) {
        List<NatDPayload> natd = Payloads.all(payloads, NatDPayload.class);
        if (natd.isEmpty()) {
            return;
        }
        org.jvpn.api.spi.crypto.HashAlgorithm hash = sa.suite.hash().hash();
        byte[] me = NatDetection.hash(e.ctx.crypto(), hash, sa.ckyI, sa.ckyR, e.ctx.localAddress(), localPort);
        sa.natLocal = !IsakmpKeys.hashMatches(me, natd.get(0).hash());
        byte[] them = NatDetection.hash(e.ctx.crypto(), hash, sa.ckyI, sa.ckyR, remote.getAddress(), remote.getPort());
        boolean seen = false;
        for (int i = 1; i < natd.size(); i++) {
            seen |= IsakmpKeys.hashMatches(them, natd.get(i).hash());
        }
        sa.natRemote = !seen;
    }

    static IdPayload idPayload(PeerId id) {
        return switch (id.type()) {
            case IPV4_ADDR, IPV6_ADDR -> IdPayload.address(id.address().orElseThrow());
            case FQDN -> IdPayload.fqdn(id.value());
            case USER_FQDN -> IdPayload.userFqdn(id.value());
            case KEY_ID -> IdPayload.keyId(id.idData());
        };
    }

    private static byte[] nonZeroCookie(IkeEngine e) {
        while (true) {
            byte[] c = e.ctx.random().nextBytes(8);
            if (!IkeEngine.isZero(c)) {
                return c;
            }
        }
    }
}

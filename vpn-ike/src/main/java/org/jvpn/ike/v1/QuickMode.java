package org.jvpn.ike.v1;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.config.Cidr;
import org.jvpn.api.spi.crypto.InvalidPublicValueException;
import org.jvpn.api.spi.crypto.KeyAgreement;
import org.jvpn.api.spi.crypto.Secret;
import org.jvpn.api.spi.dataplane.Direction;
import org.jvpn.api.spi.dataplane.LifetimeLimits;
import org.jvpn.api.spi.dataplane.SaConfig;
import org.jvpn.api.spi.dataplane.SaKeys;
import org.jvpn.api.spi.time.Timer;
import org.jvpn.ike.keys.DecryptException;
import org.jvpn.ike.keys.DhGroups;
import org.jvpn.ike.keys.IsakmpKeys;
import org.jvpn.ike.keys.Keymat;
import org.jvpn.ike.proposal.Phase2Suite;
import org.jvpn.ike.proposal.ResponderLifetime;
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
import org.jvpn.ike.wire.NotifyType;
import org.jvpn.ike.wire.Payload;
import org.jvpn.ike.wire.PayloadChain;
import org.jvpn.ike.wire.Payloads;
import org.jvpn.ike.wire.Phase2Attributes;
import org.jvpn.ike.wire.ProtocolId;
import org.jvpn.ike.wire.SaPayload;

/**
 * Quick mode (RFC 2409 section 5.5), one task per message ID, either role, with PFS:
 *
 * <pre>
 *   Initiator                                   Responder
 *   HDR*, HASH(1), SA, Ni [, KE], IDci, IDcr --&gt;
 *                                            &lt;-- HDR*, HASH(2), SA, Nr [, KE], IDci, IDcr
 *   HDR*, HASH(3)                            --&gt;
 * </pre>
 *
 * SAs are installed inbound before outbound: the initiator installs both on message 2 (then sends
 * message 3); the responder installs its inbound SA when it sends message 2 and its outbound SA on
 * message 3, so the first packet either side sends is never lost.
 */
final class QuickMode {

    enum State { SENT_QM1, SENT_QM2, DONE }

    private static final Duration LINGER = Duration.ofSeconds(30);

    final IkeSa sa;
    final boolean initiator;
    final int messageId;
    final Transmission transmission = new Transmission();
    State state;
    ConnectionRuntime.@Nullable Policy policy;
    Phase2Suite ours;
    int inEsp;
    int inAh;
    byte[] ni = new byte[0];
    byte[] nr = new byte[0];
    @Nullable KeyAgreement dh;
    Phase2Suite.@Nullable Selection chosen;
    @Nullable Secret gqmxy;
    boolean installed;
    boolean rekey;
    @Nullable Timer linger;

    private QuickMode(IkeSa sa, boolean initiator, int messageId, Phase2Suite ours) {
        this.sa = sa;
        this.initiator = initiator;
        this.messageId = messageId;
        this.ours = ours;
        this.state = initiator ? State.SENT_QM1 : State.SENT_QM2;
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
        QuickMode qm = new QuickMode(sa, true, msgId, Phase2Suite.of(sa.connection.config.ipsecPolicy()));
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

    static void onMessage(IkeEngine e, IkeSa sa, int localPort, InetSocketAddress remote, IkeMessage msg, byte[] datagram) {
        int msgId = msg.header().messageId();
        QuickMode qm = sa.quickModes.get(msgId);
        if (qm != null && qm.transmission.receivedDuplicate(datagram)) {
            // A duplicate message 1 gets message 2 again; a duplicate message 2 gets message 3 again. A
            // duplicate message 3 gets nothing (answering it with message 2 would ping-pong forever).
            if (qm.initiator ? qm.state == State.DONE : qm.state == State.SENT_QM2) {
                qm.transmission.resend(e.ctx::sendIke);
            }
            return;
        }
        Messages.Decrypted d;
        try {
            d = Messages.decrypt(sa, msg, datagram);
        } catch (DecryptException | IkeWireException ex) {
            IkeEngine.LOG.info("quick mode message {} from {} dropped: {}", Integer.toHexString(msgId), remote, ex.getMessage());
            if (qm != null) {
                qm.transmission.forgetReceived();
            }
            return;
        }
        try {
            if (qm == null) {
                respond(e, sa, msgId, d, datagram, remote);
            } else if (qm.initiator && qm.state == State.SENT_QM1) {
                qm.onQm2(e, d, remote);
            } else if (!qm.initiator && qm.state == State.SENT_QM2) {
                qm.onQm3(e, d, remote);
            }
        } catch (IkeWireException ex) {
            IkeEngine.LOG.info("quick mode message {} from {} refused: {}", Integer.toHexString(msgId), remote, ex.getMessage());
            if (qm != null) {
                qm.transmission.forgetReceived();
            }
        } catch (InvalidPublicValueException ex) {
            if (qm != null) {
                qm.fail(e, "the peer's PFS key exchange value is invalid: " + ex.getMessage());
            }
        }
    }

    // ------------------------------------------------------------------ responder

    private static void respond(IkeEngine e, IkeSa sa, int msgId, Messages.Decrypted d, byte[] datagram, InetSocketAddress remote)
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
        QuickMode qm = new QuickMode(sa, false, msgId, Phase2Suite.of(c.config.ipsecPolicy()));
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

    private void onQm3(IkeEngine e, Messages.Decrypted d, InetSocketAddress remote) throws IkeWireException {
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

    // ------------------------------------------------------------------ initiator

    private void onQm2(IkeEngine e, Messages.Decrypted d, InetSocketAddress remote) throws IkeWireException, InvalidPublicValueException {
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

    // ------------------------------------------------------------------ shared

    private void allocateSpis(IkeEngine e) {
        if (ours.usesEsp()) {
            inEsp = e.ctx.dataplane().allocateSpi();
        }
        if (ours.usesAh()) {
            inAh = e.ctx.dataplane().allocateSpi();
        }
    }

    /** Installs the inbound and/or outbound SA of this negotiation through the dataplane. */
    private void install(IkeEngine e, boolean inbound, boolean outbound) {
        Phase2Suite.Selection sel = chosen;
        Phase2Suite s = sel.suite().orElseThrow();
        IsakmpKeys k = sa.keys();
        InetSocketAddress local = new InetSocketAddress(e.ctx.localAddress(), e.ctx.nattPort());
        LifetimeLimits limits = limits(e, s);
        if (inbound) {
            SaKeys esp = s.usesEsp() ? Keymat.espKeys(k.prf(), k.skeyidD(), gqmxy, inEsp, ni, nr, s.espEncryption(), s.espIntegrity()) : null;
            SaKeys ah = s.usesAh() ? Keymat.ahKeys(k.prf(), k.skeyidD(), gqmxy, inAh, ni, nr, s.ahIntegrity()) : null;
            logKeys(e, esp, sa.remote, local);
            e.ctx.dataplane().addSa(new SaConfig(policy.id(), Direction.INBOUND, esp, ah, local, sa.remote,
                    e.ctx.replayWindow(), false, limits));
            installed = true;
        }
        if (outbound) {
            SaKeys esp = s.usesEsp() ? Keymat.espKeys(k.prf(), k.skeyidD(), gqmxy, sel.peerEspSpi(), ni, nr, s.espEncryption(), s.espIntegrity()) : null;
            SaKeys ah = s.usesAh() ? Keymat.ahKeys(k.prf(), k.skeyidD(), gqmxy, sel.peerAhSpi(), ni, nr, s.ahIntegrity()) : null;
            logKeys(e, esp, local, sa.remote);
            e.ctx.dataplane().addSa(new SaConfig(policy.id(), Direction.OUTBOUND, esp, ah, local, sa.remote, 0, false, limits));
            if (gqmxy != null) {
                gqmxy.destroy();
            }
            int inSpi = inAh != 0 ? inAh : inEsp;
            int outSpi = sel.peerAhSpi() != 0 ? sel.peerAhSpi() : sel.peerEspSpi();
            ChildSa child = new ChildSa(policy.id(), policy.local(), policy.remote(), s, inSpi, outSpi, inEsp, inAh,
                    sel.peerEspSpi(), sel.peerAhSpi(), e.ctx.scheduler().clock().nanoTime(), initiator);
            List<ChildSa> older = new ArrayList<>();
            for (ChildSa c : sa.connection.children) {
                if (c.policyId() == policy.id()) {
                    older.add(c);
                }
            }
            e.pairs.childInstalled(sa.connection, child, rekey || !older.isEmpty());
            // Make-before-break: the old pair keeps accepting traffic for a grace period, then goes.
            e.pairs.scheduleResolve(sa.connection, policy.id());
        }
    }

    private static void logKeys(IkeEngine e, @Nullable SaKeys esp, InetSocketAddress src, InetSocketAddress dst) {
        if (esp != null && esp.encryption() != null && esp.encryptionKey() != null) {
            e.ctx.keyLog().espSa(src.getAddress(), dst.getAddress(), esp.spi(), esp.encryption(), esp.encryptionKey().unsafeBytes(),
                    esp.integrity(), esp.integrityKey() == null ? null : esp.integrityKey().unsafeBytes());
        }
    }

    private LifetimeLimits limits(IkeEngine e, Phase2Suite s) {
        long hard = s.lifeSeconds();
        long soft = hard > 0 ? Rekey.softSeconds(hard, initiator, e.ctx.rekey(), e.ctx.random()) : 0;
        long hardBytes = s.lifeKilobytes() > 0 ? s.lifeKilobytes() * 1024 : 0;
        long softBytes = Rekey.softBytes(hardBytes, initiator, e.ctx.rekey());
        return new LifetimeLimits(soft, hard, softBytes, hardBytes, 0, 0);
    }

    private void finish(IkeEngine e) {
        state = State.DONE;
        IkeEngine.LOG.info("quick mode {} done: {} <-> {} {}", Integer.toHexString(messageId), policy.local(), policy.remote(),
                chosen.suite().orElseThrow().name());
        // Linger to answer a retransmitted message 2 (initiator) with our message 3, then forget the IV.
        linger = e.ctx.scheduler().schedule(LINGER, () -> {
            sa.quickModes.remove(messageId);
            if (sa.crypter != null && sa.state != IkeSa.State.DELETED) {
                sa.crypter.forget(messageId);
            }
        });
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

    void fail(IkeEngine e, String reason) {
        abandon(e);
        sa.quickModes.remove(messageId);
        e.status.fail(sa.connection, reason);
    }

    /**
     * Gives this negotiation up (it failed, or its ISAKMP SA goes): secrets wiped, SPIs released, an inbound
     * SA installed without its outbound removed, and a rekey we initiated remembered for the next ISAKMP SA.
     */
    void abandon(IkeEngine e) {
        abort();
        if (state == State.DONE) {
            return;
        }
        state = State.DONE;
        releaseSpis(e);
        if (installed && !initiator) {
            if (inAh != 0) {
                e.ctx.dataplane().deleteSa(inAh, Direction.INBOUND);
            } else if (inEsp != 0) {
                e.ctx.dataplane().deleteSa(inEsp, Direction.INBOUND);
            }
        }
        ConnectionRuntime.Policy p = policy;
        if (initiator && rekey && p != null) {
            Lifecycle.rekeyFailed(e, sa.connection, p);
        }
    }

    private void releaseSpis(IkeEngine e) {
        if (!installed) {
            if (inEsp != 0) {
                e.ctx.dataplane().releaseSpi(inEsp);
            }
            if (inAh != 0) {
                e.ctx.dataplane().releaseSpi(inAh);
            }
        }
    }

    /** Stops timers and wipes secrets. */
    void abort() {
        transmission.clear();
        if (linger != null) {
            linger.cancel();
        }
        if (dh != null) {
            dh.destroy();
            dh = null;
        }
        if (gqmxy != null) {
            gqmxy.destroy();
        }
    }

    private static byte[] restAfterHash(Messages.Decrypted d) {
        HashPayload hash = (HashPayload) d.payloads().get(0);
        int start = 4 + hash.dataLength();
        return java.util.Arrays.copyOfRange(d.plain(), start, d.chain().consumedLength());
    }

    static int encapMode(IkeSa sa) {
        return sa.natT == IkeSa.NatT.RFC3947 ? Phase2Attributes.MODE_UDP_TUNNEL : Phase2Attributes.MODE_UDP_TUNNEL_DRAFT;
    }

    static int newMessageId(IkeEngine e, IkeSa sa) {
        while (true) {
            int id = e.ctx.random().nextInt();
            if (id != 0 && !sa.quickModes.containsKey(id)) {
                return id;
            }
        }
    }
}

package org.jvpn.ike.v1;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.jvpn.ike.keys.DecryptException;
import org.jvpn.ike.keys.IsakmpKeys;
import org.jvpn.ike.wire.DeletePayload;
import org.jvpn.ike.wire.ExchangeType;
import org.jvpn.ike.wire.HashPayload;
import org.jvpn.ike.wire.IkeMessage;
import org.jvpn.ike.wire.IkeWireException;
import org.jvpn.ike.wire.IsakmpHeader;
import org.jvpn.ike.wire.MessageKind;
import org.jvpn.ike.wire.NotifyPayload;
import org.jvpn.ike.wire.NotifyType;
import org.jvpn.ike.wire.Payload;
import org.jvpn.ike.wire.PayloadChain;
import org.jvpn.ike.wire.Payloads;
import org.jvpn.ike.wire.ProtocolId;

/**
 * Informational exchanges (RFC 2408 section 4.8, RFC 2409 section 5.7): HDR*, HASH(1), N/D, one
 * message each with its own message ID; Deletes of ISAKMP and IPsec SAs, DPD (RFC 3706),
 * INITIAL-CONTACT, and the peer's error notifications.
 */
final class Informational {

    private Informational() {}

    /** Sends a notification, encrypted when the ISAKMP SA has keys, else in the clear. */
    static void sendNotify(IkeEngine e, IkeSa sa, NotifyPayload n) {
        send(e, sa, List.of(n));
    }

    /** Deletes the ISAKMP SA at the peer. */
    static void sendDelete(IkeEngine e, IkeSa sa) {
        send(e, sa, List.of(DeletePayload.isakmp(sa.cookies())));
    }

    /** Deletes an IPsec SA pair at the peer: we name our inbound SPIs (RFC 2408 section 3.15). */
    static void sendChildDelete(IkeEngine e, IkeSa sa, ChildSa child) {
        List<Payload> d = new ArrayList<>();
        if (child.inEsp() != 0) {
            d.add(DeletePayload.ipsec(ProtocolId.ESP, child.inEsp()));
        }
        if (child.inAh() != 0) {
            d.add(DeletePayload.ipsec(ProtocolId.AH, child.inAh()));
        }
        send(e, sa, d);
    }

    private static void send(IkeEngine e, IkeSa sa, List<? extends Payload> body) {
        if (sa.keys == null || sa.crypter == null) {
            IsakmpHeader h = IsakmpHeader.of(sa.ckyI, sa.ckyR, ExchangeType.INFORMATIONAL.number(), 0, 0);
            e.send(sa, IkeMessage.of(h, body).encode());
            return;
        }
        int msgId = QuickMode.newMessageId(e, sa);
        byte[] hash = sa.keys().informationalHash(msgId, PayloadChain.encode(body));
        List<Payload> all = new ArrayList<>();
        all.add(new HashPayload(hash));
        all.addAll(body);
        IsakmpHeader h = IsakmpHeader.of(sa.ckyI, sa.ckyR, ExchangeType.INFORMATIONAL.number(), 0, msgId);
        e.send(sa, Messages.encrypt(sa, h, all));
        sa.crypter().forget(msgId);
    }

    static void onMessage(IkeEngine e, IkeSa sa, InetSocketAddress remote, IkeMessage msg, byte[] datagram) {
        if (!msg.isEncrypted()) {
            onUnprotected(e, sa, msg);
            return;
        }
        if (sa.keys == null) {
            return;
        }
        int msgId = msg.header().messageId();
        Messages.Decrypted d;
        try {
            d = Messages.decrypt(sa, msg, datagram);
            MessageKind.INFO.check(d.payloads());
        } catch (DecryptException | IkeWireException ex) {
            IkeEngine.LOG.info("informational message from {} dropped: {}", remote, ex.getMessage());
            return;
        }
        HashPayload hp = (HashPayload) d.payloads().get(0);
        byte[] rest = java.util.Arrays.copyOfRange(d.plain(), 4 + hp.dataLength(), d.chain().consumedLength());
        if (!IsakmpKeys.hashMatches(sa.keys().informationalHash(msgId, rest), hp.data())) {
            IkeEngine.LOG.info("informational message from {} with a bad HASH(1) dropped", remote);
            return;
        }
        sa.crypter().confirm(msgId);
        sa.crypter().forget(msgId);
        e.heardFrom(sa, remote);
        // Any authenticated message proves the peer alive, except a DPD ACK, which counts only if its
        // sequence number answers one of our R-U-THEREs (DeadPeerDetection.ack).
        boolean onlyAcks = d.payloads().stream().skip(1).allMatch(p -> p instanceof NotifyPayload n
                && n.notifyType() == NotifyType.R_U_THERE_ACK.number());
        if (!onlyAcks) {
            DeadPeerDetection.heard(e, sa);
        }
        for (NotifyPayload n : Payloads.all(d.payloads(), NotifyPayload.class)) {
            onNotify(e, sa, n);
        }
        for (DeletePayload del : Payloads.all(d.payloads(), DeletePayload.class)) {
            onDelete(e, sa, del);
        }
    }

    private static void onNotify(IkeEngine e, IkeSa sa, NotifyPayload n) {
        int type = n.notifyType();
        if (type == NotifyType.R_U_THERE.number()) {
            long seq = n.dpdSequence().orElse(-1);
            if (seq < 0 || seq < sa.peerDpdSequence) {
                IkeEngine.LOG.info("R-U-THERE with sequence number {} (last {}) ignored", seq, sa.peerDpdSequence);
                return;
            }
            sa.peerDpdSequence = seq;
            sendNotify(e, sa, NotifyPayload.dpd(true, sa.cookies(), seq));
        } else if (type == NotifyType.R_U_THERE_ACK.number()) {
            DeadPeerDetection.ack(e, sa, n.dpdSequence().orElse(-1));
        } else if (type == NotifyType.INITIAL_CONTACT.number()) {
            initialContact(e, sa);
        } else if (type == NotifyType.RESPONDER_LIFETIME.number()) {
            if (n.protocolId() != ProtocolId.ISAKMP) {
                IkeEngine.LOG.info("RESPONDER-LIFETIME for protocol {} outside quick mode ignored", ProtocolId.nameOf(n.protocolId()));
                return;
            }
            java.util.Optional<org.jvpn.ike.proposal.ResponderLifetime> r = org.jvpn.ike.proposal.ResponderLifetime.parse(n.data());
            if (r.isEmpty() || r.get().seconds() <= 0) {
                IkeEngine.LOG.info("RESPONDER-LIFETIME for the ISAKMP SA without a readable lifetime in seconds ignored: {}",
                        java.util.HexFormat.of().formatHex(n.data()));
                return;
            }
            Lifecycle.shortenIke(e, sa, r.get().seconds());
        } else if (n.isError()) {
            String why = "the peer sent " + NotifyType.nameOf(type);
            IkeEngine.LOG.warn(why);
            sa.connection.lastError = why;
            e.publish(sa.connection);
        } else {
            IkeEngine.LOG.debug("notification {} from the peer ignored", NotifyType.nameOf(type));
        }
    }

    private static void onDelete(IkeEngine e, IkeSa sa, DeletePayload del) {
        ConnectionRuntime c = sa.connection;
        if (del.protocolId() == ProtocolId.ISAKMP) {
            IkeEngine.LOG.info("the peer deleted ISAKMP SA {}", sa.key());
            boolean current = c.ikeSa == sa || c.ikeSa == null;
            Lifecycle.drop(e, sa);
            if (c.ikeSa != null) {
                // A replaced ISAKMP SA: the IPsec SAs live on under the newer one.
                e.publish(c);
            } else if (current) {
                c.ikeSa = null;
                // The peer has no ISAKMP SA with us any more: its IPsec SAs are gone with it.
                for (ChildSa child : new ArrayList<>(c.children)) {
                    e.pairs.removeChild(c, child);
                }
                e.status.setState(c, org.jvpn.api.ConnectionState.DOWN, "the peer deleted the ISAKMP SA");
                e.status.retryLater(c);
            }
            return;
        }
        for (int spi : del.spisAsInts()) {
            for (ChildSa child : new ArrayList<>(c.children)) {
                if (child.matchesPeerSpi(del.protocolId(), spi)) {
                    IkeEngine.LOG.info("the peer deleted IPsec SA 0x{}", Integer.toHexString(spi));
                    e.pairs.removeChild(c, child);
                }
            }
        }
    }

    /** INITIAL-CONTACT: the peer has no other state with us, so every older SA of this connection is stale. */
    static void initialContact(IkeEngine e, IkeSa sa) {
        ConnectionRuntime c = sa.connection;
        for (IkeSa other : e.sasOf(c)) {
            if (other != sa && other.established() && other.establishedNanos < sa.createdNanos) {
                e.forget(other);
                other.destroy();
            }
        }
        for (ChildSa child : new ArrayList<>(c.children)) {
            if (child.installedNanos() < sa.createdNanos) {
                e.pairs.removeChild(c, child);
            }
        }
    }

    private static void onUnprotected(IkeEngine e, IkeSa sa, IkeMessage msg) {
        for (NotifyPayload n : msg.all(NotifyPayload.class)) {
            if (!n.isError()) {
                continue;
            }
            String why = "the peer refused: " + NotifyType.nameOf(n.notifyType());
            if (sa.initiator && !sa.established()) {
                String detail = n.notifyType() == NotifyType.NO_PROPOSAL_CHOSEN.number()
                        ? " (none of our phase-1 proposal " + sa.suite.name() + " is acceptable to it)" : "";
                e.status.failSa(sa, why + detail);
            } else {
                IkeEngine.LOG.warn("{} (unauthenticated notification, ignored)", why);
            }
        }
    }
}

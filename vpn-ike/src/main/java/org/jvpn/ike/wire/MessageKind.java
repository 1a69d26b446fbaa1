package org.jvpn.ike.wire;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which payloads each message of each exchange must and may carry (RFC 2409 sections 5, 5.5, 5.7 with
 * pre-shared keys or signatures; RFC 3947 NAT-D / NAT-OA; RFC 3706 and RFC 2408 informational), as a
 * table checked on receive by {@link #check(List)}:
 *
 * <pre>
 * kind   first  required                        optional
 * MM1           SA                              VID*, N*
 * MM2           SA                              VID*, N*
 * MM3           KE, NONCE                       NAT-D*, VID*, CR*, N*
 * MM4           KE, NONCE                       NAT-D*, VID*, CR*, N*
 * MM5           ID, HASH|SIG                    CERT*, CR*, N*, VID*
 * MM6           ID, HASH|SIG                    CERT*, CR*, N*, VID*
 * QM1    HASH   HASH, SA, NONCE                 KE, ID pair, NAT-OA(0..2), N*, VID*
 * QM2    HASH   HASH, SA, NONCE                 KE, ID pair, NAT-OA(0..2), N*, VID*
 * QM3    HASH   HASH                            N*
 * INFO   HASH   HASH, N|D (1..n)                -
 * INFO_UNPROTECTED  N|D (1..n)                  VID*
 * </pre>
 *
 * NAT-D and NAT-OA count in every numbering (20/130/15, 21/131/16). Payloads of types this package does
 * not know ({@link UnknownPayload}) are ignored (IKEv1 has no critical bit); a known type not listed is
 * INVALID-PAYLOAD-TYPE, a missing or repeated one PAYLOAD-MALFORMED, both naming the payload.
 */
public enum MessageKind {
    MM1(false, rule(PayloadType.SA, 1, 1), any(PayloadType.VENDOR_ID), any(PayloadType.NOTIFY)),
    MM2(false, rule(PayloadType.SA, 1, 1), any(PayloadType.VENDOR_ID), any(PayloadType.NOTIFY)),
    MM3(false, rule(PayloadType.KE, 1, 1), rule(PayloadType.NONCE, 1, 1), natD(), any(PayloadType.VENDOR_ID),
            any(PayloadType.CR), any(PayloadType.NOTIFY)),
    MM4(false, rule(PayloadType.KE, 1, 1), rule(PayloadType.NONCE, 1, 1), natD(), any(PayloadType.VENDOR_ID),
            any(PayloadType.CR), any(PayloadType.NOTIFY)),
    MM5(false, rule(PayloadType.ID, 1, 1), new Rule(Set.of(8, 9), 1, 1, false), any(PayloadType.CERT),
            any(PayloadType.CR), any(PayloadType.NOTIFY), any(PayloadType.VENDOR_ID)),
    MM6(false, rule(PayloadType.ID, 1, 1), new Rule(Set.of(8, 9), 1, 1, false), any(PayloadType.CERT),
            any(PayloadType.CR), any(PayloadType.NOTIFY), any(PayloadType.VENDOR_ID)),
    QM1(true, rule(PayloadType.HASH, 1, 1), rule(PayloadType.SA, 1, 1), rule(PayloadType.NONCE, 1, 1),
            rule(PayloadType.KE, 0, 1), new Rule(Set.of(5), 0, 2, true), natOa(), any(PayloadType.NOTIFY),
            any(PayloadType.VENDOR_ID)),
    QM2(true, rule(PayloadType.HASH, 1, 1), rule(PayloadType.SA, 1, 1), rule(PayloadType.NONCE, 1, 1),
            rule(PayloadType.KE, 0, 1), new Rule(Set.of(5), 0, 2, true), natOa(), any(PayloadType.NOTIFY),
            any(PayloadType.VENDOR_ID)),
    QM3(true, rule(PayloadType.HASH, 1, 1), any(PayloadType.NOTIFY)),
    /** A protected informational exchange (after phase 1): HASH(1) first, then notifies and deletes. */
    INFO(true, rule(PayloadType.HASH, 1, 1), new Rule(Set.of(11, 12), 1, Integer.MAX_VALUE, false)),
    /** An unprotected informational message (an error notify before phase 1 completed). */
    INFO_UNPROTECTED(false, new Rule(Set.of(11, 12), 1, Integer.MAX_VALUE, false), any(PayloadType.VENDOR_ID));

    /** One row: how many payloads of these types (alternatives) may appear. */
    private record Rule(Set<Integer> types, int min, int max, boolean pairs) {
        String label() {
            return types.stream().sorted().map(PayloadType::nameOf).collect(Collectors.joining("|"));
        }
    }

    private final boolean hashFirst;
    private final List<Rule> rules;

    MessageKind(boolean hashFirst, Rule... rules) {
        this.hashFirst = hashFirst;
        this.rules = List.of(rules);
    }

    private static Rule rule(PayloadType type, int min, int max) {
        return new Rule(Set.of(type.number()), min, max, false);
    }

    private static Rule any(PayloadType type) {
        return new Rule(Set.of(type.number()), 0, Integer.MAX_VALUE, false);
    }

    private static Rule natD() {
        return new Rule(Set.of(20, 130, 15), 0, Integer.MAX_VALUE, false);
    }

    private static Rule natOa() {
        return new Rule(Set.of(21, 131, 16), 0, 2, false);
    }

    /** Whether HASH must be the first payload (RFC 2409 5.5: it "MUST immediately follow the ISAKMP header"). */
    public boolean hashFirst() {
        return hashFirst;
    }

    /**
     * Checks a received message's payloads against this kind's row.
     *
     * @throws IkeWireException INVALID-PAYLOAD-TYPE for a payload this message may not carry;
     *         PAYLOAD-MALFORMED for a missing, repeated or misplaced one
     */
    public void check(List<Payload> payloads) throws IkeWireException {
        if (hashFirst && (payloads.isEmpty() || payloads.get(0).type() != PayloadType.HASH.number())) {
            throw IkeWireException.malformed(this + ": HASH must be the first payload, found "
                    + (payloads.isEmpty() ? "none" : PayloadType.nameOf(payloads.get(0).type())));
        }
        int[] counts = new int[rules.size()];
        for (Payload p : payloads) {
            if (p instanceof UnknownPayload) {
                continue;
            }
            int i = ruleIndex(p.type());
            if (i < 0) {
                throw IkeWireException.notify(NotifyType.INVALID_PAYLOAD_TYPE,
                        this + " may not carry a " + PayloadType.nameOf(p.type()) + " payload");
            }
            counts[i]++;
        }
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (counts[i] < r.min()) {
                throw IkeWireException.malformed(this + " lacks " + r.label() + " (expected at least " + r.min()
                        + ", found " + counts[i] + ")");
            }
            if (counts[i] > r.max()) {
                throw IkeWireException.malformed(this + " carries " + counts[i] + " " + r.label()
                        + " payloads, at most " + r.max() + " allowed");
            }
            if (r.pairs() && counts[i] % 2 != 0) {
                throw IkeWireException.notify(NotifyType.INVALID_ID_INFORMATION, this + " carries " + counts[i] + " "
                        + r.label() + " payloads; client IDs come as a pair (IDci and IDcr) or not at all");
            }
        }
    }

    private int ruleIndex(int type) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).types().contains(type)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether this kind may carry payloads of {@code type}. */
    public boolean allows(int type) {
        return ruleIndex(type) >= 0;
    }

    /** Whether this kind must carry at least one payload of {@code type}. */
    public boolean requires(int type) {
        int i = ruleIndex(type);
        return i >= 0 && rules.get(i).min() > 0 && rules.get(i).types().size() == 1;
    }
}

package org.jvpn.ike.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A chain of payloads linked by next-payload and length (RFC 2408 section 3.2): the body of a cleartext
 * message, or the plaintext of an encrypted one after decryption.
 *
 * <p>Parsing checks every bound: a header needs 4 bytes, a length below 4 or beyond the buffer is
 * PAYLOAD-MALFORMED, more than {@link #MAX_PAYLOADS} payloads is PAYLOAD-MALFORMED, and every length is
 * at least 4 so each step makes progress. Nothing is allocated beyond the buffer's size. The chain ends
 * where the last payload says (next payload 0); the bytes after it are padding and never inspected
 * (strongSwan pads decrypted messages with zeros, RFC 2409 appendix B leaves padding free). A non-zero
 * next payload on the last payload is tolerated when nothing or only zero bytes follow (H3C, PEERS.md
 * section 3.15): {@link #lastNextPayloadIgnored()} then says so.
 */
public final class PayloadChain {

    /** Upper bound on payloads in one message (a handshake message carries about a dozen). */
    public static final int MAX_PAYLOADS = 64;

    private interface BodyParser {
        Payload parse(int type, byte[] buf, int off, int len) throws IkeWireException;
    }

    private static final Map<Integer, BodyParser> PARSERS = new HashMap<>();

    static {
        PARSERS.put(PayloadType.SA.number(), (t, b, o, l) -> SaPayload.parse(b, o, l));
        PARSERS.put(PayloadType.KE.number(), (t, b, o, l) -> KeyExchangePayload.parse(b, o, l));
        PARSERS.put(PayloadType.ID.number(), (t, b, o, l) -> IdPayload.parse(b, o, l));
        PARSERS.put(PayloadType.CERT.number(), (t, b, o, l) -> CertPayload.parse(b, o, l));
        PARSERS.put(PayloadType.CR.number(), (t, b, o, l) -> CertRequestPayload.parse(b, o, l));
        PARSERS.put(PayloadType.HASH.number(), (t, b, o, l) -> HashPayload.parse(b, o, l));
        PARSERS.put(PayloadType.SIG.number(), (t, b, o, l) -> SignaturePayload.parse(b, o, l));
        PARSERS.put(PayloadType.NONCE.number(), (t, b, o, l) -> NoncePayload.parse(b, o, l));
        PARSERS.put(PayloadType.NOTIFY.number(), (t, b, o, l) -> NotifyPayload.parse(b, o, l));
        PARSERS.put(PayloadType.DELETE.number(), (t, b, o, l) -> DeletePayload.parse(b, o, l));
        PARSERS.put(PayloadType.VENDOR_ID.number(), (t, b, o, l) -> VendorIdPayload.parse(b, o, l));
        for (PayloadType natd : List.of(PayloadType.NAT_D, PayloadType.NAT_D_DRAFT, PayloadType.NAT_D_OLD_DRAFT)) {
            PARSERS.put(natd.number(), NatDPayload::parse);
        }
        for (PayloadType natoa : List.of(PayloadType.NAT_OA, PayloadType.NAT_OA_DRAFT, PayloadType.NAT_OA_OLD_DRAFT)) {
            PARSERS.put(natoa.number(), NatOaPayload::parse);
        }
        BodyParser misplaced = (t, b, o, l) -> {
            throw IkeWireException.notify(NotifyType.INVALID_PAYLOAD_TYPE,
                    PayloadType.nameOf(t) + " payload outside an SA payload");
        };
        PARSERS.put(PayloadType.PROPOSAL.number(), misplaced);
        PARSERS.put(PayloadType.TRANSFORM.number(), misplaced);
    }

    private final List<Payload> payloads;
    private final List<byte[]> rawBodies;
    private final int consumed;
    private final int padding;
    private final boolean lastNextPayloadIgnored;

    private PayloadChain(List<Payload> payloads, List<byte[]> rawBodies, int consumed, int padding,
            boolean lastNextPayloadIgnored) {
        this.payloads = Collections.unmodifiableList(payloads);
        this.rawBodies = rawBodies;
        this.consumed = consumed;
        this.padding = padding;
        this.lastNextPayloadIgnored = lastNextPayloadIgnored;
    }

    /**
     * Parses the chain starting with a payload of {@code firstPayloadType} (the header's next payload)
     * at {@code buf[off..off+len)}.
     *
     * @throws IkeWireException PAYLOAD-MALFORMED for broken framing, or the payload's own error
     */
    public static PayloadChain parse(int firstPayloadType, byte[] buf, int off, int len) throws IkeWireException {
        Wire.checkRange(buf, off, len);
        List<Payload> payloads = new ArrayList<>();
        List<byte[]> raw = new ArrayList<>();
        int pos = off;
        int end = off + len;
        int type = firstPayloadType;
        boolean ignored = false;
        while (type != 0) {
            int left = end - pos;
            if (left < Payload.HEADER_LENGTH || Wire.u16(buf, pos + 2) < Payload.HEADER_LENGTH) {
                if (allZero(buf, pos, end) && !payloads.isEmpty()) {
                    ignored = true; // non-zero next payload on the last payload, then nothing or zero padding
                    break;
                }
                if (left < Payload.HEADER_LENGTH) {
                    throw IkeWireException.malformed(PayloadType.nameOf(type) + " payload header needs 4 bytes, "
                            + left + " left");
                }
                throw IkeWireException.malformed(PayloadType.nameOf(type) + " payload length "
                        + Wire.u16(buf, pos + 2) + " is below the 4-byte header");
            }
            int next = Wire.u8(buf, pos);
            int length = Wire.u16(buf, pos + 2);
            if (length > left) {
                throw IkeWireException.malformed(PayloadType.nameOf(type) + " payload length " + length
                        + " exceeds the " + left + " bytes left");
            }
            if (payloads.size() == MAX_PAYLOADS) {
                throw IkeWireException.malformed("more than " + MAX_PAYLOADS + " payloads in one message");
            }
            int bodyOff = pos + Payload.HEADER_LENGTH;
            int bodyLen = length - Payload.HEADER_LENGTH;
            BodyParser parser = PARSERS.get(type);
            payloads.add(parser != null ? parser.parse(type, buf, bodyOff, bodyLen)
                    : UnknownPayload.parse(type, buf, bodyOff, bodyLen));
            raw.add(Wire.copy(buf, bodyOff, bodyLen));
            pos += length;
            type = next;
        }
        return new PayloadChain(payloads, raw, pos - off, end - pos, ignored);
    }

    /** Encodes {@code payloads} with next-payload chaining (last = 0) and computed lengths. */
    public static byte[] encode(List<? extends Payload> payloads) {
        return encodeChain(payloads);
    }

    private static byte[] encodeChain(List<? extends Payload> payloads) {
        List<byte[]> parts = new ArrayList<>(payloads.size());
        int n = 0;
        for (int i = 0; i < payloads.size(); i++) {
            byte[] p = payloads.get(i).encode(i + 1 < payloads.size() ? payloads.get(i + 1).type() : 0);
            parts.add(p);
            n += p.length;
        }
        byte[] out = new byte[n];
        int pos = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The payloads in order. */
    public List<Payload> payloads() {
        return payloads;
    }

    /**
     * The body of payload {@code index} exactly as received (without the generic header): use these
     * bytes for SAi_b and IDii_b / IDir_b in the RFC 2409 hashes.
     */
    public byte[] rawBody(int index) {
        return rawBodies.get(index).clone();
    }

    /** Bytes covered by the payloads. */
    public int consumedLength() {
        return consumed;
    }

    /** Bytes after the last payload (padding of a decrypted message). */
    public int paddingLength() {
        return padding;
    }

    /** Whether the last payload's non-zero next payload was ignored (PEERS.md section 3.15). */
    public boolean lastNextPayloadIgnored() {
        return lastNextPayloadIgnored;
    }
}

package org.jvpn.ike.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks the proposal chain inside an SA and the transform chain inside a proposal: each element has
 * the generic payload header whose next payload is {@code expectedType} for "more" and 0 for "last".
 */
final class SubstructureChain {

    interface BodyParser<T> {
        T parse(byte[] buf, int off, int len) throws IkeWireException;
    }

    private SubstructureChain() {
    }

    static <T> List<T> parse(String what, int expectedType, byte[] buf, int off, int len, BodyParser<T> parser)
            throws IkeWireException {
        List<T> out = new ArrayList<>();
        int pos = off;
        int end = off + len;
        while (true) {
            if (end - pos < Payload.HEADER_LENGTH) {
                throw IkeWireException.notify(NotifyType.BAD_PROPOSAL_SYNTAX,
                        what + " header needs 4 bytes, " + (end - pos) + " left");
            }
            int next = Wire.u8(buf, pos);
            int length = Wire.u16(buf, pos + 2);
            if (length < Payload.HEADER_LENGTH || length > end - pos) {
                throw IkeWireException.notify(NotifyType.BAD_PROPOSAL_SYNTAX, what + " length " + length
                        + " outside 4.." + (end - pos));
            }
            out.add(parser.parse(buf, pos + Payload.HEADER_LENGTH, length - Payload.HEADER_LENGTH));
            pos += length;
            if (next == 0) {
                break;
            }
            if (next != expectedType) {
                throw IkeWireException.notify(NotifyType.BAD_PROPOSAL_SYNTAX, what + " next payload " + next
                        + ", expected " + expectedType + " or 0");
            }
        }
        if (pos != end) {
            throw IkeWireException.notify(NotifyType.BAD_PROPOSAL_SYNTAX, (end - pos) + " bytes after the last " + what);
        }
        return out;
    }

    static byte[] encode(List<? extends Payload> items, int moreType) {
        List<byte[]> parts = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < items.size(); i++) {
            byte[] p = items.get(i).encode(i + 1 < items.size() ? moreType : 0);
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
}

package org.jvpn.ike.keys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test-only walk over an ISAKMP payload chain (generic headers: next, reserved, 2-byte length). */
record PayloadChain(List<Payload> payloads, int end) {

    record Payload(int type, int start, int end, byte[] message) {
        /** The payload body, without its 4-byte generic header. */
        byte[] body() {
            return Arrays.copyOfRange(message, start + 4, end);
        }
    }

    static PayloadChain walk(byte[] plain, int firstType) {
        List<Payload> out = new ArrayList<>();
        int type = firstType;
        int off = 0;
        while (type != 0) {
            if (off + 4 > plain.length) {
                throw new IllegalArgumentException("payload header past the end at " + off);
            }
            int next = plain[off] & 0xff;
            int len = (plain[off + 2] & 0xff) << 8 | (plain[off + 3] & 0xff);
            if (len < 4 || off + len > plain.length) {
                throw new IllegalArgumentException("bad payload length " + len + " at " + off);
            }
            out.add(new Payload(type, off, off + len, plain));
            off += len;
            type = next;
        }
        return new PayloadChain(out, off);
    }

    Payload first(int type) {
        return payloads.stream().filter(p -> p.type() == type).findFirst()
                .orElseThrow(() -> new AssertionError("no payload of type " + type));
    }

    /** The bytes from the end of the first payload (the HASH) to the end of the chain. */
    byte[] afterFirst(byte[] plain) {
        return Arrays.copyOfRange(plain, payloads.get(0).end(), end);
    }
}

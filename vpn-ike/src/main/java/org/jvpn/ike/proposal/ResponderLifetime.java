package org.jvpn.ike.proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jvpn.ike.wire.DataAttribute;
import org.jvpn.ike.wire.Phase2Attributes;

/**
 * The lifetimes a RESPONDER-LIFETIME notification (RFC 2407 section 4.6.3.1, type 24576) carries, parsed
 * leniently (PEERS.md section 3.1): a list of life type / duration attribute pairs, where the life type is
 * attribute class 11 (phase 1) or 1 (phase 2) and the duration class 12 or 2, each basic (TV) or variable
 * (TLV, 2 to 8 bytes). Several values of one kind: the minimum counts. FortiGate sends phase-1 values with
 * the phase-2 duration class: {@code 800b 0001 0002 0004 00007080} is 28800 seconds.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |1|   Life Type (11 or 1)       |   1 = seconds, 2 = kilobytes  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |A|   Life Duration (12 or 2)   |  length (TLV) or value (TV)   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                     value (TLV, 2..8 bytes)                   ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param seconds   the shortest lifetime in seconds, 0 if none was given
 * @param kilobytes the shortest lifetime in kilobytes, 0 if none was given
 */
public record ResponderLifetime(long seconds, long kilobytes) {

    private static final int PHASE1_LIFE_TYPE = 11;
    private static final int PHASE1_LIFE_DURATION = 12;

    /** The lifetimes in a notify's data, or empty when the data is not a clean list of type/duration pairs. */
    public static Optional<ResponderLifetime> parse(byte[] data) {
        long seconds = 0;
        long kilobytes = 0;
        int type = -1;
        int off = 0;
        while (off < data.length) {
            if (data.length - off < 4) {
                return Optional.empty();
            }
            int af = data[off] & 0x80;
            int cls = (data[off] & 0x7f) << 8 | data[off + 1] & 0xff;
            int word = (data[off + 2] & 0xff) << 8 | data[off + 3] & 0xff;
            long value;
            if (af != 0) {
                value = word;
                off += 4;
            } else {
                if (word < 2 || word > 8 || data.length - off - 4 < word) {
                    return Optional.empty();
                }
                value = 0;
                for (int i = 0; i < word; i++) {
                    value = value << 8 | data[off + 4 + i] & 0xff;
                }
                if (value < 0) {
                    value = Long.MAX_VALUE;
                }
                off += 4 + word;
            }
            if (cls == PHASE1_LIFE_TYPE || cls == Phase2Attributes.SA_LIFE_TYPE) {
                if (value != Phase2Attributes.LIFE_SECONDS && value != Phase2Attributes.LIFE_KILOBYTES) {
                    return Optional.empty();
                }
                type = (int) value;
            } else if (cls == PHASE1_LIFE_DURATION || cls == Phase2Attributes.SA_LIFE_DURATION) {
                if (type < 0 || value <= 0) {
                    return Optional.empty();
                }
                if (type == Phase2Attributes.LIFE_SECONDS) {
                    seconds = seconds == 0 ? value : Math.min(seconds, value);
                } else {
                    kilobytes = kilobytes == 0 ? value : Math.min(kilobytes, value);
                }
                type = -1;
            } else {
                return Optional.empty();
            }
        }
        if (seconds == 0 && kilobytes == 0) {
            return Optional.empty();
        }
        return Optional.of(new ResponderLifetime(seconds, kilobytes));
    }

    /** The phase-2 attributes for our own notification (seconds and/or kilobytes that are set). */
    public List<DataAttribute> toPhase2Attributes() {
        List<DataAttribute> out = new ArrayList<>();
        if (seconds > 0) {
            out.add(DataAttribute.tv(Phase2Attributes.SA_LIFE_TYPE, Phase2Attributes.LIFE_SECONDS));
            out.add(DataAttribute.number(Phase2Attributes.SA_LIFE_DURATION, seconds));
        }
        if (kilobytes > 0) {
            out.add(DataAttribute.tv(Phase2Attributes.SA_LIFE_TYPE, Phase2Attributes.LIFE_KILOBYTES));
            out.add(DataAttribute.number(Phase2Attributes.SA_LIFE_DURATION, kilobytes));
        }
        return out;
    }

    /** {@code ours} shortened by these values (a value of 0 on either side means none). */
    public static long shorter(long ours, long theirs) {
        if (theirs <= 0) {
            return ours;
        }
        return ours <= 0 ? theirs : Math.min(ours, theirs);
    }
}

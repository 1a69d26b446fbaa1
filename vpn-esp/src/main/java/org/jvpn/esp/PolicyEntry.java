package org.jvpn.esp;

import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.spi.dataplane.PolicyConfig;

/** An SPD entry: the policy and the outbound SA that currently carries its traffic. */
final class PolicyEntry {

    volatile PolicyConfig config;
    volatile @Nullable SecurityAssociation outbound;
    final AtomicBoolean acquirePending = new AtomicBoolean();

    PolicyEntry(PolicyConfig config) {
        this.config = config;
    }

    /** Outbound match: source in the local selector, destination in the remote one. */
    boolean matchesOutbound(byte[] b, int src, int dst, int addrLen) {
        PolicyConfig c = config;
        return c.local().contains(b, src, addrLen) && c.remote().contains(b, dst, addrLen);
    }

    /** Inbound check after decryption: source in the remote selector, destination in the local one. */
    boolean matchesInbound(byte[] b, int src, int dst, int addrLen) {
        PolicyConfig c = config;
        return c.remote().contains(b, src, addrLen) && c.local().contains(b, dst, addrLen);
    }

    /** SPD order: lower priority number first, then more specific selectors. */
    static int compare(PolicyEntry x, PolicyEntry y) {
        PolicyConfig a = x.config;
        PolicyConfig b = y.config;
        if (a.priority() != b.priority()) {
            return Integer.compare(a.priority(), b.priority());
        }
        int sa = a.local().prefixLength() + a.remote().prefixLength();
        int sb = b.local().prefixLength() + b.remote().prefixLength();
        if (sa != sb) {
            return Integer.compare(sb, sa);
        }
        return Long.compare(a.id(), b.id());
    }
}

package org.jvpn.esp;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.spi.dataplane.PolicyConfig;

/**
 * The SPD: policies by id for the control plane and, for the packet path, a volatile array of them in
 * SPD order ({@link PolicyEntry#compare}) that is replaced, never changed, on each write.
 *
 * <p>Reads ({@link #lookupOutbound}) are lock-free and allocation-free. Writes are not synchronized
 * here: the caller holds the data plane's lock, which also guards the SAD, so that an SA and its
 * policy change together.
 */
final class PolicyTable {

    private final Map<Long, PolicyEntry> policies = new HashMap<>();
    private volatile PolicyEntry[] spd = new PolicyEntry[0];

    /** The first policy in SPD order whose selectors match an outbound inner packet, if any. */
    @Nullable PolicyEntry lookupOutbound(byte[] b, int src, int dst, int addrLen) {
        for (PolicyEntry pe : spd) {
            if (pe.matchesOutbound(b, src, dst, addrLen)) {
                return pe;
            }
        }
        return null;
    }

    /** The entry of policy {@code id}, if any. Caller holds the lock. */
    @Nullable PolicyEntry get(long id) {
        return policies.get(id);
    }

    /** Adds the policy, or replaces the configuration of the entry with its id, and re-sorts. Caller holds the lock. */
    void put(PolicyConfig policy) {
        PolicyEntry pe = policies.get(policy.id());
        if (pe == null) {
            pe = new PolicyEntry(policy);
            policies.put(policy.id(), pe);
        } else {
            pe.config = policy;
        }
        PolicyEntry[] all = policies.values().toArray(new PolicyEntry[0]);
        Arrays.sort(all, PolicyEntry::compare);
        spd = all;
    }

    /** Removes policy {@code id}; returns false if there was none. Caller holds the lock. */
    boolean remove(long id) {
        PolicyEntry pe = policies.remove(id);
        if (pe == null) {
            return false;
        }
        spd = Arrays.stream(spd).filter(e -> e != pe).toArray(PolicyEntry[]::new);
        return true;
    }

    /** Removes every policy. Caller holds the lock. */
    void clear() {
        policies.clear();
        spd = new PolicyEntry[0];
    }
}

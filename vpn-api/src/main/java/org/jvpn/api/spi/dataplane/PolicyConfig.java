package org.jvpn.api.spi.dataplane;

import org.jvpn.api.config.Cidr;

/**
 * A security policy: traffic from {@code local} to {@code remote} is protected (outbound) by the
 * newest outbound SA installed for this policy, and decrypted traffic of its inbound SAs must come from
 * {@code remote} to {@code local}. Traffic that matches a policy with no SA is dropped and counted
 * ({@code NO_SA}) and raises {@link SaEvent.Kind#ACQUIRE} (never sent in clear); traffic that matches no
 * policy is dropped and counted ({@code NO_POLICY}).
 *
 * @param id        unique id chosen by the control plane
 * @param local     our side's selector (a local CIDR)
 * @param remote    the peer's side's selector (a peer CIDR)
 * @param priority  lower numbers win when selectors overlap; ties broken by longer prefixes
 */
public record PolicyConfig(long id, Cidr local, Cidr remote, int priority) {

    public PolicyConfig {
        if (local.isIpv4() != remote.isIpv4()) {
            throw new IllegalArgumentException("policy selectors must be of one IP version: " + local + " <-> " + remote);
        }
    }
}

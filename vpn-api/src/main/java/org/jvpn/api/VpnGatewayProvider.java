package org.jvpn.api;

import org.jvpn.api.config.GatewayConfig;

/** The service through which {@link VpnGateway#create} finds the implementation (vpn-ike provides it). */
public interface VpnGatewayProvider {

    /** A short name ("jvpn-ikev1"). */
    String name();

    VpnGateway create(GatewayConfig config, GatewayOptions options);
}

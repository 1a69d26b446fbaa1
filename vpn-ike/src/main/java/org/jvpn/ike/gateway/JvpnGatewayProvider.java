package org.jvpn.ike.gateway;

import org.jvpn.api.GatewayOptions;
import org.jvpn.api.VpnGateway;
import org.jvpn.api.VpnGatewayProvider;
import org.jvpn.api.config.GatewayConfig;

/** Provides the IKEv1 gateway to {@link VpnGateway#create} through {@link java.util.ServiceLoader}. */
public final class JvpnGatewayProvider implements VpnGatewayProvider {

    @Override
    public String name() {
        return "jvpn-ikev1";
    }

    @Override
    public VpnGateway create(GatewayConfig config, GatewayOptions options) {
        return new JvpnGateway(config, options);
    }
}

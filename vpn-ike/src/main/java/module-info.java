/**
 * IKEv1 wire format, key material, engine and the {@link org.jvpn.api.VpnGateway} implementation,
 * provided to {@code VpnGateway.create} through {@link java.util.ServiceLoader}.
 */
module org.jvpn.ike {
    requires transitive org.jvpn.api;
    requires org.jvpn.esp;
    requires static org.jspecify;
    requires org.slf4j;
    requires org.bouncycastle.provider;

    exports org.jvpn.ike.gateway;
    exports org.jvpn.ike.wire;
    exports org.jvpn.ike.keys;

    provides org.jvpn.api.VpnGatewayProvider with org.jvpn.ike.gateway.JvpnGatewayProvider;
}

/** IKEv1 wire format, key material, engine and the VpnGateway implementation. */
module org.jvpn.ike {
    requires transitive org.jvpn.api;
    requires org.jvpn.esp;
    requires static org.jspecify;
    requires org.slf4j;
    requires org.bouncycastle.provider;

    exports org.jvpn.ike.wire;

    exports org.jvpn.ike.keys;

    
}

/**
 * jvpn API: the configuration vocabulary (four cloud VPN resources) and the SPIs through which the
 * engine meets the outside world (packet I/O, time, crypto, data plane).
 */
module org.jvpn.api {
    requires static transitive org.jspecify;

    exports org.jvpn.api;
    uses org.jvpn.api.VpnGatewayProvider;
    exports org.jvpn.api.config;
    exports org.jvpn.api.spi.io;
    exports org.jvpn.api.spi.time;
    exports org.jvpn.api.spi.crypto;
    exports org.jvpn.api.spi.dataplane;
    exports org.jvpn.api.spi.keylog;

}

/** The ESP/AH data plane and the crypto back ends (JCA and Bouncy Castle). */
module org.jvpn.esp {
    requires transitive org.jvpn.api;
    requires static org.jspecify;
    requires org.slf4j;
    requires org.bouncycastle.provider;

    exports org.jvpn.esp;
    exports org.jvpn.esp.crypto;
}

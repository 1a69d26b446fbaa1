/** jvpn testkit: deterministic in-memory networks with a virtual clock. */
module org.jvpn.testkit {
    requires transitive org.jvpn.api;
    requires static org.jspecify;
    requires static org.junit.jupiter.api;

    exports org.jvpn.testkit;
    exports org.jvpn.testkit.time;
    exports org.jvpn.testkit.ip;
    exports org.jvpn.testkit.net;
    exports org.jvpn.testkit.pcap;
    exports org.jvpn.testkit.inner;
    exports org.jvpn.testkit.junit;
}

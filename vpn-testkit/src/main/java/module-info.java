/** jvpn testkit: deterministic in-memory networks with a virtual clock. */
module org.jvpn.testkit {
    requires transitive org.jvpn.api;
    requires static org.jspecify;
    requires static org.junit.jupiter.api;

    
}

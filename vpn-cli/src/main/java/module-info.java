/** The jvpn command line: {@code demo} and {@code run CONFIG}. */
module org.jvpn.cli {
    requires org.jvpn.api;
    requires org.jvpn.ike;
    requires org.jvpn.esp;
    requires org.jvpn.testkit;
    requires static org.jspecify;
    requires org.slf4j;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;

    opens org.jvpn.cli to info.picocli;
}

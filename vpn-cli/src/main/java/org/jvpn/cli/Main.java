package org.jvpn.cli;

/** Entry point of the jvpn command line. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.out.println("jvpn: not yet wired");
    }
}

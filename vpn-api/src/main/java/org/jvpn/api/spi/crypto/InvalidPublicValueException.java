package org.jvpn.api.spi.crypto;

/** A peer's Diffie-Hellman public value was refused (wrong length, 1 &lt; y &lt; p-1 violated, not on the curve). */
public class InvalidPublicValueException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidPublicValueException(String message) {
        super(message);
    }
}

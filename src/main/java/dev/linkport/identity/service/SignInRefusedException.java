package dev.linkport.identity.service;

import dev.linkport.platform.LinkportException;

/** A sign-in that Linkport refuses after the identity provider accepted it, e.g. of a disabled user. */
public class SignInRefusedException extends LinkportException {

    public SignInRefusedException(String message) {
        super(message);
    }
}

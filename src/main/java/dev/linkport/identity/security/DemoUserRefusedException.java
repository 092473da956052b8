package dev.linkport.identity.security;

import org.springframework.security.authentication.DisabledException;

/**
 * A demo user, still with the public demo password, tried to sign in to a Linkport that is not in
 * sandbox mode. Raised only after the password was checked, so the message tells nothing to someone
 * who does not know it.
 */
public class DemoUserRefusedException extends DisabledException {

    public DemoUserRefusedException() {
        super("Demo users can sign in only in sandbox mode");
    }
}

package dev.linkport.platform.security;

/**
 * Whether the signed-in caller is a platform admin <em>now</em>, as the database says — never the flag a session
 * remembered from sign-in. Implemented by identity (its {@code AccessPolicy}, the one admin check every service uses);
 * modules that identity itself depends on (audit) ask through this port.
 */
public interface PlatformAdmins {

    /**
     * Whether the signed-in caller is a platform admin, read from the database.
     *
     * @throws org.springframework.security.access.AccessDeniedException when nobody is signed in, or the user no
     *                                                                     longer exists or is disabled
     */
    boolean callerIsAdmin();
}

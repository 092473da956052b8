package dev.linkport.platform;

/**
 * The AWS sandbox's public DNS, for the "publish the TXT record for me" helper. Exists only in
 * sandbox mode (inject it as {@code Optional<SandboxDns>}); real DNS is the provider's business.
 */
public interface SandboxDns {

    /** Publishes (or replaces) a TXT record, as the provider would at their DNS host. */
    void publishTxtRecord(String name, String value);
}

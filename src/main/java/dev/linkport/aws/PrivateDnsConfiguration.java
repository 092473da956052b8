package dev.linkport.aws;

/**
 * An endpoint service's private DNS name and the TXT record that proves the provider owns the domain.
 *
 * @param verificationState {@code pendingVerification}, {@code verified} or {@code failed}
 * @param txtRecordName     the record name to publish (e.g. {@code _abc123.example.com}), may be {@code null}
 * @param txtRecordValue    the value to publish, may be {@code null}
 */
public record PrivateDnsConfiguration(String name, String verificationState, String txtRecordName,
        String txtRecordValue) {

    public boolean verified() {
        return "verified".equals(verificationState);
    }
}

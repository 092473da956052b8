package dev.linkport.aws;

/** A DNS name of an interface endpoint (regional or zonal) and the Route 53 hosted zone that serves it. */
public record DnsEntry(String dnsName, String hostedZoneId) {
}

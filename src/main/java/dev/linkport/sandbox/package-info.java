/**
 * The built-in AWS sandbox: an emulator of the EC2, ELBv2 and STS Query APIs that Linkport uses,
 * speaking the real wire protocol on a loopback port.
 *
 * <p>The unmodified AWS SDK and the AWS CLI work against it. This package owns the emulated world
 * (accounts and their {@code LinkportAccess} roles, VPCs, subnets, security groups, network load
 * balancers, endpoint service configurations, allowed principals, interface endpoints and their
 * connections, DNS TXT records), its PrivateLink semantics (per-account AZ names, acceptance, state
 * delays, DNS names, private DNS verification, ClientToken idempotency, AWS's throttling buckets,
 * fault injection), its JSON control API under {@code /_sandbox/}, its persistence to a JSON file,
 * and its Spring wiring in sandbox mode.
 *
 * <p>{@link dev.linkport.sandbox.SandboxServer} is free of Spring;
 * {@link dev.linkport.sandbox.SandboxConfiguration} runs it inside the application.
 */
package dev.linkport.sandbox;

/**
 * The AWS sandbox: an emulator of the EC2, ELBv2 and STS Query APIs that Linkport uses, speaking the real
 * wire protocol on a local port, inside Linkport or as a process of its own.
 *
 * <p>The unmodified AWS SDK and the AWS CLI work against it. This package owns the emulated world
 * (accounts and their {@code LinkportAccess} roles, VPCs, subnets, security groups, network load
 * balancers, endpoint service configurations, allowed principals, interface endpoints and their
 * connections, DNS TXT records), its PrivateLink semantics (per-account AZ names, acceptance, state
 * delays, DNS names, private DNS verification, ClientToken idempotency, AWS's throttling buckets,
 * fault injection), its JSON control API under {@code /_sandbox/}, its persistence to a JSON file,
 * the {@code sandbox} command, and its Spring wiring in sandbox mode.
 *
 * <p>{@link dev.linkport.sandbox.SandboxServer} is free of Spring. Three ways to run it:
 * <ul>
 *   <li>{@link dev.linkport.sandbox.SandboxCommand} ({@code java -jar linkport.jar sandbox}) runs it as a
 *       process of its own, before and without Spring, so that several Linkport instances share one AWS
 *       world and a crash of Linkport leaves it running;</li>
 *   <li>{@link dev.linkport.sandbox.SandboxConfiguration} runs it inside Linkport
 *       ({@link dev.linkport.sandbox.SandboxLifecycle}), or, when {@code linkport.sandbox.url} is set, connects
 *       to one running on its own ({@link dev.linkport.sandbox.RemoteSandbox}): the AWS endpoint, and TXT
 *       records published through its control API;</li>
 *   <li>tests start it directly with {@link dev.linkport.sandbox.SandboxServer#builder()}.</li>
 * </ul>
 */
package dev.linkport.sandbox;

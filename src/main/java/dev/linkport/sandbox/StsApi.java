package dev.linkport.sandbox;

import dev.linkport.sandbox.WorldState.Account;
import dev.linkport.sandbox.WorldState.Session;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The STS Query API (version 2011-06-15): AssumeRole and GetCallerIdentity. */
final class StsApi {

    static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final Pattern ROLE_ARN =
            Pattern.compile("arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}):(role/(?:.*/)?([\\w+=,.@-]+))");
    private static final int MAX_SESSION_SECONDS = 3600;

    private final SandboxWorld world;

    StsApi(SandboxWorld world) {
        this.world = world;
    }

    /** Handles one request; the caller holds the world's lock. */
    String handle(QueryRequest r) {
        return switch (r.action()) {
            case "AssumeRole" -> assumeRole(r);
            case "GetCallerIdentity" -> {
                CallerIdentity c = r.caller();
                yield envelope(r).leaf("UserId", c.userId()).leaf("Account", c.accountId()).leaf("Arn", c.arn())
                        .close().open("ResponseMetadata").leaf("RequestId", r.requestId()).close().toString();
            }
            default -> throw new AwsException("InvalidAction",
                    "Could not find operation " + r.action() + " for version 2011-06-15");
        };
    }

    private static Xml envelope(QueryRequest r) {
        return new Xml().open(r.action() + "Response", NAMESPACE).open(r.action() + "Result");
    }

    /**
     * Whether the account has the role ({@code role/<path/>name}, in whichever partition the caller names it): its
     * {@code LinkportAccess} role, or one added with {@link SandboxControl#createRole}; all trust Linkport with the
     * account's ExternalId.
     */
    private static boolean hasRole(Account account, String role) {
        return account.roleArn.endsWith(":" + role)
                || account.otherRoles.stream().anyMatch(other -> other.endsWith(":" + role));
    }

    private String assumeRole(QueryRequest r) {
        CallerIdentity c = r.caller();
        String roleArn = r.required("RoleArn");
        String sessionName = r.required("RoleSessionName");
        if (!sessionName.matches("[\\w+=,.@-]{2,64}")) {
            throw new AwsException("ValidationError", "1 validation error detected: Value '" + sessionName
                    + "' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression "
                    + "pattern: [\\w+=,.@-]*");
        }
        Integer duration = r.integer("DurationSeconds");
        int seconds = duration == null ? 3600 : duration;
        if (seconds < 900) {
            throw new AwsException("ValidationError", "1 validation error detected: Value '" + seconds
                    + "' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or "
                    + "equal to 900");
        }
        if (seconds > MAX_SESSION_SECONDS) {
            throw new AwsException("ValidationError",
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        Matcher m = ROLE_ARN.matcher(roleArn);
        Account account = m.matches() ? world.state().accounts.get(m.group(2)) : null;
        String externalId = r.get("ExternalId");
        if (account == null || !hasRole(account, m.group(3)) || !account.externalId.equals(externalId)) {
            throw new AwsException("AccessDenied", "User: " + c.arn()
                    + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn, 403);
        }
        Session s = new Session();
        s.accessKeyId = "ASIA" + world.randomUpper(16);
        s.secretAccessKey = world.randomSecret(40);
        s.sessionToken = "IQoJb3JpZ2luX2VjE" + world.randomSecret(300);
        s.accountId = account.id;
        s.roleArn = roleArn;
        s.roleId = "AROA" + SandboxWorld.stableHex(roleArn, 17).toUpperCase(Locale.ROOT);
        s.sessionName = sessionName;
        s.expiresAt = world.now() + seconds * 1000L;
        world.state().sessions.put(s.accessKeyId, s);
        String assumedArn = "arn:" + m.group(1) + ":sts::" + account.id + ":assumed-role/" + m.group(4) + "/"
                + sessionName;
        return envelope(r).open("Credentials").leaf("AccessKeyId", s.accessKeyId)
                .leaf("SecretAccessKey", s.secretAccessKey).leaf("SessionToken", s.sessionToken)
                .leaf("Expiration", Instant.ofEpochMilli(s.expiresAt)).close()
                .open("AssumedRoleUser").leaf("AssumedRoleId", s.roleId + ":" + sessionName).leaf("Arn", assumedArn)
                .close().close().open("ResponseMetadata").leaf("RequestId", r.requestId()).close().toString();
    }
}

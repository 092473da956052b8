package dev.linkport.identity.service;

import dev.linkport.aws.AccessProbe;
import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.identity.domain.AccountAccessCheck;
import dev.linkport.identity.domain.AccountAccessCheckRepository;
import dev.linkport.identity.domain.AwsAccount;
import dev.linkport.identity.domain.AwsAccountRepository;
import dev.linkport.identity.service.AccessCheckResult.Outcome;
import dev.linkport.identity.service.AccessCheckResult.Step;
import dev.linkport.identity.service.AccessCheckResult.StepOutcome;
import dev.linkport.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Test access" for a team's AWS account: assumes the account's role with its ExternalId, then makes one small
 * read per permission group Linkport needs, and explains every failure in words a platform engineer acts on.
 * Records the last result on the account.
 *
 * <p>Only the team's owners and platform admins test (the same people who register and edit accounts). Not
 * transactional: the AWS calls happen between a short read that authorizes and a short write that records,
 * never inside a transaction. The calls block for seconds; views run them in the background.
 */
@Service
public class AccessCheckService {

    /** One read per permission group of {@link AccountPolicies}, in the order people set them up. */
    static final List<PermissionGroup> GROUPS = List.of(
            new PermissionGroup("Provider: endpoint services", AccessProbe.DESCRIBE_ENDPOINT_SERVICES),
            new PermissionGroup("Provider: load balancers", AccessProbe.DESCRIBE_LOAD_BALANCERS),
            new PermissionGroup("Consumer: interface endpoints", AccessProbe.DESCRIBE_ENDPOINTS),
            new PermissionGroup("Consumer: VPCs and subnets", AccessProbe.DESCRIBE_VPCS));

    static final String ASSUME_ROLE_STEP = "Assume the role";

    /** A group of permissions Linkport needs, and the read that shows whether the role has them. */
    record PermissionGroup(String name, AccessProbe probe) {
    }

    private static final Pattern IAM_PRINCIPAL = Pattern.compile(
            "arn:(aws[a-z-]*):iam::(\\d{12}):(root|role/(?:[^/]*/)*([\\w+=,.@-]+)|user/.+)");
    private static final Pattern ASSUMED_ROLE = Pattern.compile(
            "arn:(aws[a-z-]*):sts::(\\d{12}):assumed-role/([\\w+=,.@-]+)/.+");

    private final AwsAccountRepository accounts;
    private final AccountAccessCheckRepository checks;
    private final AccessPolicy access;
    private final AccountService accountService;
    private final PrivateLinkGateway gateway;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate writes;
    private final Clock clock;

    public AccessCheckService(AwsAccountRepository accounts, AccountAccessCheckRepository checks,
                              AccessPolicy access, AccountService accountService, PrivateLinkGateway gateway,
                              PlatformTransactionManager transactions, Clock clock) {
        this.accounts = accounts;
        this.checks = checks;
        this.access = access;
        this.accountService = accountService;
        this.gateway = gateway;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.writes = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Tests the account with this Linkport id: AssumeRole, then one read per permission group in the account's
     * first region. Blocks while AWS answers (retrying throttled calls); never call it on a UI thread.
     *
     * @throws NotFoundException  if there is no such account or the caller is not in its team
     * @throws dev.linkport.platform.ForbiddenException if the caller is neither an owner of its team nor an admin
     */
    public AccessCheckResult check(UUID id) {
        return check(a -> a.findById(id));
    }

    /** As {@link #check(UUID)}, for the account with this 12-digit AWS account id. */
    public AccessCheckResult checkAccount(String accountId) {
        return check(a -> a.findByAccountId(accountId == null ? "" : accountId.trim()));
    }

    /** The last check of each of the team's accounts that was ever checked, by the account's Linkport id. */
    public Map<UUID, LastAccessCheck> lastChecksOfTeam(UUID teamId) {
        return readOnly.execute(tx -> {
            Caller caller = access.caller();
            if (!caller.admin() && !caller.isMemberOf(teamId)) {
                throw new NotFoundException("No such team, or you are not in it");
            }
            List<UUID> ids = accounts.findByTeamIdOrderByAccountId(teamId).stream().map(AwsAccount::getId).toList();
            Map<UUID, LastAccessCheck> last = new HashMap<>();
            checks.findAllById(ids).forEach(c -> last.put(c.getAccountId(), new LastAccessCheck(c.getCheckedAt(),
                    c.getCheckedBy(), Outcome.valueOf(c.getOutcome()), c.getSummary())));
            return last;
        });
    }

    private record Subject(UUID id, String accountId, String roleArn, String externalId, String principal,
                           AwsTarget target, String trustPolicy, String providerPolicy, String consumerPolicy,
                           String username) {
    }

    private AccessCheckResult check(Function<AwsAccountRepository, java.util.Optional<AwsAccount>> find) {
        Subject subject = readOnly.execute(tx -> {
            Caller caller = access.caller();
            AwsAccount account = find.apply(accounts)
                    .filter(a -> caller.admin() || caller.isMemberOf(a.getTeam().getId()))
                    .orElseThrow(() -> new NotFoundException(
                            "No such AWS account, or it belongs to a team you are not in"));
            access.requireOwnerOrAdmin(account.getTeam().getId(),
                    "Only the team's owners and platform admins test an account's access");
            String region = account.getRegions().iterator().next();
            String principal = accountService.linkportPrincipal();
            return new Subject(account.getId(), account.getAccountId(), account.getRoleArn(),
                    account.getExternalId(), principal,
                    AccountDirectory.ref(account).target(region, caller.username()),
                    AccountPolicies.trustPolicy(principal, account.getExternalId()),
                    AccountPolicies.providerPolicy(account.getAccountId(), account.getTeam().getName(),
                            account.getRegions()),
                    AccountPolicies.consumerPolicy(account.getAccountId(), account.getTeam().getName(),
                            account.getRegions()), caller.username());
        });

        List<Step> steps = new ArrayList<>();
        Step assumed = assumeRole(subject);
        steps.add(assumed);
        for (PermissionGroup group : GROUPS) {
            steps.add(assumed.outcome() == StepOutcome.PASSED ? read(subject, group)
                    : new Step(group.name(), group.probe().iamAction(), StepOutcome.SKIPPED,
                            "Not checked: Linkport could not assume the role.", ""));
        }
        Outcome outcome = steps.stream().anyMatch(s -> s.outcome() == StepOutcome.FAILED) ? Outcome.FAILED
                : steps.stream().anyMatch(s -> s.outcome() == StepOutcome.TRY_AGAIN) ? Outcome.TRY_AGAIN
                : Outcome.OK;
        Instant now = clock.instant();
        AccessCheckResult result = new AccessCheckResult(subject.id(), subject.accountId(), subject.target().region(),
                subject.roleArn(), now, outcome, summary(subject, outcome, steps), steps, subject.trustPolicy(),
                subject.providerPolicy(), subject.consumerPolicy());
        record(subject, result);
        return result;
    }

    private Step assumeRole(Subject s) {
        try {
            gateway.assumeRole(s.target());
            return passed(ASSUME_ROLE_STEP, "sts:AssumeRole");
        } catch (AwsGatewayException e) {
            if (e.isTransient()) {
                return tryAgain(ASSUME_ROLE_STEP, "sts:AssumeRole", e);
            }
            return new Step(ASSUME_ROLE_STEP, "sts:AssumeRole", StepOutcome.FAILED, assumeRoleExplanation(s, e),
                    awsError(e));
        }
    }

    private Step read(Subject s, PermissionGroup group) {
        String permission = group.probe().iamAction();
        try {
            gateway.probe(s.target(), group.probe());
            return passed(group.name(), permission);
        } catch (AwsGatewayException e) {
            if (e.isTransient()) {
                return tryAgain(group.name(), permission, e);
            }
            if (e.assumeRoleDenied()) {
                // the role let Linkport in a moment ago and no longer does (its trust policy changed meanwhile)
                return new Step(group.name(), permission, StepOutcome.FAILED, assumeRoleExplanation(s, e),
                        awsError(e));
            }
            if (e.accessDenied()) {
                return new Step(group.name(), permission, StepOutcome.FAILED, "Missing permission "
                        + e.deniedPermission().orElse(permission) + " — attach the permissions policy shown below "
                        + "to the role " + s.roleArn() + ".", awsError(e));
            }
            return new Step(group.name(), permission, StepOutcome.FAILED, "AWS refused " + permission + " in "
                    + s.target().region() + " (" + e.errorCode().orElse("no error code") + "): "
                    + e.awsMessage(), awsError(e));
        }
    }

    /**
     * Why AssumeRole failed, as far as Linkport can tell: AWS answers the same AccessDenied for a trust policy
     * that does not name Linkport's principal, a wrong or missing ExternalId condition and a role that does not
     * exist, so the words name each with the exact value to check — except where the principal AWS refused
     * differs from the one the trust policy shows, which Linkport can see.
     */
    private static String assumeRoleExplanation(Subject s, AwsGatewayException e) {
        if (!e.accessDenied()) {
            if (e.errorCode().isEmpty() || e.errorCode().filter(c -> c.startsWith("InvalidClientTokenId")
                    || c.equals("SignatureDoesNotMatch") || c.equals("ExpiredToken")).isPresent()) {
                return "Linkport's own AWS credentials were not accepted, so it could not ask for the role: "
                        + e.awsMessage() + " — check the credentials Linkport runs with.";
            }
            return "AWS refused AssumeRole (" + e.errorCode().orElseThrow() + "): " + e.awsMessage();
        }
        String caller = e.deniedPrincipal().orElse(null);
        if (s.principal().contains("<")) {
            return "Linkport's principal is not configured (linkport.aws.principal-arn), so the trust policy shown "
                    + "below cannot name it" + (caller == null ? "" : "; Linkport runs as " + caller)
                    + ". Set it, then put that principal into the role's trust policy.";
        }
        if (caller != null && !principalCovers(s.principal(), caller)) {
            return "The role's trust policy does not trust Linkport's principal: Linkport runs as " + caller
                    + ", but the trust policy shown below names " + s.principal()
                    + ". Set linkport.aws.principal-arn to the principal Linkport runs as and update the trust policy.";
        }
        return "AWS refused to let Linkport assume " + s.roleArn() + ". AWS does not say why; one of these is "
                + "wrong: the role's trust policy does not trust Linkport's principal " + s.principal()
                + "; or the ExternalId does not match — the trust policy must require " + s.externalId()
                + " (condition sts:ExternalId); or there is no role " + s.roleArn() + ". Compare the role's trust "
                + "policy with the one shown below.";
    }

    /**
     * Whether a trust policy naming {@code principal} lets {@code caller} in: the same ARN, the account root of
     * the caller's account, or the role whose session the caller is.
     */
    static boolean principalCovers(String principal, String caller) {
        if (principal.equals(caller)) {
            return true;
        }
        Matcher p = IAM_PRINCIPAL.matcher(principal);
        if (!p.matches()) {
            return true; // not an ARN Linkport understands (e.g. a service principal): do not claim a mismatch
        }
        String callerAccount = null;
        String callerRole = null;
        Matcher assumed = ASSUMED_ROLE.matcher(caller);
        Matcher iam = IAM_PRINCIPAL.matcher(caller);
        if (assumed.matches()) {
            callerAccount = assumed.group(2);
            callerRole = assumed.group(3);
        } else if (iam.matches()) {
            callerAccount = iam.group(2);
        }
        if (callerAccount == null || !callerAccount.equals(p.group(2))) {
            return false;
        }
        if ("root".equals(p.group(3))) {
            return true;
        }
        return p.group(4) != null && p.group(4).equals(callerRole);
    }

    private static String summary(Subject s, Outcome outcome, List<Step> steps) {
        return switch (outcome) {
            case OK -> "Linkport can assume the role and read what it needs in " + s.target().region();
            case TRY_AGAIN -> "AWS did not answer every check — try again in a minute";
            case FAILED -> {
                Step assume = steps.getFirst();
                if (assume.outcome() == StepOutcome.FAILED) {
                    yield "Linkport cannot assume the role — check its trust policy and ExternalId";
                }
                List<String> missing = steps.stream().filter(st -> st.outcome() == StepOutcome.FAILED)
                        .map(Step::permission).toList();
                yield "Missing permission" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                        + " — attach the permissions policy";
            }
        };
    }

    private void record(Subject s, AccessCheckResult result) {
        try {
            writes.executeWithoutResult(tx -> {
                AccountAccessCheck last = checks.findById(s.id()).orElseGet(() -> new AccountAccessCheck(s.id()));
                last.record(result.checkedAt(), s.username(), result.outcome().name(), result.summary());
                checks.save(last);
            });
        } catch (DataIntegrityViolationException gone) {
            // the account was removed while AWS answered: nothing to record it on
        }
    }

    private static Step passed(String name, String permission) {
        return new Step(name, permission, StepOutcome.PASSED, "", "");
    }

    private static Step tryAgain(String name, String permission, AwsGatewayException e) {
        String why = e.deferred() ? "Linkport is holding calls to this account back to stay within its AWS rate limits"
                : e.throttled() ? "AWS throttled the call (the account's API rate limit is used up)"
                : e.httpStatus() >= 500 ? "AWS answered with an error on its side"
                : "AWS could not be reached";
        return new Step(name, permission, StepOutcome.TRY_AGAIN, why + " — try again in a minute.", awsError(e));
    }

    private static String awsError(AwsGatewayException e) {
        return e.errorCode().map(code -> code + ": ").orElse("") + e.awsMessage();
    }
}

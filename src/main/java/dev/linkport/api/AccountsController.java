package dev.linkport.api;

import dev.linkport.api.Pages.Items;
import dev.linkport.identity.ApiScope;
import dev.linkport.aws.NetworkLoadBalancer;
import dev.linkport.aws.SecurityGroup;
import dev.linkport.aws.Subnet;
import dev.linkport.aws.Vpc;
import dev.linkport.identity.service.AccessCheckResult;
import dev.linkport.identity.service.AccessCheckService;
import dev.linkport.identity.service.AccountDetails;
import dev.linkport.identity.service.AccountResources;
import dev.linkport.identity.service.AccountCommands.RegisterAccount;
import dev.linkport.identity.service.AccountService;
import dev.linkport.identity.service.TeamService;
import dev.linkport.identity.service.TeamViews.TeamRow;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's team accounts, registering and removing them, and what they hold in AWS, read live,
 * for filling in the other requests.
 */
@RestController
@RequestMapping(path = "/api/v1/accounts", produces = "application/json")
@Tag(name = "Accounts", description = "Your teams' AWS accounts and their load balancers, VPCs, subnets, security groups")
class AccountsController {

    /** An AWS account registered for one of the caller's teams. */
    record Account(String accountId, String name, String team, List<String> regions, String roleArn) {
    }

    /**
     * An AWS account with what its IAM role needs: the ExternalId Linkport generated, the role's
     * trust policy (Linkport's principal, with that ExternalId) and its least-privilege permission policies,
     * split by side: the provider policy (attach when the account hosts services) and the consumer policy
     * (attach when it holds endpoints), all as IAM JSON documents. Creates are allowed only with Linkport's
     * tags naming the team, changes only on resources carrying them.
     */
    record AccountWithPolicies(String accountId, String name, String team, List<String> regions, String roleArn,
                               String externalId, String trustPolicy, String providerPolicy, String consumerPolicy,
                               boolean canManage) {
    }

    /** An AWS account to register for a team. */
    record RegisterAccountBody(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "payments",
                    description = "the team's name") String team,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "111111111111") String accountId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "payments-prod") String displayName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"us-east-1\"]") Set<String> regions,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "arn:aws:iam::111111111111:role/linkport") String roleArn) {
    }

    /**
     * A load balancer, as ELBv2 names it; only {@code type=network} can front a service. {@code targetTypes} are its
     * target groups' ({@code instance}, {@code ip}, {@code alb}); {@code targetsOutsideVpc} says it sends traffic to
     * IP addresses outside its VPC (zone {@code all}: an application on premises over Direct Connect or VPN). Both
     * are null when the account's role may not read target groups.
     */
    record LoadBalancer(String loadBalancerArn, String loadBalancerName, String type, String scheme, String state,
                        List<Zone> availabilityZones,
                        @Schema(description = "Target types of its target groups: instance, ip, alb",
                                example = "[\"ip\"]") List<String> targetTypes,
                        @Schema(description = "Whether ip targets outside the VPC (on premises, over Direct Connect "
                                + "or VPN) are registered, in Availability Zone all") Boolean targetsOutsideVpc) {
    }

    record Zone(String zoneName, String zoneId) {
    }

    record VpcItem(String vpcId, String cidrBlock, String state, boolean isDefault, String name) {
    }

    record SubnetItem(String subnetId, String vpcId, String availabilityZone, String availabilityZoneId,
                      String cidrBlock, String name) {
    }

    record SecurityGroupItem(String groupId, String groupName, String description, String vpcId) {
    }

    /**
     * What "Test access" found: {@code outcome} is {@code OK}, {@code FAILED} (the role must change; the steps say
     * how) or {@code TRY_AGAIN} (AWS did not answer).
     */
    record AccessCheck(String accountId, String region, String roleArn, Instant checkedAt, String outcome,
                       String summary, List<AccessCheckStep> steps, String trustPolicy, String providerPolicy,
                       String consumerPolicy) {
    }

    /** One step: AssumeRole, or the read of one permission group ({@code PASSED}, {@code FAILED}, {@code TRY_AGAIN}, {@code SKIPPED}). */
    record AccessCheckStep(String name, String permission, String outcome, String explanation, String awsError) {
    }

    private final AccountService accounts;
    private final AccountResources resources;
    private final TeamService teams;
    private final AccessCheckService accessChecks;

    AccountsController(AccountService accounts, AccountResources resources, TeamService teams,
                       AccessCheckService accessChecks) {
        this.accounts = accounts;
        this.resources = resources;
        this.teams = teams;
        this.accessChecks = accessChecks;
    }

    @GetMapping
    @Operation(summary = "The AWS accounts of the caller's teams, or of one team",
            description = "team: a team's name; the caller's own teams, any team for platform admins.")
    Items<Account> accounts(@RequestParam(required = false) String team) {
        if (team == null || team.isBlank()) {
            return new Items<>(accounts.myAccounts().stream().map(AccountsController::account).toList());
        }
        UUID teamId = teams.teamNamed(team).map(TeamRow::id)
                .orElseThrow(() -> new NotFoundException("No team " + team.trim() + ", or you are not in it"));
        return new Items<>(accounts.accountsOf(teamId).stream().map(AccountsController::account).toList());
    }

    @GetMapping("/{accountId}")
    @Operation(summary = "One account with its ExternalId, trust policy and permission policy")
    AccountWithPolicies account(@PathVariable String accountId) {
        return withPolicies(accounts.accountByAwsId(accountId));
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @NeedsScope(ApiScope.ADMIN)
    @Operation(summary = "Register an AWS account for a team (its owners, platform admins)",
            description = "Answers the ExternalId Linkport generated and the two IAM policies to attach to the "
                    + "role: the trust policy (as the role's trust relationship) and the permission policy.")
    ResponseEntity<AccountWithPolicies> register(@RequestBody RegisterAccountBody body) {
        if (body.team() == null || body.team().isBlank()) {
            throw InvalidInputException.of("team", "Name the team that owns the account");
        }
        UUID teamId = teams.teamNamed(body.team()).map(TeamRow::id).orElseThrow(() -> InvalidInputException.of(
                "team", "No team " + body.team().trim() + ", or you are not in it"));
        AccountWithPolicies registered = withPolicies(accounts.register(new RegisterAccount(teamId, body.accountId(),
                body.displayName(), body.regions() == null ? Set.of() : body.regions(), body.roleArn())));
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + registered.accountId())).body(registered);
    }

    @DeleteMapping("/{accountId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @NeedsScope(ApiScope.ADMIN)
    @Operation(summary = "Remove an account that nothing in Linkport uses any more (its team's owners, admins)",
            description = "409 while services or endpoint requests still use it.")
    ResponseEntity<Void> remove(@PathVariable String accountId) {
        AccountDetails account = accounts.accountByAwsId(accountId);
        accounts.remove(account.id(), account.version());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{accountId}/load-balancers")
    @Operation(summary = "Load balancers in the account and region (read from AWS)")
    Items<LoadBalancer> loadBalancers(@PathVariable String accountId, @RequestParam String region) {
        return new Items<>(resources.loadBalancers(accountId, region).stream().map(AccountsController::loadBalancer)
                .toList());
    }

    @GetMapping("/{accountId}/vpcs")
    @Operation(summary = "VPCs in the account and region (read from AWS)")
    Items<VpcItem> vpcs(@PathVariable String accountId, @RequestParam String region) {
        return new Items<>(resources.vpcs(accountId, region).stream().map(AccountsController::vpc).toList());
    }

    @GetMapping("/{accountId}/subnets")
    @Operation(summary = "Subnets of a VPC, with zone names and zone IDs (read from AWS)")
    Items<SubnetItem> subnets(@PathVariable String accountId, @RequestParam String region,
                              @RequestParam String vpcId) {
        return new Items<>(resources.subnets(accountId, region, vpcId).stream().map(AccountsController::subnet)
                .toList());
    }

    @GetMapping("/{accountId}/security-groups")
    @Operation(summary = "Security groups of a VPC (read from AWS)")
    Items<SecurityGroupItem> securityGroups(@PathVariable String accountId, @RequestParam String region,
                                            @RequestParam String vpcId) {
        return new Items<>(resources.securityGroups(accountId, region, vpcId).stream()
                .map(AccountsController::securityGroup).toList());
    }

    @PostMapping("/{accountId}/access-check")
    @NeedsScope(ApiScope.READ)
    @Operation(summary = "Test access: assume the account's role with its ExternalId, then one read per permission "
            + "group Linkport needs; every failure explained (team owners and admins)")
    AccessCheck accessCheck(@PathVariable String accountId) {
        AccessCheckResult r = accessChecks.checkAccount(accountId);
        return new AccessCheck(r.accountId(), r.region(), r.roleArn(), r.checkedAt(), r.outcome().name(), r.summary(),
                r.steps().stream().map(s -> new AccessCheckStep(s.name(), s.permission(), s.outcome().name(),
                        s.explanation(), s.awsError())).toList(), r.trustPolicy(), r.providerPolicy(),
                r.consumerPolicy());
    }

    private static AccountWithPolicies withPolicies(AccountDetails a) {
        return new AccountWithPolicies(a.accountId(), a.displayName(), a.teamName(), List.copyOf(a.regions()),
                a.roleArn(), a.externalId(), a.trustPolicy(), a.providerPolicy(), a.consumerPolicy(), a.canManage());
    }

    private static Account account(AccountDetails a) {
        return new Account(a.accountId(), a.displayName(), a.teamName(), List.copyOf(a.regions()), a.roleArn());
    }

    private static LoadBalancer loadBalancer(NetworkLoadBalancer l) {
        return new LoadBalancer(l.arn(), l.name(), l.type(), l.scheme(), l.state(),
                l.availabilityZones().stream().map(z -> new Zone(z.name(), z.id())).toList(),
                l.targetGroups() == null ? null : l.targetTypes(),
                l.targetGroups() == null ? null : l.reachesOutsideVpc());
    }

    private static VpcItem vpc(Vpc v) {
        return new VpcItem(v.vpcId(), v.cidrBlock(), v.state(), v.isDefault(), v.name());
    }

    private static SubnetItem subnet(Subnet s) {
        return new SubnetItem(s.subnetId(), s.vpcId(), s.availabilityZone(), s.availabilityZoneId(), s.cidrBlock(),
                s.name());
    }

    private static SecurityGroupItem securityGroup(SecurityGroup g) {
        return new SecurityGroupItem(g.groupId(), g.groupName(), g.description(), g.vpcId());
    }
}

package dev.linkport.api;

import dev.linkport.api.Pages.Items;
import dev.linkport.aws.NetworkLoadBalancer;
import dev.linkport.aws.SecurityGroup;
import dev.linkport.aws.Subnet;
import dev.linkport.aws.Vpc;
import dev.linkport.identity.service.AccessCheckResult;
import dev.linkport.identity.service.AccessCheckService;
import dev.linkport.identity.service.AccountDetails;
import dev.linkport.identity.service.AccountResources;
import dev.linkport.identity.service.AccountService;
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

/** The caller's team accounts and what they hold in AWS, read live, for filling in the other requests. */
@RestController
@RequestMapping(path = "/api/v1/accounts", produces = "application/json")
@Tag(name = "Accounts", description = "Your teams' AWS accounts and their load balancers, VPCs, subnets, security groups")
class AccountsController {

    /** An AWS account registered for one of the caller's teams. */
    record Account(String accountId, String name, String team, List<String> regions, String roleArn) {
    }

    /** A load balancer, as ELBv2 names it; only {@code type=network} can front a service. */
    record LoadBalancer(String loadBalancerArn, String loadBalancerName, String type, String scheme, String state,
                        List<Zone> availabilityZones) {
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
                       String summary, List<AccessCheckStep> steps, String trustPolicy, String permissionPolicy) {
    }

    /** One step: AssumeRole, or the read of one permission group ({@code PASSED}, {@code FAILED}, {@code TRY_AGAIN}, {@code SKIPPED}). */
    record AccessCheckStep(String name, String permission, String outcome, String explanation, String awsError) {
    }

    private final AccountService accounts;
    private final AccountResources resources;
    private final AccessCheckService accessChecks;

    AccountsController(AccountService accounts, AccountResources resources, AccessCheckService accessChecks) {
        this.accounts = accounts;
        this.resources = resources;
        this.accessChecks = accessChecks;
    }

    @GetMapping
    @Operation(summary = "The AWS accounts of the caller's teams")
    Items<Account> accounts() {
        return new Items<>(accounts.myAccounts().stream().map(AccountsController::account).toList());
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
    @Operation(summary = "Test access: assume the account's role with its ExternalId, then one read per permission "
            + "group Linkport needs; every failure explained (team owners and admins)")
    AccessCheck accessCheck(@PathVariable String accountId) {
        AccessCheckResult r = accessChecks.checkAccount(accountId);
        return new AccessCheck(r.accountId(), r.region(), r.roleArn(), r.checkedAt(), r.outcome().name(), r.summary(),
                r.steps().stream().map(s -> new AccessCheckStep(s.name(), s.permission(), s.outcome().name(),
                        s.explanation(), s.awsError())).toList(), r.trustPolicy(), r.permissionPolicy());
    }

    private static Account account(AccountDetails a) {
        return new Account(a.accountId(), a.displayName(), a.teamName(), List.copyOf(a.regions()), a.roleArn());
    }

    private static LoadBalancer loadBalancer(NetworkLoadBalancer l) {
        return new LoadBalancer(l.arn(), l.name(), l.type(), l.scheme(), l.state(),
                l.availabilityZones().stream().map(z -> new Zone(z.name(), z.id())).toList());
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

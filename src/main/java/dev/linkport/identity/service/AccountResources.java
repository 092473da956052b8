package dev.linkport.identity.service;

import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.AwsUnavailableException;
import dev.linkport.aws.NetworkLoadBalancer;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.aws.SecurityGroup;
import dev.linkport.aws.Subnet;
import dev.linkport.aws.Vpc;
import dev.linkport.identity.domain.AwsAccount;
import dev.linkport.identity.domain.AwsAccountRepository;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a team's AWS account holds, read live from AWS for forms: load balancers, VPCs, subnets,
 * security groups. Only members of the owning team (and admins) may look. Not transactional: the
 * AWS call happens after the short read that authorizes it, never inside a transaction.
 */
@Service
public class AccountResources {

    private final AwsAccountRepository accounts;
    private final AccessPolicy access;
    private final PrivateLinkGateway gateway;
    private final TransactionTemplate readOnly;

    public AccountResources(AwsAccountRepository accounts, AccessPolicy access, PrivateLinkGateway gateway,
                            TransactionTemplate transactions) {
        this.accounts = accounts;
        this.access = access;
        this.gateway = gateway;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    public List<NetworkLoadBalancer> loadBalancers(String accountId, String region) {
        return call(accountId, region, gateway::describeNetworkLoadBalancers);
    }

    public List<Vpc> vpcs(String accountId, String region) {
        return call(accountId, region, gateway::describeVpcs);
    }

    public List<Subnet> subnets(String accountId, String region, String vpcId) {
        requireVpc(vpcId);
        return call(accountId, region, t -> gateway.describeSubnets(t, vpcId));
    }

    public List<SecurityGroup> securityGroups(String accountId, String region, String vpcId) {
        requireVpc(vpcId);
        return call(accountId, region, t -> gateway.describeSecurityGroups(t, vpcId));
    }

    /** The target for an account of the caller's teams in one of its regions. */
    public AwsTarget target(String accountId, String region) {
        String user = access.caller().username();
        return readOnly.execute(tx -> {
            Caller caller = access.caller();
            AwsAccount account = accounts.findByAccountId(accountId == null ? "" : accountId.trim())
                    .filter(a -> caller.admin() || caller.isMemberOf(a.getTeam().getId()))
                    .orElseThrow(() -> new NotFoundException("No AWS account " + accountId + " in your teams"));
            if (region == null || !account.getRegions().contains(region)) {
                throw InvalidInputException.of("region", "Account " + accountId + " is registered for "
                        + String.join(", ", account.getRegions()) + " only");
            }
            return AccountDirectory.ref(account).target(region, user);
        });
    }

    private <T> List<T> call(String accountId, String region, Function<AwsTarget, List<T>> read) {
        AwsTarget target = target(accountId, region);
        try {
            return read.apply(target);
        } catch (AwsGatewayException e) {
            throw new AwsUnavailableException(e);
        }
    }

    private static void requireVpc(String vpcId) {
        if (vpcId == null || !vpcId.matches("^vpc-([0-9a-f]{8}|[0-9a-f]{17})$")) {
            throw InvalidInputException.of("vpcId", "A VPC id looks like vpc-0123456789abcdef0");
        }
    }
}

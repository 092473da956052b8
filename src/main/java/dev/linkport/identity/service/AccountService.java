package dev.linkport.identity.service;

import dev.linkport.audit.service.AuditEntry;
import dev.linkport.audit.service.AuditLog;
import dev.linkport.aws.AwsProperties;
import dev.linkport.identity.domain.AwsAccount;
import dev.linkport.identity.domain.AwsAccountRepository;
import dev.linkport.identity.domain.Team;
import dev.linkport.identity.domain.TeamRepository;
import dev.linkport.identity.service.AccountCommands.RegisterAccount;
import dev.linkport.identity.service.AccountCommands.UpdateAccount;
import dev.linkport.platform.AwsIds;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.FieldError;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.StaleEditException;
import dev.linkport.platform.Validation;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * AWS accounts of teams. Team owners (and platform admins) register and edit them; every member
 * sees them. Linkport generates each account's ExternalId.
 */
@Service
@Transactional
public class AccountService {

    /** Principal shown in trust policies in sandbox mode: the sandbox's host account. */
    static final String SANDBOX_PRINCIPAL = "arn:aws:iam::000000000000:root";
    /** Placeholder shown when {@code linkport.aws.principal-arn} is not configured in aws mode. */
    static final String UNCONFIGURED_PRINCIPAL = "arn:aws:iam::<LINKPORT-ACCOUNT-ID>:role/<linkport-role>";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AwsAccountRepository accounts;
    private final TeamRepository teams;
    private final AccessPolicy access;
    private final Validation validation;
    private final AuditLog audit;
    private final AwsProperties aws;
    private final Clock clock;

    public AccountService(AwsAccountRepository accounts, TeamRepository teams, AccessPolicy access,
                          Validation validation, AuditLog audit, AwsProperties aws, Clock clock) {
        this.accounts = accounts;
        this.teams = teams;
        this.access = access;
        this.validation = validation;
        this.audit = audit;
        this.aws = aws;
        this.clock = clock;
    }

    /** The accounts of one team the caller may see. */
    @Transactional(readOnly = true)
    public List<AccountDetails> accountsOf(UUID teamId) {
        Caller caller = access.caller();
        if (!caller.admin() && !caller.isMemberOf(teamId)) {
            throw new NotFoundException("No such team, or you are not in it");
        }
        return accounts.findByTeamIdOrderByAccountId(teamId).stream().map(a -> view(a, caller)).toList();
    }

    /** The accounts of all the caller's teams (what they may request endpoints into or publish from). */
    @Transactional(readOnly = true)
    public List<AccountDetails> myAccounts() {
        Caller caller = access.caller();
        return accounts.findByTeamIdInOrderByAccountId(caller.teamIds()).stream().map(a -> view(a, caller)).toList();
    }

    /** One account, by its Linkport id, if the caller may see it. */
    @Transactional(readOnly = true)
    public AccountDetails account(UUID id) {
        Caller caller = access.caller();
        return view(visible(id, caller), caller);
    }

    /** One account, by its 12-digit AWS account id, if the caller may see it. */
    @Transactional(readOnly = true)
    public AccountDetails accountByAwsId(String accountId) {
        Caller caller = access.caller();
        AwsAccount account = accounts.findByAccountId(accountId == null ? "" : accountId.trim())
                .filter(a -> caller.admin() || caller.isMemberOf(a.getTeam().getId()))
                .orElseThrow(() -> new NotFoundException("No such AWS account, or it belongs to a team you are not in"));
        return view(account, caller);
    }

    /** Registers an AWS account for a team (its owners and platform admins). */
    public AccountDetails register(RegisterAccount command) {
        Caller caller = access.caller();
        if (command.teamId() != null && !caller.admin() && !caller.isMemberOf(command.teamId())) {
            throw new NotFoundException("No such team, or you are not in it");
        }
        if (command.teamId() != null) {
            access.requireOwnerOrAdmin(command.teamId(), "Only the team's owners and platform admins register AWS accounts");
        }
        validation.check(command);
        checkRoleInAccount(command.roleArn(), command.accountId());
        String accountId = command.accountId().trim();
        accounts.findByAccountId(accountId).ifPresent(existing -> {
            throw InvalidInputException.of("accountId", "Account " + accountId + " is already registered"
                    + (caller.admin() || caller.isMemberOf(existing.getTeam().getId())
                    ? " by team " + existing.getTeam().getName() : " by another team"));
        });
        Team team = teams.findById(command.teamId()).orElseThrow(() -> new NotFoundException("No such team"));
        AwsAccount account = new AwsAccount(team, accountId, command.displayName().trim(), command.roleArn().trim(),
                newExternalId(), normalize(command.regions()), clock.instant());
        try {
            accounts.saveAndFlush(account);
        } catch (DataIntegrityViolationException e) {
            throw InvalidInputException.of("accountId", "Account " + accountId + " is already registered");
        }
        audit.record(AuditEntry.of("ACCOUNT_REGISTERED", "AWS_ACCOUNT", accountId, account.getDisplayName(), team.getId())
                .change(null, describe(account)));
        return view(account, access.caller());
    }

    /**
     * Changes an account's name, regions and role. Fails with {@link StaleEditException} if it was
     * changed since the caller read {@code version}.
     */
    public AccountDetails update(UpdateAccount command) {
        Caller caller = access.caller();
        AwsAccount account = visible(command.id(), caller);
        access.requireOwnerOrAdmin(account.getTeam().getId(), "Only the team's owners and platform admins edit AWS accounts");
        validation.check(command);
        checkRoleInAccount(command.roleArn(), account.getAccountId());
        if (!Objects.equals(account.getVersion(), command.version())) {
            throw new StaleEditException("Account " + account.getAccountId());
        }
        String before = describe(account);
        account.setDisplayName(command.displayName().trim());
        account.setRegions(normalize(command.regions()));
        account.setRoleArn(command.roleArn().trim());
        try {
            accounts.saveAndFlush(account);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new StaleEditException("Account " + account.getAccountId(), e);
        }
        audit.record(AuditEntry.of("ACCOUNT_UPDATED", "AWS_ACCOUNT", account.getAccountId(), account.getDisplayName(),
                account.getTeam().getId()).change(before, describe(account)));
        return view(account, caller);
    }

    /** Removes an account that nothing in Linkport uses any more. */
    public void remove(UUID id, long version) {
        Caller caller = access.caller();
        AwsAccount account = visible(id, caller);
        access.requireOwnerOrAdmin(account.getTeam().getId(), "Only the team's owners and platform admins remove AWS accounts");
        if (!Objects.equals(account.getVersion(), version)) {
            throw new StaleEditException("Account " + account.getAccountId());
        }
        String before = describe(account); // its regions cannot be read once it is deleted
        try {
            accounts.delete(account);
            accounts.flush();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("Account " + account.getAccountId()
                    + " is still used by services or endpoint requests; retire or delete those first", e);
        }
        audit.record(AuditEntry.of("ACCOUNT_REMOVED", "AWS_ACCOUNT", account.getAccountId(), account.getDisplayName(),
                account.getTeam().getId()).change(before, null));
    }

    /** The principal Linkport runs as, for trust policies. */
    public String linkportPrincipal() {
        if (aws.principalArn() != null && !aws.principalArn().isBlank()) {
            return aws.principalArn().trim();
        }
        return aws.sandbox() ? SANDBOX_PRINCIPAL : UNCONFIGURED_PRINCIPAL;
    }

    private AwsAccount visible(UUID id, Caller caller) {
        return accounts.findById(id)
                .filter(a -> caller.admin() || caller.isMemberOf(a.getTeam().getId()))
                .orElseThrow(() -> new NotFoundException("No such AWS account, or it belongs to a team you are not in"));
    }

    private static void checkRoleInAccount(String roleArn, String accountId) {
        String roleAccount = AwsIds.accountOfRoleArn(roleArn);
        if (roleAccount != null && accountId != null && !roleAccount.equals(accountId.trim())) {
            throw new InvalidInputException(List.of(new FieldError("roleArn",
                    "The role must be in account " + accountId.trim() + ", not " + roleAccount)));
        }
    }

    private static Set<String> normalize(Set<String> regions) {
        Set<String> out = new TreeSet<>();
        for (String r : regions) {
            out.add(r.trim());
        }
        return out;
    }

    private static String newExternalId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "linkport-" + HexFormat.of().formatHex(bytes);
    }

    private AccountDetails view(AwsAccount a, Caller caller) {
        return new AccountDetails(a.getId(), a.getTeam().getId(), a.getTeam().getName(), a.getAccountId(),
                a.getDisplayName(), new ArrayList<>(a.getRegions()), a.getRoleArn(), a.getExternalId(),
                AccountPolicies.trustPolicy(linkportPrincipal(), a.getExternalId()),
                AccountPolicies.providerPolicy(a.getAccountId(), a.getTeam().getName(), a.getRegions()),
                AccountPolicies.consumerPolicy(a.getAccountId(), a.getTeam().getName(), a.getRegions()),
                caller.admin() || caller.isOwnerOf(a.getTeam().getId()), a.getVersion());
    }

    private static String describe(AwsAccount a) {
        return "name=" + a.getDisplayName() + ", regions=" + a.getRegions() + ", role=" + a.getRoleArn();
    }
}

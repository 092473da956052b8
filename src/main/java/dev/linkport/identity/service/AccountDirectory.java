package dev.linkport.identity.service;

import dev.linkport.identity.domain.AwsAccount;
import dev.linkport.identity.domain.AwsAccountRepository;
import dev.linkport.platform.LikePatterns;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registered AWS accounts, for other modules: lookups by Linkport id or AWS account id. It
 * does not authorize; its callers decide what their own callers may see.
 */
@Service
@Transactional(readOnly = true)
public class AccountDirectory {

    private final AwsAccountRepository accounts;

    AccountDirectory(AwsAccountRepository accounts) {
        this.accounts = accounts;
    }

    /** The account by Linkport's id. */
    public AccountRef get(UUID id) {
        return accounts.findById(id).map(AccountDirectory::ref)
                .orElseThrow(() -> new IllegalArgumentException("No AWS account " + id));
    }

    /** The accounts by Linkport's ids; unknown ids are left out. */
    public Map<UUID, AccountRef> get(Collection<UUID> ids) {
        Map<UUID, AccountRef> out = new HashMap<>();
        if (!ids.isEmpty()) {
            accounts.findAllById(ids).forEach(a -> out.put(a.getId(), ref(a)));
        }
        return out;
    }

    /** The account by its 12-digit AWS account id, if it is registered. */
    public Optional<AccountRef> byAccountId(String accountId) {
        return accountId == null ? Optional.empty() : accounts.findByAccountId(accountId.trim()).map(AccountDirectory::ref);
    }

    /** The teams owning these AWS account ids, by account id (one query); unregistered accounts are left out. */
    public Map<String, String> teamNamesByAccountId(Collection<String> accountIds) {
        Map<String, String> out = new HashMap<>();
        if (!accountIds.isEmpty()) {
            accounts.findTeamNames(accountIds).forEach(a -> out.put(a.accountId(), a.teamName()));
        }
        return out;
    }

    /** The AWS account ids of the teams whose name or display name contains the text, ignoring case. */
    public List<String> accountIdsOfTeamsMatching(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return accounts.findAccountIdsOfTeamsMatching(LikePatterns.containing(text));
    }

    static AccountRef ref(AwsAccount a) {
        return new AccountRef(a.getId(), a.getAccountId(), a.getTeam().getId(), a.getTeam().getName(), a.getRegions(),
                a.getRoleArn(), a.getExternalId());
    }
}

package dev.linkport.identity.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.linkport.identity.MembershipRole;
import dev.linkport.identity.service.AccessCheckResult;
import dev.linkport.identity.service.AccessCheckService;
import dev.linkport.identity.service.AccountDetails;
import dev.linkport.identity.service.LastAccessCheck;
import dev.linkport.identity.service.AccountService;
import dev.linkport.identity.service.TeamService;
import dev.linkport.identity.service.TeamViews.Member;
import dev.linkport.identity.service.TeamViews.TeamRow;
import dev.linkport.identity.service.TeamViews.TeamSummary;
import dev.linkport.identity.service.UserAccountService;
import dev.linkport.identity.service.UserService;
import dev.linkport.identity.service.UserService.UserSummary;
import dev.linkport.platform.LinkportException;
import dev.linkport.platform.Validation;
import dev.linkport.platform.ui.Background;
import dev.linkport.platform.ui.EmptyState;
import dev.linkport.platform.ui.Notifications;
import dev.linkport.platform.ui.StateBadge;
import dev.linkport.platform.ui.TimeAgo;
import dev.linkport.platform.ui.ViewHeader;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Teams, their members and AWS accounts. Admins create teams and users; admins and team owners
 * manage members and register accounts; everybody sees their own teams.
 */
@Route("teams")
@PageTitle("Teams & accounts · Linkport")
@PermitAll
public class TeamsView extends VerticalLayout implements HasUrlParameter<String> {

    private final TeamService teams;
    private final AccountService accounts;
    private final UserService users;
    private final UserAccountService userAccounts;
    private final Validation validation;
    private final AccessCheckService accessChecks;
    private final Background background;
    private final boolean admin;

    private final Grid<TeamRow> teamGrid = new Grid<>(TeamRow.class, false);
    private final TextField teamFilter = new TextField();
    private final ConfigurableFilterDataProvider<TeamRow, Void, String> teamRows;
    private final Div detail = new Div();
    private final Grid<UserSummary> userGrid = new Grid<>(UserSummary.class, false);

    public TeamsView(TeamService teams, AccountService accounts, UserService users, UserAccountService userAccounts,
                     Validation validation, AccessCheckService accessChecks, Background background) {
        this.teams = teams;
        this.userAccounts = userAccounts;
        this.accounts = accounts;
        this.users = users;
        this.validation = validation;
        this.accessChecks = accessChecks;
        this.background = background;
        this.admin = users.me().admin();
        addClassName("teams-view");
        setSizeFull();

        teamRows = DataProvider.<TeamRow, String>fromFilteringCallbacks(
                q -> teams.teams(q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream(),
                q -> (int) teams.countTeams(q.getFilter().orElse(""))).withConfigurableFilter();
        Button newTeam = new Button("New team", VaadinIcon.PLUS.create(),
                e -> new TeamDialog(teams, validation, null, t -> {
                    refreshTeams();
                    select(t.name());
                }).open());
        newTeam.addThemeVariants(ButtonVariant.PRIMARY);
        newTeam.setVisible(admin);
        add(new ViewHeader("Teams & accounts", admin
                ? "All teams, their members and the AWS accounts they own."
                : "Your teams, their members and the AWS accounts they own.", newTeam));

        teamGrid.setId("team-grid");
        teamGrid.addClassName("team-list");
        teamGrid.addThemeVariants(GridVariant.NO_BORDER);
        teamGrid.setItems(teamRows);
        teamGrid.addColumn(TeamRow::name).setHeader("Team");
        teamGrid.addColumn(t -> t.myRole() == null ? "" : t.myRole() == MembershipRole.OWNER ? "owner" : "member")
                .setHeader("You").setAutoWidth(true).setFlexGrow(0);
        teamGrid.setWidthFull();
        teamGrid.setHeightFull();
        teamGrid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresentOrElse(t -> showTeam(t.id()),
                this::showNoTeam));
        teamGrid.setEmptyStateText(admin ? "No teams yet. Create the first one with New team."
                : "You are not in any team yet. Ask a platform admin to add you to your team.");

        teamFilter.setId("team-filter");
        teamFilter.setPlaceholder("Filter teams");
        teamFilter.setAriaLabel("Filter teams by name");
        teamFilter.setPrefixComponent(VaadinIcon.SEARCH.create());
        teamFilter.setClearButtonVisible(true);
        teamFilter.setValueChangeMode(ValueChangeMode.LAZY);
        teamFilter.setWidthFull();
        teamFilter.addValueChangeListener(e -> teamRows.setFilter(e.getValue()));
        VerticalLayout teamList = new VerticalLayout(teamFilter, teamGrid);
        teamList.setPadding(false);
        teamList.setSpacing(false);
        teamList.setWidth("15rem");
        teamList.setHeightFull();
        teamList.getStyle().set("flex-shrink", "0");
        teamList.setFlexGrow(1, teamGrid);

        detail.addClassName("team-detail");
        HorizontalLayout teamsTab = new HorizontalLayout(teamList, detail);
        teamsTab.setSizeFull();
        teamsTab.setFlexGrow(1, detail);

        if (admin) {
            TabSheet tabs = new TabSheet();
            tabs.setSizeFull();
            tabs.add("Teams", teamsTab);
            tabs.add("Users", usersTab());
            add(tabs);
            setFlexGrow(1, tabs);
        } else {
            add(teamsTab);
            setFlexGrow(1, teamsTab);
        }
        refreshTeams();
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String teamName) {
        if (teamName != null) {
            select(teamName);
        } else if (teamGrid.getSelectedItems().isEmpty()) {
            teams.teams("", 0, 1).stream().findFirst().ifPresent(teamGrid::select);
        }
    }

    private void refreshTeams() {
        teamRows.refreshAll();
    }

    private void select(String teamName) {
        teams.teamNamed(teamName).ifPresentOrElse(teamGrid::select,
                () -> Notifications.error("No team named " + teamName + " that you can see"));
    }

    private void showNoTeam() {
        detail.removeAll();
        detail.add(new EmptyState("Choose a team", "Pick a team on the left to see its members and AWS accounts."));
    }

    private void showTeam(UUID teamId) {
        TeamSummary fresh = teams.team(teamId);
        detail.removeAll();
        detail.add(teamHeader(fresh), membersSection(fresh), accountsSection(fresh));
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "teams/" + fresh.name()));
    }

    private Component teamHeader(TeamSummary team) {
        H3 title = new H3(team.displayName() + " (" + team.name() + ")");
        Div box = new Div(title);
        if (team.provider()) {
            Span badge = new Span("provider");
            badge.addClassName("pill");
            box.add(badge);
        }
        if (team.description() != null) {
            box.add(new Paragraph(team.description()));
        }
        if (team.canManage()) {
            Button edit = new Button("Edit team", VaadinIcon.EDIT.create(),
                    e -> new TeamDialog(teams, validation, team, t -> {
                        refreshTeams();
                        select(t.name());
                    }).open());
            edit.addThemeVariants(ButtonVariant.TERTIARY);
            box.add(edit);
        }
        box.addClassName("team-header");
        return box;
    }

    private Component membersSection(TeamSummary team) {
        Grid<Member> grid = new Grid<>(Member.class, false);
        grid.addClassName("members-grid");
        // a team may have hundreds of members: a fixed height (up to 12 rows, each tall enough for the role's combo
        // box, plus the header), and rows loaded as it scrolls
        grid.setHeight(Math.min(12, Math.max(team.memberCount(), 1)) * 3.25 + 3.75 + "rem");
        grid.addColumn(Member::username).setHeader("User");
        grid.addColumn(Member::displayName).setHeader("Name");
        grid.addComponentColumn(m -> roleCell(team, m)).setHeader("Role");
        if (team.canManageMembers()) {
            grid.addComponentColumn(m -> {
                if (m.fromSingleSignOn()) {
                    return new Span(); // the identity provider's group decides
                }
                Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> confirmRemove(team, m));
                remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
                remove.setAriaLabel("Remove " + m.username());
                remove.setTooltipText("Remove " + m.username() + " from " + team.name());
                return remove;
            }).setAutoWidth(true).setFlexGrow(0);
        }
        ConfigurableFilterDataProvider<Member, Void, String> members = DataProvider.<Member, String>fromFilteringCallbacks(
                q -> teams.members(team.id(), q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream(),
                q -> (int) teams.countMembers(team.id(), q.getFilter().orElse(""))).withConfigurableFilter();
        grid.setItems(members);
        grid.setEmptyStateText(team.memberCount() == 0
                ? "No members yet." + (team.canManageMembers() ? " Add the first one." : "")
                : "No member matches.");
        TextField filter = new TextField();
        filter.addClassName("member-filter");
        filter.setPlaceholder("Filter members");
        filter.setAriaLabel("Filter members by name");
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> members.setFilter(e.getValue()));
        filter.setVisible(team.memberCount() > 5);
        Button add = new Button("Add member", VaadinIcon.PLUS.create(),
                e -> new MemberDialog(teams, users, team, () -> showTeam(team.id())).open());
        add.setVisible(team.canManageMembers());
        Div content = new Div(filter, grid);
        return section("Members (" + team.memberCount() + ")", content, add);
    }

    private Component roleCell(TeamSummary team, Member m) {
        if (m.fromSingleSignOn()) {
            Span role = new Span(m.role() == MembershipRole.OWNER ? "Owner" : "Member");
            Span sso = new Span("via SSO");
            sso.addClassName("sso-pill");
            Span cell = new Span(role, sso);
            cell.setTitle("Granted by the identity provider's group " + m.ssoGroup()
                    + " at every sign-in; change the group there");
            return cell;
        }
        if (!team.canManageMembers()) {
            return new Span(m.role() == MembershipRole.OWNER ? "Owner" : "Member");
        }
        Select<MembershipRole> role = new Select<>();
        role.setItems(MembershipRole.values());
        role.setItemLabelGenerator(r -> r == MembershipRole.OWNER ? "Owner" : "Member");
        role.setValue(m.role());
        role.setAriaLabel("Role of " + m.username());
        role.addValueChangeListener(e -> {
            if (e.isFromClient() && !Objects.equals(e.getValue(), e.getOldValue())) {
                try {
                    teams.changeRole(m.membershipId(), m.version(), e.getValue());
                    Notifications.success(m.username() + " is now " + e.getValue().name().toLowerCase());
                } catch (LinkportException ex) {
                    Notifications.error(ex.getMessage());
                }
                showTeam(team.id());
            }
        });
        return role;
    }

    private void confirmRemove(TeamSummary team, Member m) {
        ConfirmDialog confirm = new ConfirmDialog("Remove " + m.username() + "?",
                m.username() + " loses access to " + team.name() + "'s services, endpoints and accounts.",
                "Remove", e -> {
                    try {
                        teams.removeMember(m.membershipId(), m.version());
                        Notifications.success(m.username() + " removed from " + team.name());
                    } catch (LinkportException ex) {
                        Notifications.error(ex.getMessage());
                    }
                    showTeam(team.id());
                });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private Component accountsSection(TeamSummary team) {
        Grid<AccountDetails> grid = new Grid<>(AccountDetails.class, false);
        grid.addClassName("accounts-grid");
        grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(AccountDetails::accountId).setHeader("Account").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AccountDetails::displayName).setHeader("Name");
        grid.addColumn(a -> String.join(", ", a.regions())).setHeader("Regions");
        grid.addColumn(AccountDetails::roleArn).setHeader("Role").setFlexGrow(2).setTooltipGenerator(AccountDetails::roleArn);
        Map<UUID, LastAccessCheck> lastChecks = accessChecks.lastChecksOfTeam(team.id());
        grid.addComponentColumn(a -> accessCell(lastChecks.get(a.id()))).setHeader("Access").setFlexGrow(2);
        grid.addComponentColumn(a -> {
            HorizontalLayout actions = new HorizontalLayout();
            actions.setSpacing(false);
            Button policies = new Button("Role setup", e -> new AccountPoliciesDialog(a, !a.canManage() ? null
                    : () -> new AccessCheckDialog(accessChecks, background, a, () -> showTeam(team.id())).open())
                    .open());
            policies.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
            actions.add(policies);
            if (a.canManage()) {
                actions.add(AccessCheckDialog.button(accessChecks, background, a, () -> showTeam(team.id())));
                Button edit = new Button(VaadinIcon.EDIT.create(),
                        e -> new AccountDialog(accounts, validation, team, a, saved -> showTeam(team.id())).open());
                edit.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
                edit.setAriaLabel("Edit " + a.accountId());
                edit.setTooltipText("Edit " + a.accountId());
                Button remove = new Button(VaadinIcon.TRASH.create(), e -> confirmRemoveAccount(team, a));
                remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL, ButtonVariant.ERROR);
                remove.setAriaLabel("Remove " + a.accountId());
                remove.setTooltipText("Remove " + a.accountId());
                actions.add(edit, remove);
            }
            return actions;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(accounts.accountsOf(team.id()));
        grid.setEmptyStateText(team.canManageAccounts()
                ? "No AWS accounts yet. Register one so the team can publish services or request endpoints."
                : "No AWS accounts yet. The team's owners register them.");
        Button register = new Button("Register AWS account", VaadinIcon.PLUS.create(),
                e -> new AccountDialog(accounts, validation, team, null, saved -> {
                    showTeam(team.id());
                    new AccountPoliciesDialog(saved, () -> new AccessCheckDialog(accessChecks, background, saved,
                            () -> showTeam(team.id())).open()).open();
                }).open());
        register.setVisible(team.canManageAccounts());
        return section("AWS accounts", grid, register);
    }

    /** The last "Test access": how it ended, when, and its summary. */
    private static Component accessCell(LastAccessCheck last) {
        Div cell = new Div();
        cell.addClassName("access-cell");
        if (last == null) {
            Span never = new Span("not tested");
            never.addClassName("hint");
            cell.add(never);
            return cell;
        }
        Span when = new Span(TimeAgo.of(last.checkedAt(), Instant.now()));
        when.addClassName("hint");
        cell.add(new Div(new StateBadge(last.outcome()), when));
        cell.getElement().setAttribute("title", last.summary() + " (tested by " + last.checkedBy() + ")");
        if (last.outcome() != AccessCheckResult.Outcome.OK) {
            Span summary = new Span(last.summary());
            summary.addClassName("access-cell-summary");
            cell.add(summary);
        }
        return cell;
    }


    private void confirmRemoveAccount(TeamSummary team, AccountDetails a) {
        ConfirmDialog confirm = new ConfirmDialog("Remove account " + a.accountId() + "?",
                "Linkport stops using the role in this account. Nothing in AWS is deleted.", "Remove", e -> {
            try {
                accounts.remove(a.id(), a.version());
                Notifications.success("Account " + a.accountId() + " removed");
            } catch (LinkportException ex) {
                Notifications.error(ex.getMessage());
            }
            showTeam(team.id());
        });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private Component usersTab() {
        userGrid.setId("user-grid");
        userGrid.addColumn(UserSummary::username).setHeader("User");
        userGrid.addColumn(UserSummary::displayName).setHeader("Name");
        userGrid.addColumn(UserSummary::email).setHeader("E-mail");
        userGrid.addColumn(u -> u.admin() ? "platform admin" : "").setHeader("Role");
        userGrid.addColumn(u -> (u.enabled() ? "" : "disabled") + (u.singleSignOn() ? (u.enabled() ? "" : " · ") + "SSO" : ""))
                .setHeader("Status");
        ConfigurableFilterDataProvider<UserSummary, Void, String> rows = DataProvider.<UserSummary, String>fromFilteringCallbacks(
                q -> users.users(q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream(),
                q -> (int) users.countUsers(q.getFilter().orElse(""))).withConfigurableFilter();
        userGrid.addComponentColumn(u -> userActions(u, rows)).setHeader("Actions").setAutoWidth(true).setFlexGrow(0);
        userGrid.setItems(rows);
        TextField filter = new TextField();
        filter.setId("user-filter");
        filter.setPlaceholder("Filter users by name or e-mail");
        filter.setAriaLabel("Filter users by name or e-mail");
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setWidth("20rem");
        filter.addValueChangeListener(e -> rows.setFilter(e.getValue()));
        Button create = new Button("New user", VaadinIcon.PLUS.create(),
                e -> new UserDialog(users, validation, rows::refreshAll).open());
        HorizontalLayout bar = new HorizontalLayout(create, filter);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout tab = new VerticalLayout(bar, userGrid);
        tab.setSizeFull();
        tab.setPadding(false);
        return tab;
    }

    private Component userActions(UserSummary u, ConfigurableFilterDataProvider<UserSummary, Void, String> rows) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (!u.singleSignOn()) {
            Button reset = new Button(VaadinIcon.KEY.create(),
                    e -> new ResetPasswordDialog(userAccounts, validation, u, rows::refreshAll).open());
            reset.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
            reset.setAriaLabel("Reset the password of " + u.username());
            reset.setTooltipText("Reset the password of " + u.username());
            actions.add(reset);
        }
        Button status = u.enabled()
                ? new Button("Disable", e -> confirmDisable(u, rows))
                : new Button("Enable", e -> {
                    try {
                        userAccounts.enable(u.id());
                        Notifications.success(u.username() + " can sign in again");
                    } catch (LinkportException ex) {
                        Notifications.error(ex.getMessage());
                    }
                    rows.refreshAll();
                });
        status.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        if (u.enabled()) {
            status.addThemeVariants(ButtonVariant.ERROR);
        }
        status.setAriaLabel((u.enabled() ? "Disable " : "Enable ") + u.username());
        actions.add(status);
        return actions;
    }

    private void confirmDisable(UserSummary u, ConfigurableFilterDataProvider<UserSummary, Void, String> rows) {
        ConfirmDialog confirm = new ConfirmDialog("Disable " + u.username() + "?",
                u.displayName() + " can no longer sign in, their open sessions end and their API tokens are revoked. "
                        + "You can enable the user again later.",
                "Disable", e -> {
                    try {
                        userAccounts.disable(u.id());
                        Notifications.success(u.username() + " is disabled");
                    } catch (LinkportException ex) {
                        Notifications.error(ex.getMessage());
                    }
                    rows.refreshAll();
                });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private static Component section(String title, Component content, Button action) {
        Div header = new Div(new H3(title), action);
        header.addClassName("section-header");
        Div section = new Div(header, content);
        section.addClassName("section");
        return section;
    }
}

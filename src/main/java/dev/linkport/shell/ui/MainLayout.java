package dev.linkport.shell.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.linkport.aws.AwsReachability;
import dev.linkport.identity.service.UserAccountService;
import dev.linkport.identity.service.UserService;
import dev.linkport.identity.ui.ChangePasswordDialog;
import dev.linkport.platform.Validation;
import dev.linkport.notification.service.NotificationService;
import dev.linkport.notification.ui.NotificationBell;
import dev.linkport.platform.events.LiveUpdates;
import dev.linkport.identity.service.UserService.Me;
import jakarta.annotation.security.PermitAll;

/**
 * The frame around every view: navigation that depends on who is signed in, the user and a
 * compact menu of their teams, in sandbox mode a badge saying that nothing real is created, and a line
 * saying so while AWS does not answer.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final TeamsMenu teams;

    public MainLayout(UserService users, AuthenticationContext authentication, NotificationService notifications,
                      LiveUpdates updates, AwsReachability reachability, UserAccountService userAccounts,
                      Validation validation) {
        Me me = users.me();
        teams = new TeamsMenu(me.teams());
        setPrimarySection(Section.DRAWER);

        Anchor brand = new Anchor("catalog", "Linkport");
        brand.addClassName("brand");
        Div drawerHeader = new Div(brand);
        drawerHeader.addClassName("drawer-header");
        addToDrawer(drawerHeader, navigation(me));

        HorizontalLayout header = new HorizontalLayout();
        header.addClassName("app-header");
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.add(new DrawerToggle());
        Div spacer = new Div();
        header.add(spacer);
        header.setFlexGrow(1, spacer);
        if (me.sandbox()) {
            Span badge = new Span("Sandbox AWS — no real resources");
            badge.addClassName("sandbox-badge");
            badge.getElement().setAttribute("title",
                    "Linkport talks to its built-in AWS emulator. Nothing is created in any real AWS account.");
            header.add(badge);
        }
        header.add(teams);
        header.add(new NotificationBell(notifications, updates, me.userId()));

        MenuBar userMenu = new MenuBar();
        userMenu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        userMenu.addClassName("user-menu");
        MenuItem item = userMenu.addItem(me.displayName() + (me.admin() ? " · admin" : ""));
        item.addComponentAsFirst(VaadinIcon.USER.create());
        SubMenu sub = item.getSubMenu();
        sub.addItem("Signed in as " + me.username()).setEnabled(false);
        sub.addItem("Teams & accounts", e -> getUI().ifPresent(ui -> ui.navigate("teams")));
        sub.addItem("API tokens", e -> getUI().ifPresent(ui -> ui.navigate("api-tokens")));
        sub.addItem("Notification settings", e -> getUI().ifPresent(ui -> ui.navigate("notification-settings")));
        if (me.localPassword()) {
            sub.addItem("Change password", e -> new ChangePasswordDialog(userAccounts, validation).open());
        }
        sub.addItem("Sign out", e -> authentication.logout());
        header.add(userMenu);
        Div top = new Div(header, new AwsStatusBanner(reachability, updates, me.admin()));
        top.addClassName("app-top");
        addToNavbar(true, top);
    }

    /** The layout stays while the views inside it change: a link followed from the teams list closes it. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        teams.close();
    }

    private static SideNav navigation(Me me) {
        SideNav nav = new SideNav();
        nav.addClassName("main-nav");
        nav.addItem(new SideNavItem("Catalog", "catalog", VaadinIcon.GRID_BIG.create()));
        nav.addItem(new SideNavItem("My services", "my-services", VaadinIcon.SERVER.create()));
        nav.addItem(new SideNavItem("My endpoints", "my-endpoints", VaadinIcon.CONNECT.create()));
        if (me.approver()) {
            nav.addItem(new SideNavItem("Approvals", "approvals", VaadinIcon.CHECK_SQUARE_O.create()));
        }
        if (me.admin()) {
            nav.addItem(new SideNavItem("Operations", "operations", VaadinIcon.COGS.create()));
            nav.addItem(new SideNavItem("Audit", "audit", VaadinIcon.LIST.create()));
            nav.addItem(new SideNavItem("Deliveries", "notification-deliveries", VaadinIcon.ENVELOPES_O.create()));
        }
        nav.addItem(new SideNavItem("Teams & accounts", "teams", VaadinIcon.USERS.create()));
        return nav;
    }
}

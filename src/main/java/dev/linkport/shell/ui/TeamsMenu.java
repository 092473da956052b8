package dev.linkport.shell.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import dev.linkport.identity.MembershipRole;
import dev.linkport.identity.service.UserService.MyTeam;
import java.util.Comparator;
import java.util.List;

/**
 * The signed-in person's teams in the header, on one line however many there are: a button that
 * says how many, opening a list of the teams with the person's role in each (scrolling when long)
 * and a link to Teams &amp; accounts. Someone in no team is told how to get into one.
 */
class TeamsMenu extends Div {

    private final Popover popover = new Popover();

    TeamsMenu(List<MyTeam> teams) {
        addClassName("teams-menu");
        List<MyTeam> sorted = teams.stream().sorted(Comparator.comparing(MyTeam::name)).toList();

        Button button = new Button(label(sorted), VaadinIcon.USERS.create());
        button.setId("teams-menu");
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        button.setTooltipText("Your teams and your role in each");
        button.getElement().setAttribute("aria-haspopup", "dialog");

        popover.setTarget(button);
        popover.setPosition(PopoverPosition.BOTTOM_END);
        popover.setAriaLabel("Your teams");
        popover.setAutofocus(true);
        popover.addClassName("teams-popover");
        popover.setId("teams-popover");

        // Built when opened and dropped when closed: every open page carries this header, most never open it.
        popover.addOpenedChangeListener(e -> {
            popover.removeAll();
            if (e.isOpened()) {
                fill(sorted);
            }
        });
        add(button, popover);
    }

    private void fill(List<MyTeam> sorted) {
        Span heading = new Span(sorted.isEmpty() ? "No team yet" : "Your teams (" + sorted.size() + ")");
        heading.addClassName("teams-popover-heading");
        popover.add(heading);
        if (sorted.isEmpty()) {
            Paragraph hint = new Paragraph("You are in no team, so you can browse the catalog but not request "
                    + "endpoints or publish services. Ask a team's owner to add you, or a platform admin to create "
                    + "your team.");
            hint.addClassName("teams-popover-hint");
            popover.add(hint);
        } else {
            UnorderedList list = new UnorderedList();
            list.addClassName("teams-popover-list");
            sorted.forEach(t -> list.add(item(t)));
            popover.add(list);
        }
        Anchor all = new Anchor("teams", "Teams & accounts");
        all.addClassName("teams-popover-all");
        popover.add(all);
    }

    void close() {
        popover.close();
    }

    private static ListItem item(MyTeam team) {
        Anchor name = new Anchor("teams/" + team.name(), team.name());
        name.addClassName("teams-popover-team");
        Span role = new Span(team.role() == MembershipRole.OWNER ? "owner" : "member");
        role.addClassNames("teams-popover-role", team.role() == MembershipRole.OWNER ? "owner" : "member");
        return new ListItem(name, role);
    }

    /** One short line: the team when there is one, else how many. */
    static String label(List<MyTeam> teams) {
        return switch (teams.size()) {
            case 0 -> "No team yet";
            case 1 -> teams.getFirst().name() + (teams.getFirst().role() == MembershipRole.OWNER ? " (owner)" : "");
            default -> teams.size() + " teams";
        };
    }
}

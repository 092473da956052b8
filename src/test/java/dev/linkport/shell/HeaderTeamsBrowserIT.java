package dev.linkport.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.identity.MembershipRole;
import dev.linkport.identity.service.TeamCommands.AddMember;
import dev.linkport.identity.service.TeamCommands.CreateTeam;
import dev.linkport.identity.service.TeamService;
import dev.linkport.identity.service.UserCommands.CreateUser;
import dev.linkport.identity.service.UserService;
import dev.linkport.support.BrowserTest;
import dev.linkport.support.Ids;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import dev.linkport.aws.AwsReachability;
import dev.linkport.aws.AwsTarget;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The header names the person's teams in one short line however many there are; the list of
 * teams with roles is one click (or Enter) away and scrolls when long.
 */
@LinkportIntegrationTest
class HeaderTeamsBrowserIT extends BrowserTest {

    private static final int TEAMS = 30;

    @Autowired TestUsers users;
    @Autowired UserService userService;
    @Autowired TeamService teamService;
    @Autowired AwsReachability reachability;

    @Test
    void theHeaderSaysWhereAndSinceWhenAwsDoesNotAnswerAndStopsSayingItWhenAwsAnswersAgain() {
        // a place no other test calls: an account of its own
        AwsTarget target = new AwsTarget("909090909090", "eu-west-1",
                "arn:aws:iam::909090909090:role/LinkportAccess", "demo-909090909090", null);
        browser.signIn("admin", "linkport-demo");
        browser.waitForPath("/");
        browser.waitFor(By.id("teams-menu"));
        assertThat(browser.displayed(By.id("aws-status"))).isEmpty();
        try {
            Instant now = Instant.now();
            for (int ago = 30; ago >= 10; ago -= 10) {
                reachability.unreachable(target, "Connect to 127.0.0.1:4566 failed: Connection refused",
                        now.minusSeconds(ago));
            }
            // the page stays open: the line appears by server push
            browser.until(d -> !browser.displayed(By.id("aws-status")).isEmpty());
            assertThat(browser.text(By.id("aws-status"))).contains("AWS is not answering in eu-west-1")
                    .contains("909090909090").contains("Connection refused")
                    .contains("wait and continue by themselves");
            browser.screenshot("aws-not-answering");
        } finally {
            reachability.answered(target);
        }
        browser.until(d -> browser.displayed(By.id("aws-status")).isEmpty());
    }

    @Test
    void aPersonInThirtyTeamsGetsAOneLineHeaderAndAScrollingListOfAllTeamsWithRoles() {
        String username = Ids.teamName("many");
        List<String> teams = new ArrayList<>();
        users.run("admin", () -> {
            userService.create(new CreateUser(username, "Many Teams", null, "many-teams-password", false));
            for (int i = 0; i < TEAMS; i++) {
                String team = Ids.teamName("t" + (char) ('a' + i % 26));
                teams.add(team);
                var created = teamService.createTeam(new CreateTeam(team, "Team " + i, null, false));
                teamService.addMember(new AddMember(created.id(), username, i == 0 ? MembershipRole.OWNER : MembershipRole.MEMBER));
            }
        });

        browser.signIn("bob", "linkport-demo");
        browser.waitForPath("/");
        assertThat(browser.text(By.id("teams-menu"))).isEqualTo("checkout (owner)");
        long oneTeamHeader = headerHeight();

        browser.signOut();
        browser.signIn(username, "many-teams-password");
        browser.waitForPath("/");
        assertThat(browser.text(By.id("teams-menu"))).isEqualTo(TEAMS + " teams");
        assertThat(headerHeight()).as("header height with %d teams", TEAMS).isEqualTo(oneTeamHeader).isLessThan(80);
        assertThat(browser.text(By.cssSelector(".view-header h2"))).isEqualTo("Catalog");

        // Keyboard: focus the button, Enter opens the list.
        browser.js("document.getElementById('teams-menu').focus()");
        browser.type(By.id("teams-menu"), Keys.ENTER);
        browser.waitFor(By.cssSelector(".teams-popover-list"));
        assertThat(browser.text(By.cssSelector(".teams-popover-heading"))).isEqualTo("Your teams (" + TEAMS + ")");
        List<String> listed = browser.read(By.cssSelector(".teams-popover-list"), list ->
                list.findElements(By.cssSelector("li")).stream()
                        .map(li -> li.findElement(By.cssSelector(".teams-popover-team")).getDomProperty("textContent")
                                + " " + li.findElement(By.cssSelector(".teams-popover-role")).getDomProperty("textContent"))
                        .toList());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < TEAMS; i++) {
            expected.add(teams.get(i) + " " + (i == 0 ? "owner" : "member"));
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(listed).isSortedAccordingTo(String::compareTo);
        Boolean scrolls = (Boolean) browser.js("const l = document.querySelector('.teams-popover-list');"
                + "return l.scrollHeight > l.clientHeight && getComputedStyle(l).overflowY === 'auto';");
        assertThat(scrolls).as("the long list scrolls inside the popover").isTrue();
        browser.screenshot("header-teams-1-open");

        // A team in the list leads to its page, and the list closes.
        String last = teams.stream().sorted().toList().getLast();
        browser.click(By.xpath("//a[contains(@class,'teams-popover-team')][.='" + last + "']"));
        browser.waitForPath("/teams/" + last);
        browser.until(d -> d.findElements(By.cssSelector(".teams-popover-list")).stream().noneMatch(WebElement::isDisplayed));
        browser.screenshot("header-teams-2-team-page");
    }

    @Test
    void aPersonInNoTeamIsToldHowToGetIntoOne() {
        String username = Ids.teamName("loner");
        users.run("admin", () -> userService.create(new CreateUser(username, "Loner", null, "loner-password-1", false)));

        browser.signIn(username, "loner-password-1");
        browser.waitForPath("/");
        assertThat(browser.text(By.id("teams-menu"))).isEqualTo("No team yet");
        browser.click(By.id("teams-menu"));
        assertThat(browser.text(By.cssSelector(".teams-popover-hint"))).contains("Ask a team's owner to add you");
        browser.click(By.cssSelector(".teams-popover-all"));
        browser.waitForPath("/teams");
    }

    private long headerHeight() {
        return browser.read(By.cssSelector(".app-header"), header -> (long) header.getRect().getHeight());
    }
}

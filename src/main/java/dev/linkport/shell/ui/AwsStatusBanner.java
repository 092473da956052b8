package dev.linkport.shell.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.linkport.aws.AwsReachability;
import dev.linkport.aws.AwsReachability.Outage;
import dev.linkport.platform.events.LiveUpdates;
import dev.linkport.platform.ui.LiveRefresh;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A line under the header while AWS does not answer this instance: where (region, and for admins the
 * accounts), since when, and what the last failure said. Appears and disappears by itself (server push);
 * provisioning meanwhile waits and continues on its own.
 */
class AwsStatusBanner extends Div {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final int SHOWN_PLACES = 3;

    private final AwsReachability reachability;
    private final boolean admin;
    private final Span text = new Span();

    AwsStatusBanner(AwsReachability reachability, LiveUpdates updates, boolean admin) {
        this.reachability = reachability;
        this.admin = admin;
        setId("aws-status");
        addClassName("aws-status");
        getElement().setAttribute("role", "status");
        add(text);
        setVisible(false);
        LiveRefresh.whileAttached(this, updates, reachability::listen, this::refresh);
    }

    private void refresh() {
        List<Outage> outages = reachability.outages();
        setVisible(!outages.isEmpty());
        if (!outages.isEmpty()) {
            text.setText(describe(outages, admin, Instant.now()));
        }
    }

    /** The banner's sentence: places grouped by region, the oldest first. */
    static String describe(List<Outage> outages, boolean withAccounts, Instant now) {
        Map<String, List<Outage>> byRegion = new LinkedHashMap<>();
        outages.forEach(o -> byRegion.computeIfAbsent(o.region(), r -> new ArrayList<>()).add(o));
        String places = byRegion.entrySet().stream().limit(SHOWN_PLACES).map(e -> {
            Outage first = e.getValue().getFirst();
            String accounts = withAccounts ? " (account" + (e.getValue().size() > 1 ? "s " : " ")
                    + e.getValue().stream().map(Outage::accountId).collect(Collectors.joining(", ")) + ")" : "";
            return e.getKey() + accounts + " since " + TIME.format(first.since()) + ", "
                    + ago(Duration.between(first.since(), now));
        }).collect(Collectors.joining("; "));
        if (byRegion.size() > SHOWN_PLACES) {
            places += "; and " + (byRegion.size() - SHOWN_PLACES) + " more region(s)";
        }
        Outage latest = outages.stream().max(Comparator.comparing(Outage::lastFailure)).orElseThrow();
        return "AWS is not answering in " + places + ". Last failure: " + latest.lastError()
                + ". Requests wait and continue by themselves when AWS answers again.";
    }

    private static String ago(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        return seconds < 120 ? seconds + " s ago" : seconds / 60 + " min ago";
    }
}

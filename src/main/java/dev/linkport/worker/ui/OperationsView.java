package dev.linkport.worker.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.tabs.TabSheetVariant;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.linkport.aws.ratelimit.ApiBucket;
import dev.linkport.aws.ratelimit.RateLimiter;
import dev.linkport.platform.LinkportException;
import dev.linkport.platform.ui.Notifications;
import dev.linkport.platform.ui.ViewHeader;
import dev.linkport.worker.DriftKind;
import dev.linkport.worker.service.OperationsActivity;
import dev.linkport.worker.service.OperationsService;
import dev.linkport.worker.service.OperationsService.DriftRow;
import dev.linkport.worker.service.OperationsService.Job;
import dev.linkport.worker.service.OperationsService.JobCounts;
import dev.linkport.worker.service.OperationsService.JobFilter;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The worker's jobs (queued, running, failed: retry and cancel), the drift reconciliation found, the AWS rate
 * budgets and charts of the last 24 hours, for platform admins.
 */
@Route("operations")
@PageTitle("Operations · Linkport")
@RolesAllowed("ADMIN")
public class OperationsView extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("UTC"));

    private final OperationsService operations;
    private final Div stats = new Div();
    private final Grid<Job> jobs = new Grid<>(Job.class, false);
    private final Grid<DriftRow> drift = new Grid<>(DriftRow.class, false);
    private final Grid<RateLimiter.Budget> budgets = new Grid<>(RateLimiter.Budget.class, false);
    private final Select<JobFilter> filter = new Select<>();
    private final TabSheet tabs = new TabSheet();

    public OperationsView(OperationsService operations, OperationsActivity activity) {
        this.operations = operations;
        addClassName("operations-view");
        setSizeFull();
        add(new ViewHeader("Operations",
                "The background worker's jobs — AWS calls queued, running and failed — and what reconciliation found "
                        + "AWS holding differently from Linkport."));
        stats.addClassName("stats");
        add(stats);

        filter.setLabel("Show");
        filter.setItems(JobFilter.values());
        filter.setItemLabelGenerator(f -> switch (f) {
            case ALL -> "All jobs";
            case QUEUED -> "Queued";
            case RUNNING -> "Running";
            case FAILED -> "Failed";
        });
        filter.setValue(JobFilter.ALL);
        filter.addValueChangeListener(e -> refresh());
        Button reload = new Button("Refresh", e -> refresh());
        reload.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout jobBar = new HorizontalLayout(filter, reload);
        jobBar.setAlignItems(FlexComponent.Alignment.BASELINE);

        jobs.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.ROW_STRIPES);
        jobs.addColumn(Job::task).setHeader("Job").setAutoWidth(true).setFlexGrow(0);
        jobs.addColumn(Job::instance).setHeader("About").setAutoWidth(true).setFlexGrow(0);
        jobs.addComponentColumn(j -> {
            Span s = new Span(j.status() + (j.running() && j.pickedBy() != null ? " on " + j.pickedBy() : ""));
            s.getElement().getThemeList().add("badge" + switch (j.status()) {
                case "failed" -> " error";
                case "retrying" -> " contrast";
                case "running" -> " success";
                default -> "";
            });
            return s;
        }).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        jobs.addColumn(j -> j.executionTime() == null ? "" : TIME.format(j.executionTime())).setHeader("Due (UTC)")
                .setAutoWidth(true).setFlexGrow(0);
        jobs.addColumn(Job::attempts).setHeader("Attempts").setAutoWidth(true).setFlexGrow(0);
        jobs.addColumn(j -> j.accountId() == null ? "" : j.accountId() + " / " + j.region()).setHeader("Account / region")
                .setAutoWidth(true).setFlexGrow(0);
        jobs.addComponentColumn(j -> {
            Span error = new Span(j.error() == null ? "" : j.error());
            error.addClassName("job-error");
            return error;
        }).setHeader("Last error").setFlexGrow(1);
        jobs.addComponentColumn(this::jobActions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        jobs.setEmptyStateText("No jobs here. Publishing, provisioning, deleting and reconciling run as jobs; they "
                + "appear while they wait, run or fail, with AWS's error and a retry.");
        jobs.setItems(q -> operations.jobs(filter.getValue(), q.getOffset(), q.getLimit()).stream(),
                q -> (int) operations.countJobs(filter.getValue()));
        VerticalLayout jobsTab = new VerticalLayout(jobBar, jobs);
        jobsTab.setPadding(false);
        jobsTab.addClassName("operations-tab");
        jobsTab.setSizeFull();
        jobsTab.setFlexGrow(1, jobs);

        Button reconcile = new Button("Reconcile now", e -> act(operations::reconcileNow,
                "Reconciliation started; findings appear here when it finishes"));
        drift.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.ROW_STRIPES);
        drift.addColumn(d -> TIME.format(d.foundAt())).setHeader("Found (UTC)").setAutoWidth(true).setFlexGrow(0);
        drift.addColumn(d -> humanKind(d.kind())).setHeader("What").setAutoWidth(true).setFlexGrow(0);
        drift.addComponentColumn(d -> {
            Span detail = new Span(d.detail());
            detail.addClassName("job-error");
            return detail;
        }).setHeader("Detail").setFlexGrow(1);
        drift.addColumn(d -> TIME.format(d.lastSeenAt())).setHeader("Last seen").setAutoWidth(true).setFlexGrow(0);
        drift.addComponentColumn(d -> {
            Button resolve = new Button("Resolve", e -> act(() -> operations.resolveDrift(d.id()), "Marked resolved"));
            resolve.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return resolve;
        }).setAutoWidth(true).setFlexGrow(0);
        drift.setEmptyStateText("No open drift: AWS holds what Linkport expects.");
        drift.setItems(q -> operations.drift(false, q.getOffset(), q.getLimit()).stream(),
                q -> (int) operations.countDrift(false));
        HorizontalLayout driftBar = new HorizontalLayout(new H3("Open findings"), reconcile);
        driftBar.setAlignItems(FlexComponent.Alignment.CENTER);
        VerticalLayout driftTab = new VerticalLayout(driftBar, drift);
        driftTab.setPadding(false);
        driftTab.addClassName("operations-tab");
        driftTab.setSizeFull();
        driftTab.setFlexGrow(1, drift);

        budgets.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.ROW_STRIPES);
        budgets.addColumn(b -> b.key().accountId() + " / " + b.key().region()).setHeader("Account / region")
                .setAutoWidth(true).setFlexGrow(0);
        budgets.addColumn(b -> humanBucket(b.key().bucket())).setHeader("AWS actions").setAutoWidth(true);
        budgets.addColumn(b -> rate(b.rate()) + " of " + rate(b.startRate())).setHeader("Rate now")
                .setAutoWidth(true).setFlexGrow(0);
        budgets.addColumn(b -> String.format("%.1f of %d", Math.max(0, b.tokens()), b.burst())).setHeader("Tokens")
                .setAutoWidth(true).setFlexGrow(0);
        budgets.addColumn(RateLimiter.Budget::calls).setHeader("Calls").setAutoWidth(true).setFlexGrow(0);
        budgets.addColumn(RateLimiter.Budget::throttles).setHeader("Throttled by AWS").setAutoWidth(true)
                .setFlexGrow(0);
        budgets.addColumn(b -> b.deferrals() == 0 ? "none" : b.deferrals() + " × avg "
                        + seconds(b.deferred().toMillis() / b.deferrals()))
                .setHeader("Held back").setAutoWidth(true).setFlexGrow(0);
        budgets.setEmptyStateText("No AWS calls yet. Every account, region and group of actions Linkport calls gets "
                + "a budget at AWS's published rate; it slows down when AWS throttles and recovers after.");
        Button reloadBudgets = new Button("Refresh", e -> budgets.setItems(operations.budgets()));
        reloadBudgets.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout budgetBar = new HorizontalLayout(new H3("AWS rate budgets, shared by all instances"),
                reloadBudgets);
        budgetBar.setAlignItems(FlexComponent.Alignment.CENTER);
        VerticalLayout budgetTab = new VerticalLayout(budgetBar, budgets);
        budgetTab.setPadding(false);
        budgetTab.addClassName("operations-tab");
        budgetTab.setSizeFull();
        budgetTab.setFlexGrow(1, budgets);

        tabs.add("Jobs", jobsTab);
        tabs.add("Drift", driftTab);
        Tab budgetsTab = tabs.add("Rate budgets", budgetTab);
        ActivityCharts charts = new ActivityCharts(activity);
        Tab chartsTab = tabs.add("Last 24 hours", charts);
        tabs.addSelectedChangeListener(e -> {
            if (e.getSelectedTab() == budgetsTab) {
                budgets.setItems(operations.budgets());
            } else if (e.getSelectedTab() == chartsTab) {
                charts.refresh();
            }
        });
        tabs.addThemeVariants(TabSheetVariant.LUMO_NO_PADDING);
        tabs.setWidthFull();
        tabs.setMinHeight("20rem");
        add(tabs);
        setFlexGrow(1, tabs);
        showCounts();
    }

    private HorizontalLayout jobActions(Job job) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (job.running()) {
            return actions;
        }
        if (job.error() != null || job.attempts() > 0 || job.scheduled()) {
            Button retry = new Button(job.scheduled() ? "Run now" : "Retry",
                    e -> act(() -> operations.retry(job.task(), job.instance()), "Started " + job.task() + " again"));
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(retry);
        }
        if (!job.recurring()) {
            Button cancel = new Button(job.scheduled() ? "Cancel" : "Dismiss",
                    e -> act(() -> operations.cancel(job.task(), job.instance()),
                            (job.scheduled() ? "Cancelled " : "Dismissed ") + job.task()));
            cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            actions.add(cancel);
        }
        return actions;
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Notifications.success(done);
        } catch (LinkportException e) {
            Notifications.error(e.getMessage());
        }
        refresh();
    }

    private void refresh() {
        jobs.getDataProvider().refreshAll();
        drift.getDataProvider().refreshAll();
        showCounts();
    }

    private void showCounts() {
        JobCounts counts = operations.counts();
        stats.removeAll();
        stats.add(stat("Queued", counts.waiting()), stat("Running", counts.running()), stat("Failed", counts.failing()),
                stat("Open drift", operations.countDrift(false)));
    }

    private static String humanBucket(ApiBucket bucket) {
        return switch (bucket) {
            case VPC_ENDPOINTS -> "Create, modify, delete endpoints";
            case ENDPOINT_SERVICE_CONFIGURATIONS -> "Create, modify, delete endpoint services";
            case ENDPOINT_CONNECTIONS -> "Accept, reject connections";
            case OTHER_MUTATING -> "Permissions, DNS verification";
            case DESCRIBE -> "Describe";
        };
    }

    private static String rate(double perSecond) {
        return perSecond >= 1 ? String.format("%.1f/s", perSecond) : String.format("%.2f/s", perSecond);
    }

    private static String seconds(long millis) {
        return millis < 1000 ? millis + " ms" : String.format("%.1f s", millis / 1000.0);
    }

    private static String humanKind(DriftKind kind) {
        return switch (kind) {
            case ENDPOINT_GONE -> "Endpoint deleted outside Linkport";
            case ENDPOINT_REJECTED -> "Endpoint rejected outside Linkport";
            case OUT_OF_BAND_CONNECTION -> "Connection made outside Linkport";
            case PRINCIPAL_ADDED_OUTSIDE -> "Principal added outside Linkport";
            case PRINCIPAL_REMOVED_OUTSIDE -> "Principal removed outside Linkport";
            case SERVICE_CHANGED_OUTSIDE -> "Service changed outside Linkport";
            case SERVICE_DELETED_OUTSIDE -> "Service deleted outside Linkport";
            case PRIVATE_DNS_UNVERIFIED -> "Private DNS name no longer verified";
        };
    }

    private static Div stat(String label, long value) {
        Span number = new Span(String.valueOf(value));
        number.addClassName("stat-value");
        Div stat = new Div(number, new Span(label));
        stat.addClassName("stat");
        return stat;
    }

}

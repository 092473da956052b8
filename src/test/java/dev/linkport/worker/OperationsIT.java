package dev.linkport.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkport.audit.service.AuditQueryService;
import dev.linkport.audit.service.AuditQueryService.AuditFilter;
import dev.linkport.aws.ratelimit.ApiBucket;
import dev.linkport.aws.ratelimit.RateLimiter;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.sandbox.SandboxFault;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.TestUsers;
import dev.linkport.worker.service.OperationsService;
import dev.linkport.worker.service.OperationsService.Job;
import dev.linkport.worker.service.OperationsService.JobFilter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Operations for platform admins: failed jobs with AWS's error, retry and cancel; the audit log's CSV export. */
@LinkportIntegrationTest
class OperationsIT {

    static final String CAROL = LoopFixture.CAROL_ACCOUNT;

    @Autowired TestUsers users;
    @Autowired LoopFixture loop;
    @Autowired EndpointRequestService requests;
    @Autowired OperationsService operations;
    @Autowired AuditQueryService audit;
    @Autowired SandboxLifecycle sandbox;
    @Autowired MeterRegistry meters;

    @AfterEach
    void clearFaults() {
        sandbox.control().clearFaults();
    }

    @Test
    void onlyPlatformAdminsSeeOrTouchOperations() {
        for (String user : List.of("alice", "bob")) {
            users.run(user, () -> {
                assertThatThrownBy(operations::counts).isInstanceOf(ForbiddenException.class);
                assertThatThrownBy(() -> operations.jobs(JobFilter.ALL, 0, 10)).isInstanceOf(ForbiddenException.class);
                assertThatThrownBy(() -> operations.retry("provision-endpoint", UUID.randomUUID().toString()))
                        .isInstanceOf(ForbiddenException.class);
                assertThatThrownBy(() -> operations.cancel("provision-endpoint", UUID.randomUUID().toString()))
                        .isInstanceOf(ForbiddenException.class);
                assertThatThrownBy(() -> operations.drift(false, 0, 10)).isInstanceOf(ForbiddenException.class);
                assertThatThrownBy(() -> operations.resolveDrift(UUID.randomUUID())).isInstanceOf(ForbiddenException.class);
                assertThatThrownBy(operations::reconcileNow).isInstanceOf(ForbiddenException.class);
                assertThatThrownBy(operations::budgets).isInstanceOf(ForbiddenException.class);
                assertThatThrownBy(() -> audit.exportCsv(AuditFilter.none(), new StringWriter()))
                        .isInstanceOf(AccessDeniedException.class);
            });
        }
        assertThat(users.as("admin", operations::counts)).isNotNull();
    }

    @Test
    void theAwsRateBudgetsShowTheirRateAndCallsInOperationsAndAsMetrics() {
        loop.publishedService(ApprovalPolicy.AUTO, "payments-api"); // calls AWS in the provider's account

        List<RateLimiter.Budget> budgets = users.as("admin", operations::budgets);

        assertThat(budgets).anySatisfy(b -> {
            assertThat(b.key().accountId()).isEqualTo("111111111111");
            assertThat(b.key().bucket()).isEqualTo(ApiBucket.ENDPOINT_SERVICE_CONFIGURATIONS);
            assertThat(b.calls()).isPositive();
            assertThat(b.startRate()).isEqualTo(ApiBucket.ENDPOINT_SERVICE_CONFIGURATIONS.awsRefillPerSecond());
            assertThat(b.rate()).isPositive().isLessThanOrEqualTo(b.startRate());
        });
        Gauge rate = meters.find("linkport.aws.budget.rate").tags("account", "111111111111", "region", "us-east-1",
                "bucket", ApiBucket.ENDPOINT_SERVICE_CONFIGURATIONS.name()).gauge();
        assertThat(rate).isNotNull();
        assertThat(rate.value()).isPositive();
        assertThat(meters.find("linkport.aws.budget.calls").tags("account", "111111111111", "bucket",
                ApiBucket.ENDPOINT_SERVICE_CONFIGURATIONS.name()).functionCounter().count()).isPositive();
    }

    @Test
    void aFailedJobShowsAwsErrorAccountRegionAndAttemptsAndARetryAfterTheFixSucceeds() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-api");
        sandbox.control().injectFault(SandboxFault.error("CreateVpcEndpoint", "UnauthorizedOperation", 403)
                .forAccount(CAROL));
        EndpointRequestDetails request = users.as("carol", () -> requests.submit(loop.requestFor("carol", CAROL, service)));
        loop.awaitState("carol", request.id(), EndpointState.FAILED, Duration.ofSeconds(60));

        Job failed = failedJob(request.id());
        assertThat(failed.task()).isEqualTo("provision-endpoint");
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.error()).contains("UnauthorizedOperation");
        assertThat(failed.accountId()).isEqualTo(CAROL);
        assertThat(failed.region()).isEqualTo("us-east-1");
        assertThat(failed.attempts()).isEqualTo(1);

        sandbox.control().clearFaults(); // the cause is fixed
        users.run("admin", () -> operations.retry(failed.task(), failed.instance()));

        loop.awaitState("carol", request.id(), EndpointState.AVAILABLE, Duration.ofSeconds(60));
        assertThat(users.as("admin", () -> operations.jobs(JobFilter.FAILED, 0, 1000)))
                .noneMatch(j -> j.instance().equals(request.id().toString()));
    }

    @Test
    void aFailedJobCanBeDismissed() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-ledger");
        sandbox.control().injectFault(SandboxFault.error("CreateVpcEndpoint", "InvalidParameter", 400)
                .forAccount(CAROL));
        EndpointRequestDetails request = users.as("carol", () -> requests.submit(loop.requestFor("carol", CAROL, service)));
        loop.awaitState("carol", request.id(), EndpointState.FAILED, Duration.ofSeconds(60));
        Job failed = failedJob(request.id());

        users.run("admin", () -> operations.cancel(failed.task(), failed.instance()));

        assertThat(users.as("admin", () -> operations.jobs(JobFilter.ALL, 0, 1000)))
                .noneMatch(j -> j.instance().equals(request.id().toString()));
        assertThat(users.as("admin", () -> audit.list(new AuditFilter(null, "JOB_CANCELLED", request.id().toString(),
                null, null), 0, 10))).hasSize(1);
    }

    @Test
    void theCsvExportHoldsExactlyTheFilteredLinesUnderAHeader() throws Exception {
        Instant since = Instant.now().minusSeconds(1);
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-api");
        EndpointRequestDetails request = users.as("bob",
                () -> requests.submit(loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, service)));
        // the worker writes audit lines about the request until it is available: export after that
        loop.awaitState("bob", request.id(), EndpointState.AVAILABLE, Duration.ofSeconds(60));
        AuditFilter filter = new AuditFilter(null, "checkout", null, service.name(), since, null);

        StringWriter csv = new StringWriter();
        users.run("admin", () -> {
            try {
                audit.exportCsv(filter, csv);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });

        List<String> lines = csv.toString().lines().toList();
        assertThat(lines.getFirst())
                .isEqualTo("id,occurred_at,actor,action,target_type,target_id,target_label,team,before,after,reason");
        List<String> rows = lines.subList(1, lines.size());
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row).contains(service.name()).contains("checkout"));
        assertThat(rows).anySatisfy(row -> assertThat(row).contains("REQUEST_APPROVED"));
        long expected = users.as("admin", () -> audit.count(filter));
        assertThat(rows).hasSize((int) expected);
        // the provider's own lines about the service are another team's: filtered out
        assertThat(rows).noneMatch(row -> row.contains("SERVICE_AVAILABLE"));
    }

    private Job failedJob(UUID requestId) {
        return users.as("admin", () -> operations.jobs(JobFilter.FAILED, 0, 1000)).stream()
                .filter(j -> j.instance().equals(requestId.toString())).findFirst().orElseThrow();
    }
}

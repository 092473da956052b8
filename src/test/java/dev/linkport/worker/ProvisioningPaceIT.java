package dev.linkport.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.linkport.aws.ratelimit.ApiBucket;
import dev.linkport.aws.ratelimit.RateLimiter;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.jobs.ConsumerJobs;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.sandbox.SandboxFault;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.sandbox.SandboxStats;
import dev.linkport.support.Ids;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.ScaleSeed;
import dev.linkport.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How the worker paces itself against AWS: a step the rate budget holds back is rescheduled, never
 * waited for on a thread; accepts go in batches per service; polls and transient errors are counted
 * apart. Each test uses consumer accounts of its own (team checkout, bob's), so their budgets start full.
 */
@LinkportIntegrationTest
class ProvisioningPaceIT {

    static final String REGION = "us-east-1";
    static final String PROVIDER = "111111111111";

    @Autowired TestUsers users;
    @Autowired LoopFixture loop;
    @Autowired ScaleSeed seed;
    @Autowired EndpointRequestService requests;
    @Autowired SandboxLifecycle sandbox;
    @Autowired RateLimiter limiter;
    @Autowired SchedulerClient scheduler;
    @Autowired JdbcClient jdbc;
    @Autowired Jobs jobs;

    @AfterEach
    void restoreSandbox() {
        sandbox.control().clearFaults();
        sandbox.control().settings().pendingToAvailable(Duration.ofMillis(300));
    }

    /** A fresh account of team checkout whose subnets lie in the AZs of the payments load balancers. */
    private String consumerAccount() {
        String id;
        do {
            id = Ids.accountId();
        } while (Long.parseLong(id) % 6 != 0); // its a, b, c are use1-az1..az3, as the provider's
        seed.account(id, "checkout", List.of(REGION));
        return id;
    }

    private UUID linkportId(String accountId) {
        return jdbc.sql("select id from aws_account where account_id = ?").param(accountId).query(UUID.class).single();
    }

    @Test
    void aStepWithoutATokenIsRescheduledForWhenItHasOneWhileOtherAccountsGoOn() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-ledger");
        String slow = consumerAccount();
        String other = consumerAccount();
        // slow's CreateVpcEndpoint budget is empty and AWS throttled it twice: a token in about 13 s
        while (limiter.tryAcquire(slow, REGION, ApiBucket.VPC_ENDPOINTS).isZero()) {
            // take the burst
        }
        limiter.throttled(slow, REGION, ApiBucket.VPC_ENDPOINTS);
        limiter.throttled(slow, REGION, ApiBucket.VPC_ENDPOINTS);
        long deferralsBefore = budget(slow).deferrals();

        EndpointRequestDetails waiting = users.as("bob", () -> requests.submit(loop.requestFor("bob", slow, service)));
        EndpointRequestDetails going = users.as("bob", () -> requests.submit(loop.requestFor("bob", other, service)));

        // the job is back in the queue, due when the token is there, and holds no thread meanwhile
        TaskInstanceId job = TaskInstanceId.of(ConsumerJobs.CREATE_ENDPOINTS.taskName(), linkportId(slow).toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> budget(slow).deferrals() > deferralsBefore);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                        select count(*) from scheduled_tasks where task_name = ? and task_instance = ?
                        and not picked and execution_time > now() + interval '2 seconds'""")
                .params(job.getTaskName(), job.getId()).query(Long.class).single() == 1);
        // another account's request does not wait for it
        EndpointRequestDetails other1 = loop.awaitState("bob", going.id(), EndpointState.AVAILABLE, Duration.ofSeconds(30));
        assertThat(users.as("bob", () -> requests.detail(waiting.id())).state())
                .isIn(EndpointState.APPROVED, EndpointState.PROVISIONING);

        EndpointRequestDetails slow1 = loop.awaitState("bob", waiting.id(), EndpointState.AVAILABLE, Duration.ofSeconds(60));
        assertThat(availableAt(slow1)).isAfter(availableAt(other1));
    }

    /**
     * Endpoints wait for acceptance while the provider's budget for AcceptVpcEndpointConnections is spent
     * (AWS throttled it): when it is there again, one call accepts them all.
     */
    @Test
    void theEndpointsWaitingForOneServiceAreAcceptedInOneCall() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-ledger");
        List<String> accounts = List.of(consumerAccount(), consumerAccount(), consumerAccount());
        for (int throttle = 0; throttle < 20; throttle++) {
            limiter.throttled(PROVIDER, REGION, ApiBucket.ENDPOINT_CONNECTIONS); // next token in about 20 s
        }
        SandboxStats before = sandbox.control().stats();

        List<EndpointRequestDetails> submitted = new ArrayList<>();
        for (String account : accounts) {
            for (int i = 0; i < 4; i++) {
                submitted.add(users.as("bob", () -> requests.submit(loop.requestFor("bob", account, service))));
            }
        }
        for (EndpointRequestDetails request : submitted) {
            loop.awaitState("bob", request.id(), EndpointState.PENDING_ACCEPTANCE, Duration.ofSeconds(60));
        }
        SandboxStats waiting = sandbox.control().stats();
        // the budget is back (as after a quiet minute) and the waiting job runs now
        jdbc.sql("delete from aws_rate_budget where account_id = ? and region = ? and bucket = ?")
                .params(PROVIDER, REGION, ApiBucket.ENDPOINT_CONNECTIONS.name()).update();
        jobs.scheduleWithin(ConsumerJobs.ACCEPT_ENDPOINTS, service.id(), Duration.ZERO);
        for (EndpointRequestDetails request : submitted) {
            loop.awaitState("bob", request.id(), EndpointState.AVAILABLE, Duration.ofSeconds(60));
        }

        SandboxStats after = sandbox.control().stats();
        long accepts = after.requests("AcceptVpcEndpointConnections") - waiting.requests("AcceptVpcEndpointConnections");
        long permissions = after.requests("ModifyVpcEndpointServicePermissions")
                - before.requests("ModifyVpcEndpointServicePermissions");
        System.out.printf("%nACCEPT %d endpoints of 3 accounts: %d AcceptVpcEndpointConnections, "
                + "%d ModifyVpcEndpointServicePermissions%n", submitted.size(), accepts, permissions);
        assertThat(waiting.requests("AcceptVpcEndpointConnections") - before.requests("AcceptVpcEndpointConnections"))
                .as("accepts while the budget was spent").isZero();
        assertThat(accepts).as("accepts for the 12 waiting endpoints").isEqualTo(1);
        assertThat(permissions).as("one per consumer principal").isEqualTo(3);
        assertThat(after.requests("CreateVpcEndpoint") - before.requests("CreateVpcEndpoint")).isEqualTo(12);
    }

    @Test
    void aRequestThatPolledFiftyTimesAndMeetsAThrottleStillEndsAvailable() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-ledger");
        String account = consumerAccount();
        TaskInstanceId job = TaskInstanceId.of(ConsumerJobs.POLL_ENDPOINTS.taskName(), linkportId(account).toString());
        sandbox.control().settings().pendingToAvailable(Duration.ofMinutes(10)); // AWS is slow today

        EndpointRequestDetails request = users.as("bob", () -> requests.submit(loop.requestFor("bob", account, service)));
        await().atMost(Duration.ofSeconds(120)).until(() -> progress(job).map(JobProgress::polls).orElse(0) >= 50);

        long faultsBefore = sandbox.control().stats().faultsInjected();
        sandbox.control().injectFault(new SandboxFault("DescribeVpcEndpoints", account, "RequestLimitExceeded", 503,
                1.0, Duration.ZERO, 2));
        await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.control().stats().faultsInjected() - faultsBefore == 2);
        sandbox.control().settings().pendingToAvailable(Duration.ofMillis(300)); // AWS catches up

        EndpointRequestDetails available = loop.awaitState("bob", request.id(), EndpointState.AVAILABLE,
                Duration.ofSeconds(60));
        assertThat(available.failureReason()).isNull();
        assertThat(available.timeline()).extracting(EndpointRequestDetails.TimelineEntry::to)
                .doesNotContain(EndpointState.FAILED);
        System.out.printf("%nPOLL a request polled 50+ times, then met 2 throttles: %s%n", available.state());
    }

    private Optional<JobProgress> progress(TaskInstanceId job) {
        return scheduler.getScheduledExecution(job).map(e -> (JobProgress) e.getData());
    }

    private RateLimiter.Budget budget(String account) {
        return limiter.budgets().stream()
                .filter(b -> b.key().accountId().equals(account) && b.key().bucket() == ApiBucket.VPC_ENDPOINTS)
                .findFirst().orElseThrow();
    }

    private static Instant availableAt(EndpointRequestDetails request) {
        return request.timeline().stream().filter(t -> t.to() == EndpointState.AVAILABLE)
                .map(EndpointRequestDetails.TimelineEntry::at).findFirst().orElseThrow();
    }
}

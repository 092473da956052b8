package dev.linkport.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.router.RouteAliasData;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import dev.linkport.api.ApiClient.Response;
import dev.linkport.aws.SecurityGroup;
import dev.linkport.aws.Subnet;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.ListingState;
import dev.linkport.catalog.Visibility;
import dev.linkport.catalog.service.EditServiceCommand;
import dev.linkport.catalog.service.ListingService;
import dev.linkport.catalog.service.PrivateDnsService;
import dev.linkport.catalog.service.PublishServiceCommand;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.catalog.service.ServiceEditService;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.consumer.service.MyEndpointsFilter;
import dev.linkport.consumer.service.SubmitEndpointRequest;
import dev.linkport.identity.MembershipRole;
import dev.linkport.identity.service.AccountCommands.RegisterAccount;
import dev.linkport.identity.service.AccountDetails;
import dev.linkport.identity.service.AccountResources;
import dev.linkport.identity.service.AccountService;
import dev.linkport.identity.service.ApiTokenService;
import dev.linkport.identity.service.TeamCommands.AddMember;
import dev.linkport.identity.service.TeamCommands.CreateTeam;
import dev.linkport.identity.service.TeamService;
import dev.linkport.identity.service.TeamViews.TeamSummary;
import dev.linkport.identity.service.UserCommands.CreateUser;
import dev.linkport.identity.service.UserService;
import dev.linkport.provider.service.AddPrincipal;
import dev.linkport.provider.PrincipalSyncState;
import dev.linkport.provider.service.PrincipalRow;
import dev.linkport.provider.service.PrincipalService;
import dev.linkport.platform.StaleEditException;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.support.Ids;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.TestUsers;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Who may do what, for every route the application serves: each REST route (the handler methods of every
 * {@link RequestMappingInfoHandlerMapping} in the running context: the API, and Spring's and actuator's own
 * endpoints) and each Vaadin route (Vaadin's route registry), against seven callers: nobody, a member of an
 * unrelated team, a member and an owner of the consumer team, a member and an owner of the provider team, and a
 * platform admin. A route without a line in the tables fails the test, and so does a line for a route that no
 * longer exists.
 *
 * <h2>The fixtures</h2>
 * Users, teams and accounts of this test's own (the demo users' teams stay as they are): a provider team with an
 * AWS account and a service published from it (policy {@code PROVIDER}, visible to the consumer and provider teams
 * only, with a private DNS name); a consumer team with an account and a {@code SUBMITTED} request for that service;
 * an unrelated team owned by the stranger (owning a team must not help elsewhere); a victim user for the user
 * administration routes. Callers authenticate with personal API tokens (all scopes), as API clients do.
 *
 * <h2>What an answer means</h2>
 * A cell is the status the caller got, refined where a bare status would not tell "allowed" from "refused":
 * <ul>
 *   <li>{@code 400 field,...}: a problem naming those fields. Where the service checks authorization before the
 *       body, a line sends a body that passes authorization and then fails validation: allowed callers get a
 *       field error about the body, refused ones 403 or 404 (or a 400 naming the field that expresses the refusal,
 *       like {@code accountId} "not one of your teams' accounts").</li>
 *   <li>{@code 409}: allowed, then refused by the state of the thing (a stale version, the last owner, a service
 *       with live requests, a request that is not {@code FAILED}): this keeps the fixtures intact.</li>
 *   <li>{@code 200 hidden}: a list answered, without the fixture in it (the caller may not see it); {@code 200}
 *       on a list means the fixture is in it.</li>
 *   <li>{@code 200 DECIDED}, {@code 200 NOT_ALLOWED}, {@code 200 NOT_FOUND}: a bulk decision's answer for the one
 *       request it named.</li>
 *   <li>{@code 302 /login}: a redirect to the sign-in page.</li>
 * </ul>
 * Decisions and deletions of requests really happen: before each cell of such a line a {@code SUBMITTED} request
 * is ready (a new one after an allowed caller decided or cancelled the previous one; for the four-eyes line, one the
 * provider member asked for from the provider team's own account). Principal removal likewise gets a principal to
 * remove (in sync with AWS) before each cell, and the policy-lowering line gets the {@code PROVIDER} policy back
 * before each cell and after the line. Everything else is read-only or refused before it changes anything, so the
 * seven callers of such a line ask at the same time.
 *
 * <h2>Changing the tables</h2>
 * The test prints the matrix it observed in the tables' own format (with each line's time): a deliberate change of
 * who may do what is one edited line, a new route one new line.
 *
 * <h2>Other endpoints</h2>
 * Routes outside {@code /api/**} (the OpenAPI document, Swagger UI, Spring's error page, actuator) do not take API
 * tokens; their lines are checked for an anonymous caller only. The sandbox's control API is not served by Spring
 * MVC (it has its own port, {@code SandboxServer}) and is not in this matrix. Vaadin routes are checked with
 * Vaadin's own {@link AccessAnnotationChecker} (what Vaadin's navigation access control runs) for each caller's
 * real authorities, and an anonymous HTTP GET of each route must redirect to the sign-in page; what a view shows
 * inside is scoped by the same services as the REST lines.
 */
@LinkportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

    static final String PASSWORD = "matrix-password-1";
    static final String REGION = "us-east-1";

    /** The callers, in the order of the columns of the tables. */
    enum Caller { ANONYMOUS, STRANGER, CONSUMER_MEMBER, CONSUMER_OWNER, PROVIDER_MEMBER, PROVIDER_OWNER, ADMIN }

    /** What a line needs ready before each of its cells. */
    enum Prepare { NOTHING, SUBMITTED_REQUEST, OWN_SUBMITTED_REQUEST, PRINCIPAL, PROVIDER_POLICY, NO_PRIVATE_DNS_NAME,
        FREE_POST_VPC }

    /** Answers of the API, one line per route (several for a route called in different ways). */
    static List<Line> apiLines() {
        return List.of(
                // ------------------------------------------------------------------------- endpoint requests
                //                                                                          anon | stranger | cons.member | cons.owner | prov.member | prov.owner | admin
                // one request per service and VPC: each caller posts into a VPC the previous caller's request has left
                line("POST /api/v1/endpoint-requests", Prepare.FREE_POST_VPC,
                        f -> post("/api/v1/endpoint-requests", f.submitBody()),
                        "401 | 400 accountId | 201 | 201 | 400 accountId | 400 accountId | 400 accountId"),
                line("GET /api/v1/endpoint-requests/zones", f -> get("/api/v1/endpoint-requests/zones?serviceId="
                                + f.service + "&accountId=" + f.consumerAccount + "&region=" + REGION),
                        "401 | 400 accountId | 200 | 200 | 400 accountId | 400 accountId | 400 accountId"),
                line("GET /api/v1/endpoint-requests/{id}", f -> get("/api/v1/endpoint-requests/" + f.request),
                        "401 | 404 | 200 | 200 | 200 | 200 | 200"),
                line("GET /api/v1/endpoint-requests/{id}/usage", f -> get("/api/v1/endpoint-requests/" + f.request
                                + "/usage?window=30d"), "401 | 404 | 200 | 200 | 200 | 200 | 200"),
                list("GET /api/v1/endpoint-requests", f -> get("/api/v1/endpoint-requests?size=100"), f -> f.request,
                        "401 | 200 hidden | 200 | 200 | 200 hidden | 200 hidden | 200"),
                list("GET /api/v1/endpoint-requests", f -> get("/api/v1/endpoint-requests?scope=to-decide&size=100"
                                + "&service=" + f.service), f -> f.request,
                        "401 | 200 hidden | 200 hidden | 200 hidden | 200 | 200 | 200"),
                bulk("POST /api/v1/endpoint-requests/reject",
                        f -> post("/api/v1/endpoint-requests/reject", Map.of("ids", List.of(f.fresh), "reason", "matrix")),
                        "401 | 200 NOT_FOUND | 200 NOT_ALLOWED | 200 NOT_ALLOWED | 200 DECIDED | 200 DECIDED | 200 DECIDED"),
                bulk("POST /api/v1/endpoint-requests/approve",
                        f -> post("/api/v1/endpoint-requests/approve", Map.of("ids", List.of(f.fresh))),
                        "401 | 200 NOT_FOUND | 200 NOT_ALLOWED | 200 NOT_ALLOWED | 200 DECIDED | 200 DECIDED | 200 DECIDED"),
                line("POST /api/v1/endpoint-requests/{id}/approve", Prepare.SUBMITTED_REQUEST,
                        f -> post("/api/v1/endpoint-requests/" + f.fresh + "/approve", null),
                        "401 | 404 | 403 | 403 | 200 | 200 | 200"),
                // FOUR EYES (issue 13, Build 2): the requester deciding their own request. The provider member asks
                // for an endpoint into the provider team's own account and approves it: 403 (before four eyes: 200).
                line("POST /api/v1/endpoint-requests/{id}/approve", Prepare.OWN_SUBMITTED_REQUEST,
                        f -> post("/api/v1/endpoint-requests/" + f.ownFresh + "/approve", null),
                        "401 | 404 | 404 | 404 | 403 | 200 | 200"),
                line("POST /api/v1/endpoint-requests/{id}/reject", Prepare.SUBMITTED_REQUEST,
                        f -> post("/api/v1/endpoint-requests/" + f.fresh + "/reject", Map.of("reason", "matrix")),
                        "401 | 404 | 403 | 403 | 200 | 200 | 200"),
                line("DELETE /api/v1/endpoint-requests/{id}", Prepare.SUBMITTED_REQUEST,
                        f -> delete("/api/v1/endpoint-requests/" + f.fresh),
                        "401 | 404 | 202 | 202 | 403 | 403 | 202"),
                line("POST /api/v1/endpoint-requests/{id}/retry", f -> post("/api/v1/endpoint-requests/" + f.request
                                + "/retry", null),
                        "401 | 404 | 403 | 403 | 403 | 403 | 409"),
                // a change of the endpoint: its team and admins (409: the fixture is SUBMITTED, not AVAILABLE)
                line("POST /api/v1/endpoint-requests/{id}/changes", f -> post("/api/v1/endpoint-requests/" + f.request
                                + "/changes", Map.of("subnetIds", List.of("subnet-0123456789abcdef0"))),
                        "401 | 404 | 409 | 409 | 403 | 403 | 409"),
                line("GET /api/v1/endpoint-requests/{id}/changes", f -> get("/api/v1/endpoint-requests/" + f.request
                                + "/changes"),
                        "401 | 404 | 200 | 200 | 200 | 200 | 200"),
                // changes waiting for approval: a list for everyone signed in (scoped like to-decide requests);
                // deciding one needs a change the caller may see (EndpointChangeApprovalIT decides real ones)
                line("GET /api/v1/endpoint-changes/to-decide", f -> get("/api/v1/endpoint-changes/to-decide"),
                        "401 | 200 | 200 | 200 | 200 | 200 | 200"),
                line("POST /api/v1/endpoint-changes/{id}/approve", f -> post("/api/v1/endpoint-changes/"
                                + UUID.randomUUID() + "/approve", null),
                        "401 | 404 | 404 | 404 | 404 | 404 | 404"),
                line("POST /api/v1/endpoint-changes/{id}/reject", f -> post("/api/v1/endpoint-changes/"
                                + UUID.randomUUID() + "/reject", Map.of("reason", "matrix")),
                        "401 | 404 | 404 | 404 | 404 | 404 | 404"),
                // ------------------------------------------------------------------------------------ services
                // the catalog lists what the caller's teams may see, admins included (they open any service by id)
                list("GET /api/v1/services", f -> get("/api/v1/services?q=" + f.serviceName), f -> f.service,
                        "401 | 200 hidden | 200 | 200 | 200 | 200 | 200 hidden"),
                list("GET /api/v1/services/facets", f -> get("/api/v1/services/facets?q=" + f.serviceName),
                        f -> f.providerTeam, "401 | 200 hidden | 200 | 200 | 200 | 200 | 200 hidden"),
                line("GET /api/v1/services/{id}", f -> get("/api/v1/services/" + f.service),
                        "401 | 404 | 200 | 200 | 200 | 200 | 200"),
                line("POST /api/v1/services", f -> post("/api/v1/services", f.publishBody()),
                        "401 | 400 accountId | 400 accountId | 400 accountId | 400 loadBalancerArns "
                                + "| 400 loadBalancerArns | 400 loadBalancerArns"),
                line("POST /api/v1/services/{id}/retry", f -> post("/api/v1/services/" + f.service + "/retry", null),
                        "401 | 404 | 403 | 403 | 409 | 409 | 409"),
                line("GET /api/v1/services/{id}/private-dns", f -> get("/api/v1/services/" + f.service + "/private-dns"),
                        "401 | 404 | 403 | 403 | 200 | 200 | 200"),
                line("PUT /api/v1/services/{id}/private-dns", f -> put("/api/v1/services/" + f.service + "/private-dns",
                                Map.of("name", f.privateDnsName)),
                        "401 | 404 | 403 | 403 | 202 | 202 | 202"),
                line("POST /api/v1/services/{id}/private-dns/verify", f -> post("/api/v1/services/" + f.service
                                + "/private-dns/verify", null),
                        "401 | 404 | 403 | 403 | 202 | 202 | 202"),
                line("GET /api/v1/services/{id}/settings", f -> get("/api/v1/services/" + f.service + "/settings"),
                        "401 | 404 | 403 | 403 | 200 | 200 | 200"),
                line("PATCH /api/v1/services/{id}", f -> patch("/api/v1/services/" + f.service, Map.of("version", -1)),
                        "401 | 404 | 403 | 403 | 409 | 409 | 409"),
                // FOUR EYES (issue 13, Build 2): lowering the approval policy (PROVIDER to AUTO) needs an owner of the
                // team or an admin: the provider member gets 403 (before four eyes: 200). The policy is set back to
                // PROVIDER before each cell and after the line.
                line("PATCH /api/v1/services/{id}", Prepare.PROVIDER_POLICY, f -> patch("/api/v1/services/" + f.service,
                                Map.of("approvalPolicy", "AUTO")),
                        "401 | 404 | 403 | 403 | 403 | 200 | 200"),
                line("GET /api/v1/services/{id}/dependents", f -> get("/api/v1/services/" + f.service + "/dependents"),
                        "401 | 404 | 403 | 403 | 200 | 200 | 200"),
                line("POST /api/v1/services/{id}/retire", f -> post("/api/v1/services/" + f.service + "/retire", null),
                        "401 | 404 | 403 | 403 | 409 | 409 | 409"),
                line("GET /api/v1/services/{id}/principals", f -> get("/api/v1/services/" + f.service + "/principals"),
                        "401 | 404 | 403 | 403 | 200 | 200 | 200"),
                line("POST /api/v1/services/{id}/principals", f -> post("/api/v1/services/" + f.service + "/principals",
                                Map.of("arn", "arn:aws:iam::123:root")),
                        "401 | 404 | 403 | 403 | 400 arn | 400 arn | 400 arn"),
                // FOUR EYES (issue 13, Build 2): allowing * needs an owner of the team or an admin: the provider member
                // gets 403 (before four eyes: 400 confirmWildcard, i.e. allowed once confirmed).
                line("POST /api/v1/services/{id}/principals", f -> post("/api/v1/services/" + f.service + "/principals",
                                Map.of("arn", "*")),
                        "401 | 404 | 403 | 403 | 403 | 400 confirmWildcard | 400 confirmWildcard"),
                line("DELETE /api/v1/services/{id}/principals", Prepare.PRINCIPAL,
                        f -> delete("/api/v1/services/" + f.service + "/principals?arn=" + encode(Fixture.PRINCIPAL)),
                        "401 | 404 | 403 | 403 | 202 | 202 | 202"),
                line("GET /api/v1/services/{id}/connections", f -> get("/api/v1/services/" + f.service + "/connections"),
                        "401 | 404 | 403 | 403 | 200 | 200 | 200"),
                line("GET /api/v1/services/{id}/usage", f -> get("/api/v1/services/" + f.service + "/usage"),
                        "401 | 404 | 403 | 403 | 200 | 200 | 200"),
                line("POST /api/v1/services/{id}/connections/{vpcEndpointId}/accept", f -> post("/api/v1/services/"
                                + f.service + "/connections/vpce-x/accept", null),
                        "401 | 404 | 403 | 403 | 400 vpcEndpointId | 400 vpcEndpointId | 400 vpcEndpointId"),
                line("POST /api/v1/services/{id}/connections/{vpcEndpointId}/reject", f -> post("/api/v1/services/"
                                + f.service + "/connections/vpce-x/reject", null),
                        "401 | 404 | 403 | 403 | 400 vpcEndpointId | 400 vpcEndpointId | 400 vpcEndpointId"),
                // CHANGING A PUBLISHED SERVICE (issue 14, Build 2): adding nothing and removing nothing is refused
                // after the authorization check, so the fixture's load balancers stay
                line("POST /api/v1/services/{id}/load-balancers/preview", f -> post("/api/v1/services/" + f.service
                                + "/load-balancers/preview", Map.of("addLoadBalancerArns", List.of())),
                        "401 | 404 | 403 | 403 | 400 addLoadBalancerArns | 400 addLoadBalancerArns "
                                + "| 400 addLoadBalancerArns"),
                line("POST /api/v1/services/{id}/load-balancers", f -> post("/api/v1/services/" + f.service
                                + "/load-balancers", Map.of("addLoadBalancerArns", List.of())),
                        "401 | 404 | 403 | 403 | 400 addLoadBalancerArns | 400 addLoadBalancerArns "
                                + "| 400 addLoadBalancerArns"),
                // ------------------------------------------------------------------------------------ accounts
                list("GET /api/v1/accounts", f -> get("/api/v1/accounts"), f -> f.consumerAccount,
                        "401 | 200 hidden | 200 | 200 | 200 hidden | 200 hidden | 200 hidden"),
                line("GET /api/v1/accounts/{accountId}", f -> get("/api/v1/accounts/" + f.consumerAccount),
                        "401 | 404 | 200 | 200 | 404 | 404 | 200"),
                line("POST /api/v1/accounts", f -> post("/api/v1/accounts", Map.of("team", f.consumerTeam,
                                "accountId", Ids.accountId(), "displayName", "matrix", "regions", List.of(REGION),
                                "roleArn", "not-an-arn")),
                        "401 | 400 team | 403 | 400 roleArn | 400 team | 400 team | 400 roleArn"),
                line("DELETE /api/v1/accounts/{accountId}", f -> delete("/api/v1/accounts/" + f.consumerAccount),
                        "401 | 404 | 403 | 409 | 404 | 404 | 409"),
                line("GET /api/v1/accounts/{accountId}/load-balancers", f -> get("/api/v1/accounts/" + f.providerAccount
                                + "/load-balancers?region=" + REGION),
                        "401 | 404 | 404 | 404 | 200 | 200 | 200"),
                line("GET /api/v1/accounts/{accountId}/vpcs", f -> get("/api/v1/accounts/" + f.consumerAccount
                                + "/vpcs?region=" + REGION),
                        "401 | 404 | 200 | 200 | 404 | 404 | 200"),
                line("GET /api/v1/accounts/{accountId}/subnets", f -> get("/api/v1/accounts/" + f.consumerAccount
                                + "/subnets?region=" + REGION + "&vpcId=" + f.consumerVpc),
                        "401 | 404 | 200 | 200 | 404 | 404 | 200"),
                line("GET /api/v1/accounts/{accountId}/security-groups", f -> get("/api/v1/accounts/"
                                + f.consumerAccount + "/security-groups?region=" + REGION + "&vpcId=" + f.consumerVpc),
                        "401 | 404 | 200 | 200 | 404 | 404 | 200"),
                line("POST /api/v1/accounts/{accountId}/access-check", f -> post("/api/v1/accounts/"
                                + f.consumerAccount + "/access-check", null),
                        "401 | 404 | 403 | 200 | 404 | 404 | 200"),
                // --------------------------------------------------------------------------------------- teams
                list("GET /api/v1/teams", f -> get("/api/v1/teams?q=" + f.consumerTeam), f -> f.consumerTeam,
                        "401 | 200 hidden | 200 | 200 | 200 hidden | 200 hidden | 200"),
                line("GET /api/v1/teams/{id}", f -> get("/api/v1/teams/" + f.consumerTeamId),
                        "401 | 404 | 200 | 200 | 404 | 404 | 200"),
                line("POST /api/v1/teams", f -> post("/api/v1/teams", Map.of("name", "", "displayName", "Matrix")),
                        "401 | 403 | 403 | 403 | 403 | 403 | 400 name"),
                line("PATCH /api/v1/teams/{id}", f -> patch("/api/v1/teams/" + f.consumerTeamId, Map.of("version", -1)),
                        "401 | 404 | 403 | 403 | 404 | 404 | 409"),
                line("GET /api/v1/teams/{id}/members", f -> get("/api/v1/teams/" + f.consumerTeamId + "/members"),
                        "401 | 404 | 200 | 200 | 404 | 404 | 200"),
                line("POST /api/v1/teams/{id}/members", f -> post("/api/v1/teams/" + f.consumerTeamId + "/members",
                                Map.of("username", "no-such-user-" + UUID.randomUUID(), "role", "member")),
                        "401 | 404 | 403 | 400 username | 404 | 404 | 400 username"),
                line("GET /api/v1/teams/{id}/members/{username}", f -> get("/api/v1/teams/" + f.consumerTeamId
                                + "/members/" + f.user(Caller.CONSUMER_OWNER)),
                        "401 | 404 | 200 | 200 | 404 | 404 | 200"),
                // the consumer team's only owner: allowed callers meet "a team keeps at least one owner"
                line("PUT /api/v1/teams/{id}/members/{username}", f -> put("/api/v1/teams/" + f.consumerTeamId
                                + "/members/" + f.user(Caller.CONSUMER_OWNER), Map.of("role", "member")),
                        "401 | 404 | 403 | 409 | 404 | 404 | 409"),
                line("DELETE /api/v1/teams/{id}/members/{username}", f -> delete("/api/v1/teams/" + f.consumerTeamId
                                + "/members/" + f.user(Caller.CONSUMER_OWNER)),
                        "401 | 404 | 403 | 409 | 404 | 404 | 409"),
                // --------------------------------------------------------------------------------------- users
                line("GET /api/v1/users", f -> get("/api/v1/users"),
                        "401 | 403 | 403 | 403 | 403 | 403 | 200"),
                line("GET /api/v1/users/{id}", f -> get("/api/v1/users/" + f.victimId),
                        "401 | 403 | 403 | 403 | 403 | 403 | 200"),
                line("POST /api/v1/users", f -> post("/api/v1/users", Map.of("username", "", "displayName", "Matrix",
                                "password", PASSWORD)),
                        "401 | 403 | 403 | 403 | 403 | 403 | 400 username"),
                line("POST /api/v1/users/{id}/disable", f -> post("/api/v1/users/" + f.victimId + "/disable", null),
                        "401 | 403 | 403 | 403 | 403 | 403 | 200"),
                line("POST /api/v1/users/{id}/enable", f -> post("/api/v1/users/" + f.victimId + "/enable", null),
                        "401 | 403 | 403 | 403 | 403 | 403 | 200"),
                line("POST /api/v1/users/{id}/password", f -> post("/api/v1/users/" + f.victimId + "/password",
                                Map.of("newPassword", "short")),
                        "401 | 403 | 403 | 403 | 403 | 403 | 400 newPassword"),
                // ---------------------------------------------------------------------------- operations, audit
                line("GET /api/v1/operations/jobs", f -> get("/api/v1/operations/jobs"),
                        "401 | 403 | 403 | 403 | 403 | 403 | 200"),
                line("POST /api/v1/operations/jobs/{task}/{instance}/retry", f -> post("/api/v1/operations/jobs/"
                                + "no-such-task/" + UUID.randomUUID() + "/retry", null),
                        "401 | 403 | 403 | 403 | 403 | 403 | 404"),
                line("GET /api/v1/operations/drift", f -> get("/api/v1/operations/drift"),
                        "401 | 403 | 403 | 403 | 403 | 403 | 200"),
                line("GET /api/v1/audit", f -> get("/api/v1/audit"),
                        "401 | 403 | 403 | 403 | 403 | 403 | 200"),
                line("GET /api/v1/audit [text/csv]", f -> get("/api/v1/audit", "text/csv"),
                        "401 | 403 | 403 | 403 | 403 | 403 | 200"),
                line("GET /api/v1/audit.csv", f -> get("/api/v1/audit.csv", "text/csv"),
                        "401 | 403 | 403 | 403 | 403 | 403 | 200"),
                // CHANGING A PUBLISHED SERVICE (issue 14, Build 2): the name is removed before the first cell, so
                // allowed callers find none to remove (409). Kept last of the service lines: it uses the name up.
                line("DELETE /api/v1/services/{id}/private-dns", Prepare.NO_PRIVATE_DNS_NAME,
                        f -> delete("/api/v1/services/" + f.service + "/private-dns"),
                        "401 | 404 | 403 | 403 | 409 | 409 | 409"),
                // any other path under /api: a 404 problem (for signed-in callers) instead of Vaadin's HTML page
                line("ANY /api/**", f -> get("/api/v1/no-such-endpoint"),
                        "401 | 404 | 404 | 404 | 404 | 404 | 404"));
    }

    /** Spring MVC routes outside the API: they take no API token, so only an anonymous caller is checked. */
    static List<Line> otherLines() {
        return List.of(
                anonymous("GET /v3/api-docs", f -> get("/v3/api-docs"), "200"),
                anonymous("GET /v3/api-docs.yaml", f -> get("/v3/api-docs.yaml"), "200"),
                anonymous("GET /v3/api-docs/swagger-config", f -> get("/v3/api-docs/swagger-config"), "200"),
                anonymous("GET /swagger-ui.html", f -> get("/swagger-ui.html"), "302"), // to /swagger-ui/index.html
                // Spring's error page, called directly: no error to show (permitted, so API errors stay 401/403)
                anonymous("ANY /error", f -> get("/error"), "500"),
                anonymous("ANY /error [text/html]", f -> get("/error", "text/html"), "500"),
                anonymous("GET /actuator", f -> get("/actuator"), "302 /login"),
                anonymous("GET /actuator/health", f -> get("/actuator/health"), "200"),
                anonymous("GET /actuator/health/**", f -> get("/actuator/health/liveness"), "200"),
                anonymous("GET /actuator/info", f -> get("/actuator/info"), "302 /login"),
                anonymous("GET /actuator/prometheus", f -> get("/actuator/prometheus"), "401"));
    }

    /**
     * Vaadin routes: who may open each, by the route's access annotation, as Vaadin checks it. {@code yes} / {@code
     * no} per caller; anonymous callers are also sent to the sign-in page by Spring Security (checked over HTTP).
     */
    static Map<String, String> viewLines() {
        Map<String, String> views = new LinkedHashMap<>();
        //                                   anon | stranger | cons.member | cons.owner | prov.member | prov.owner | admin
        views.put("", /* CatalogView */     "no | yes | yes | yes | yes | yes | yes");
        views.put("catalog",                 "no | yes | yes | yes | yes | yes | yes");
        views.put("services/:id",            "no | yes | yes | yes | yes | yes | yes");
        views.put("services/:id/request",    "no | yes | yes | yes | yes | yes | yes");
        views.put("services/:id/settings",   "no | yes | yes | yes | yes | yes | yes");
        views.put("services/:id/principals", "no | yes | yes | yes | yes | yes | yes");
        views.put("services/:id/connections", "no | yes | yes | yes | yes | yes | yes");
        views.put("services/:id/dns",        "no | yes | yes | yes | yes | yes | yes");
        views.put("services/:id/usage",      "no | yes | yes | yes | yes | yes | yes");
        views.put("my-services",             "no | yes | yes | yes | yes | yes | yes");
        views.put("my-services/new",         "no | yes | yes | yes | yes | yes | yes");
        views.put("my-endpoints/:id?",       "no | yes | yes | yes | yes | yes | yes");
        views.put("approvals/:id?",          "no | yes | yes | yes | yes | yes | yes");
        views.put("teams/:___url_parameter?", /* TeamsView, optional team */ "no | yes | yes | yes | yes | yes | yes");
        views.put("api-tokens",              "no | yes | yes | yes | yes | yes | yes");
        views.put("notification-settings",   "no | yes | yes | yes | yes | yes | yes");
        views.put("notification-deliveries", "no | no | no | no | no | no | yes");
        views.put("operations",              "no | no | no | no | no | no | yes");
        views.put("audit",                   "no | no | no | no | no | no | yes");
        views.put("login",                   "yes | yes | yes | yes | yes | yes | yes");
        return views;
    }

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired ServletContext servletContext;
    @Autowired TestUsers users;
    @Autowired UserDetailsService userDetails;
    @Autowired ApiTokenService tokens;
    @Autowired UserService userService;
    @Autowired TeamService teams;
    @Autowired AccountService accounts;
    @Autowired AccountResources resources;
    @Autowired ListingService listings;
    @Autowired PrivateDnsService privateDns;
    @Autowired ServiceEditService settings;
    @Autowired EndpointRequestService requests;
    @Autowired PrincipalService principals;
    @Autowired SandboxLifecycle sandbox;

    Fixture f;
    final Map<Caller, ApiClient> clients = new EnumMap<>(Caller.class);

    @BeforeAll
    void usersTeamsAccountsAServiceAndARequest() {
        f = new Fixture();
        String admin = Ids.teamName("mx-admin");
        users.run("admin", () -> userService.create(new CreateUser(admin, "Matrix admin", null, PASSWORD, true)));
        f.usernames.put(Caller.ADMIN, admin);
        for (Caller c : List.of(Caller.STRANGER, Caller.CONSUMER_MEMBER, Caller.CONSUMER_OWNER,
                Caller.PROVIDER_MEMBER, Caller.PROVIDER_OWNER)) {
            String name = Ids.teamName("mx-" + c.name().toLowerCase().replace('_', '-'));
            users.run(admin, () -> userService.create(new CreateUser(name, c.name(), null, PASSWORD, false)));
            f.usernames.put(c, name);
        }
        String victim = Ids.teamName("mx-victim");
        f.victimId = users.as(admin, () -> userService.create(new CreateUser(victim, "Victim", null, PASSWORD, false)))
                .id();

        TeamSummary provider = team(admin, "mx-provider", true, Caller.PROVIDER_OWNER, Caller.PROVIDER_MEMBER);
        TeamSummary consumer = team(admin, "mx-consumer", false, Caller.CONSUMER_OWNER, Caller.CONSUMER_MEMBER);
        team(admin, "mx-unrelated", false, Caller.STRANGER, null);
        f.providerTeam = provider.name();
        f.consumerTeam = consumer.name();
        f.consumerTeamId = consumer.id();

        f.providerAccount = account(Caller.PROVIDER_OWNER, provider, Ids.accountId());
        f.consumerAccount = account(Caller.CONSUMER_OWNER, consumer, sameZones(f.providerAccount));
        String nlb = sandbox.control().createLoadBalancer(f.providerAccount, REGION, "mx-nlb", List.of("a", "b"));
        f.providerNlb = nlb;

        f.serviceName = Ids.teamName("mx-service");
        f.privateDnsName = f.serviceName + ".matrix.example.com";
        String owner = f.user(Caller.PROVIDER_OWNER);
        UUID serviceId = users.as(owner, () -> listings.publish(new PublishServiceCommand(f.serviceName,
                "The authorization matrix's service", null, Set.of(), null, null, "443", f.providerAccount, REGION,
                List.of(nlb), true, ApprovalPolicy.PROVIDER, f.privateDnsName, Set.of(), Visibility.SELECTED_TEAMS,
                Set.of(f.consumerTeam, f.providerTeam)))).id();
        f.service = serviceId;
        ServiceDetail published = awaitService(owner, serviceId);
        assertThat(published.state()).as(published.toString()).isEqualTo(ListingState.AVAILABLE);
        // the private DNS name verified before the matrix, so that setting the same name and verifying again
        // change nothing: no background job then writes the service while other lines edit it
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> users.as(owner,
                () -> privateDns.privateDns(serviceId).txtRecordName()) != null);
        users.run(owner, () -> {
            privateDns.publishTxtRecordInSandbox(serviceId);
            privateDns.verifyPrivateDns(serviceId);
        });
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> users.as(owner,
                () -> privateDns.privateDns(serviceId).verified()));

        f.submit = placement(Caller.CONSUMER_MEMBER, f.consumerAccount, published);
        f.consumerVpc = f.submit.vpcId();
        f.request = submit(Caller.CONSUMER_MEMBER, f.submit);
        f.providerTeamSummary = provider;
        f.consumerTeamSummary = consumer;
        f.published = published;
        f.postAccount = account(Caller.CONSUMER_OWNER, consumer, sameZones(f.providerAccount));
        f.post = placement(Caller.CONSUMER_MEMBER, f.postAccount, published);

        for (Caller c : Caller.values()) {
            clients.put(c, c == Caller.ANONYMOUS ? ApiClient.anonymous(port)
                    : ApiClient.token(port, users, tokens, f.user(c)));
        }
    }

    @Test
    void everyApiRouteAnswersEachCallerAsTheTableSays() throws Exception {
        Set<String> routes = mvcRoutes();
        List<Line> lines = new ArrayList<>(apiLines());
        lines.addAll(otherLines());
        Set<String> lineRoutes = lines.stream().map(Line::route).collect(Collectors.toCollection(TreeSet::new));
        Set<String> withoutLine = new TreeSet<>(routes);
        withoutLine.removeAll(lineRoutes);
        Set<String> withoutRoute = new TreeSet<>(lineRoutes);
        withoutRoute.removeAll(routes);

        List<String> wrong = new ArrayList<>();
        List<String> observed = new ArrayList<>();
        int cells = 0;
        long started = System.nanoTime();
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Line line : lines) {
                long lineStarted = System.nanoTime();
                String[] expected = line.expected();
                Cell[] got = new Cell[expected.length];
                if (line.prepare() == Prepare.NOTHING) { // nothing is used up: the callers ask at the same time
                    List<Future<Cell>> asked = new ArrayList<>();
                    for (int i = 0; i < expected.length; i++) {
                        Caller caller = Caller.values()[i];
                        asked.add(parallel.submit(() -> ask(line, caller)));
                    }
                    for (int i = 0; i < expected.length; i++) {
                        got[i] = asked.get(i).get();
                    }
                } else {
                    for (int i = 0; i < expected.length; i++) {
                        prepare(line.prepare());
                        got[i] = ask(line, Caller.values()[i]);
                    }
                    prepare(line.prepare()); // leaves the fixtures as the next line expects them
                }
                for (int i = 0; i < expected.length; i++) {
                    cells++;
                    if (!got[i].answer().equals(expected[i])) {
                        wrong.add(line.route() + " " + got[i].path() + " as " + Caller.values()[i] + ": expected "
                                + expected[i] + ", got " + got[i].answer() + " " + got[i].detail());
                    }
                }
                observed.add(String.format("%-62s %s   (%d ms)", line.route(), Arrays.stream(got).map(Cell::answer)
                        .collect(Collectors.joining(" | ")), (System.nanoTime() - lineStarted) / 1_000_000));
            }
        }
        long apiRoutes = lines.stream().filter(l -> l.expected().length > 1).map(Line::route).distinct().count();
        System.out.printf("Authorization matrix, REST: %d API routes x %d callers in %d lines, plus %d other MVC "
                        + "routes (anonymous only): %d cells in %d ms%n%s%n", apiRoutes, Caller.values().length,
                lines.stream().filter(l -> l.expected().length > 1).count(), routes.size() - apiRoutes, cells,
                (System.nanoTime() - started) / 1_000_000, String.join("\n", observed));
        assertThat(wrong).as("cells that differ from the table").isEmpty();
        assertThat(withoutLine).as("routes of the application without a line in the tables").isEmpty();
        assertThat(withoutRoute).as("lines of the tables for routes the application does not have").isEmpty();
    }

    @Test
    void everyVaadinRouteLetsInExactlyTheCallersTheTableSays() {
        ApplicationRouteRegistry registry = ApplicationRouteRegistry.getInstance(
                new VaadinServletContext(servletContext));
        Map<String, Class<?>> routes = new LinkedHashMap<>();
        for (RouteData route : registry.getRegisteredRoutes()) {
            routes.put(route.getTemplate(), route.getNavigationTarget());
            for (RouteAliasData alias : route.getRouteAliases()) {
                routes.put(alias.getTemplate(), alias.getNavigationTarget());
            }
        }
        Map<String, String> table = viewLines();
        assertThat(routes.keySet()).as("Vaadin routes without a line in the table")
                .isSubsetOf(table.keySet());
        assertThat(table.keySet()).as("lines of the table for routes Vaadin does not have")
                .isSubsetOf(routes.keySet());

        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (var route : routes.entrySet()) {
            String[] expected = cells(table.get(route.getKey()));
            for (int i = 0; i < expected.length; i++) {
                Caller caller = Caller.values()[i];
                String got = hasAccess(checker, route.getValue(), caller) ? "yes" : "no";
                cells++;
                if (!got.equals(expected[i])) {
                    wrong.add(route.getKey() + " (" + route.getValue().getSimpleName() + ") as " + caller
                            + ": expected " + expected[i] + ", got " + got);
                }
            }
            String path = "/" + route.getKey().replaceAll("/?:[^/]+\\?$", "").replace(":id", f.service.toString());
            Response anonymous = clients.get(Caller.ANONYMOUS).get(path);
            String answer = answer(null, anonymous, f);
            String wanted = route.getKey().equals("login") ? "200" : "302 /login";
            cells++;
            if (!answer.equals(wanted)) {
                wrong.add("GET " + path + " anonymously: expected " + wanted + ", got " + answer);
            }
        }
        System.out.printf("Authorization matrix, Vaadin: %d routes x %d callers = %d access checks, plus %d anonymous "
                + "GETs%n", routes.size(), Caller.values().length, routes.size() * Caller.values().length, routes.size());
        assertThat(wrong).as("cells that differ from the table").isEmpty();
        assertThat(cells).isEqualTo(routes.size() * (Caller.values().length + 1));
    }

    // ------------------------------------------------------------------------------------------------ the routes

    /**
     * Every handler method of every request-mapping handler mapping (the application's, springdoc's, actuator's,
     * Spring's error page), as "METHOD pattern" ("ANY" when it takes every method), with the media type it
     * produces when that is not JSON and another handler shares its method and pattern.
     */
    Set<String> mvcRoutes() {
        Map<String, List<Set<String>>> producesByRoute = new LinkedHashMap<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name)
                        .collect(Collectors.toCollection(TreeSet::new));
                Set<String> produces = info.getProducesCondition().getProducibleMediaTypes().stream()
                        .map(MediaType::toString).collect(Collectors.toCollection(TreeSet::new));
                for (String pattern : info.getPatternValues()) {
                    for (String method : methods.isEmpty() ? Set.of("ANY") : methods) {
                        producesByRoute.computeIfAbsent(method + " " + pattern, k -> new ArrayList<>()).add(produces);
                    }
                }
            }
        }
        Set<String> routes = new TreeSet<>();
        producesByRoute.forEach((route, handlers) -> {
            for (Set<String> produces : handlers) {
                boolean shared = handlers.size() > 1;
                routes.add(!shared || produces.isEmpty() || produces.stream().anyMatch(m -> m.contains("json"))
                        ? route : route + " [" + String.join(",", produces) + "]");
            }
        });
        return routes;
    }

    /** One caller's answer to a line's call. */
    record Cell(String path, String answer, String detail) {
    }

    private Cell ask(Line line, Caller caller) {
        Call call = line.call().apply(f);
        Response response = call.send(clients.get(caller));
        return new Cell(call.path(), answer(line, response, f), response.status() >= 400 ? response.raw() : "");
    }

    private boolean hasAccess(AccessAnnotationChecker checker, Class<?> view, Caller caller) {
        if (caller == Caller.ANONYMOUS) {
            return checker.hasAccess(view, null, role -> false);
        }
        UserDetails user = userDetails.loadUserByUsername(f.user(caller));
        Set<String> authorities = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        Principal principal = user::getUsername;
        return checker.hasAccess(view, principal, role -> authorities.contains("ROLE_" + role));
    }

    /** The cell's answer: the status, refined as the class's Javadoc explains. */
    private static String answer(Line line, Response response, Fixture f) {
        int status = response.status();
        if (status == 400 && response.json() != null && response.json().get("errors") != null
                && !response.json().get("errors").isEmpty()) {
            return "400 " + String.join(",", new TreeSet<>(response.errorFields()));
        }
        if (status >= 300 && status < 400 && response.location() != null) {
            String location = URI.create(response.location()).getPath();
            return location.equals("/login") ? status + " /login" : String.valueOf(status);
        }
        if (status == 200 && line != null && line.bulk()) {
            return "200 " + response.json().get("items").get(0).get("result").asString();
        }
        if (status == 200 && line != null && line.marker() != null) {
            return response.raw().contains(String.valueOf(line.marker().apply(f))) ? "200" : "200 hidden";
        }
        return String.valueOf(status);
    }

    // ---------------------------------------------------------------------------------------------- preparation

    private void prepare(Prepare prepare) {
        switch (prepare) {
            case NOTHING -> { }
            case SUBMITTED_REQUEST -> f.fresh = stillSubmitted(f.fresh, Caller.CONSUMER_MEMBER);
            case OWN_SUBMITTED_REQUEST -> f.ownFresh = stillSubmitted(f.ownFresh, Caller.PROVIDER_MEMBER);
            case FREE_POST_VPC -> users.run(f.user(Caller.ADMIN), () -> requests.mine(new MyEndpointsFilter(
                    Set.of(EndpointState.SUBMITTED), f.service, f.postAccount, null), 0, 100)
                    .forEach(r -> requests.delete(r.id())));
            case PRINCIPAL -> allowedAndInSync(Fixture.PRINCIPAL);
            case NO_PRIVATE_DNS_NAME -> {
                String owner = f.user(Caller.PROVIDER_OWNER);
                if (users.as(owner, () -> privateDns.privateDns(f.service)).name() != null) {
                    users.run(owner, () -> privateDns.removePrivateDns(f.service));
                }
            }
            case PROVIDER_POLICY -> await().atMost(Duration.ofSeconds(10)).ignoreException(StaleEditException.class)
                    .until(() -> users.as(f.user(Caller.PROVIDER_OWNER), () -> settings.edit(new EditServiceCommand(
                            f.service, null, null, null, null, null, null, ApprovalPolicy.PROVIDER, null, null, null,
                            null))).approvalPolicy() == ApprovalPolicy.PROVIDER);
        }
    }

    /**
     * The principal allowed and in AWS, with SyncPrincipals done with it: a removal while the job still writes the
     * principal's row would meet "someone else changed this" (409) instead of the authorization check's answer.
     */
    private void allowedAndInSync(String arn) {
        String owner = f.user(Caller.PROVIDER_OWNER);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .ignoreException(ObjectOptimisticLockingFailureException.class)
                .until(() -> users.as(owner, () -> {
                    PrincipalRow row = principals.list(f.service).stream().filter(p -> p.arn().equals(arn))
                            .findFirst().orElse(null);
                    if (row == null) { // a removal is done: allow it again
                        principals.add(f.service, new AddPrincipal(arn, false));
                        return false;
                    }
                    return row.syncState() == PrincipalSyncState.IN_SYNC;
                }));
    }

    /**
     * The request if it is still SUBMITTED; otherwise a new one, submitted by the caller into a new account of its team
     * (a VPC takes one request per service while the earlier one is open or has its endpoint).
     */
    private UUID stillSubmitted(UUID request, Caller requester) {
        if (request != null && users.as(f.user(Caller.ADMIN), () -> requests.detail(request)).state()
                == EndpointState.SUBMITTED) {
            return request;
        }
        boolean provider = requester == Caller.PROVIDER_MEMBER;
        String accountId = account(provider ? Caller.PROVIDER_OWNER : Caller.CONSUMER_OWNER,
                provider ? f.providerTeamSummary : f.consumerTeamSummary, sameZones(f.providerAccount));
        return submit(requester, placement(requester, accountId, f.published));
    }

    private UUID submit(Caller requester, SubmitEndpointRequest command) {
        return users.as(f.user(requester), () -> requests.submit(command)).id();
    }

    private TeamSummary team(String admin, String prefix, boolean provider, Caller owner, Caller member) {
        return users.as(admin, () -> {
            TeamSummary team = teams.createTeam(new CreateTeam(Ids.teamName(prefix), prefix, null, provider));
            teams.addMember(new AddMember(team.id(), f.user(owner), MembershipRole.OWNER));
            if (member != null) {
                teams.addMember(new AddMember(team.id(), f.user(member), MembershipRole.MEMBER));
            }
            return team;
        });
    }

    /** A new AWS account of the team, registered by its owner, whose sandbox role trusts Linkport. */
    private String account(Caller owner, TeamSummary team, String accountId) {
        AccountDetails account = users.as(f.user(owner), () -> accounts.register(new RegisterAccount(team.id(),
                accountId, "mx-" + accountId, Set.of(REGION), "arn:aws:iam::" + accountId + ":role/LinkportAccess")));
        sandbox.control().createAccount(accountId, "matrix", List.of(REGION), account.externalId());
        return accountId;
    }

    /**
     * A new account id whose zone names map to the same zone ids as the other's in the sandbox (which shifts the
     * mapping by the account id modulo the region's six zones), so its subnets are in the service's zones.
     */
    private static String sameZones(String other) {
        String id = Ids.accountId();
        while (Long.parseLong(id) % 6 != Long.parseLong(other) % 6 || id.equals(other)) {
            id = Ids.accountId();
        }
        return id;
    }

    private ServiceDetail awaitService(String owner, UUID id) {
        ServiceDetail[] last = new ServiceDetail[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = users.as(owner, () -> listings.detail(id));
            return last[0].state() != ListingState.PUBLISHING;
        });
        return last[0];
    }

    /** A request for the service into the first VPC of the account, in the zones the service covers. */
    private SubmitEndpointRequest placement(Caller requester, String accountId, ServiceDetail service) {
        return users.as(f.user(requester), () -> {
            String vpc = resources.vpcs(accountId, REGION).getFirst().vpcId();
            List<String> subnets = resources.subnets(accountId, REGION, vpc).stream()
                    .filter(s -> service.availabilityZoneIds().contains(s.availabilityZoneId()))
                    .map(Subnet::subnetId).toList();
            String group = resources.securityGroups(accountId, REGION, vpc).stream().map(SecurityGroup::groupId)
                    .findFirst().orElseThrow();
            return new SubmitEndpointRequest(service.id(), accountId, REGION, vpc, subnets, List.of(group), false,
                    "The authorization matrix needs a request");
        });
    }

    // ------------------------------------------------------------------------------------------------ the tables

    /** The ids and names the lines use. */
    static final class Fixture {
        static final String PRINCIPAL = "arn:aws:iam::123456789012:role/matrix";

        final Map<Caller, String> usernames = new EnumMap<>(Caller.class);
        UUID victimId;
        String providerTeam;
        String consumerTeam;
        UUID consumerTeamId;
        String providerAccount;
        String consumerAccount;
        String providerNlb;
        String consumerVpc;
        String serviceName;
        String privateDnsName;
        UUID service;
        UUID request;
        SubmitEndpointRequest submit;
        TeamSummary providerTeamSummary;
        TeamSummary consumerTeamSummary;
        ServiceDetail published;
        String postAccount;
        SubmitEndpointRequest post;
        UUID fresh;
        UUID ownFresh;

        String user(Caller caller) {
            return usernames.get(caller);
        }

        Map<String, Object> submitBody() {
            return ApiSteps.requestBody(service.toString(), postAccount, post.vpcId(), post.subnetIds(),
                    post.securityGroupIds().getFirst());
        }

        /** A service to publish from the provider account, on a load balancer that account does not have. */
        Map<String, Object> publishBody() {
            Map<String, Object> body = ApiSteps.publishBody(Ids.teamName("mx-refused"), "PROVIDER",
                    providerNlb.replace("mx-nlb", "mx-no-such-nlb"));
            body.put("accountId", providerAccount);
            return body;
        }
    }

    /** One HTTP call. */
    record Call(String method, String path, Object body, String accept) {

        Response send(ApiClient client) {
            return switch (method) {
                case "GET" -> accept == null ? client.get(path) : client.get(path, accept);
                case "POST" -> client.post(path, body);
                case "DELETE" -> client.delete(path);
                default -> client.send(method, path, body);
            };
        }
    }

    /**
     * A line of a table: the route as the application names it, the call, what each caller gets
     * ({@code " | "}-separated, in the order of {@link Caller}; a single answer for anonymous-only lines), and
     * optionally what to look for in a list, or that the answer is a bulk decision's.
     */
    record Line(String route, Prepare prepare, Function<Fixture, Call> call, String answers,
                Function<Fixture, Object> marker, boolean bulk) {

        String[] expected() {
            return cells(answers);
        }
    }

    private static Line line(String route, Function<Fixture, Call> call, String answers) {
        return line(route, Prepare.NOTHING, call, answers);
    }

    private static Line line(String route, Prepare prepare, Function<Fixture, Call> call, String answers) {
        return new Line(route, prepare, call, answers, null, false);
    }

    /** A bulk decision: its answer is the result for the one request it names. */
    private static Line bulk(String route, Function<Fixture, Call> call, String answers) {
        return new Line(route, Prepare.SUBMITTED_REQUEST, call, answers, null, true);
    }

    private static Line list(String route, Function<Fixture, Call> call, Function<Fixture, Object> marker,
                             String answers) {
        return new Line(route, Prepare.NOTHING, call, answers, marker, false);
    }

    private static Line anonymous(String route, Function<Fixture, Call> call, String answer) {
        return new Line(route, Prepare.NOTHING, call, answer, null, false);
    }

    private static String[] cells(String answers) {
        return Arrays.stream(answers.split("\\|")).map(String::trim).toArray(String[]::new);
    }

    private static Call get(String path) {
        return new Call("GET", path, null, null);
    }

    private static Call get(String path, String accept) {
        return new Call("GET", path, null, accept);
    }

    private static Call post(String path, Object body) {
        return new Call("POST", path, body, null);
    }

    private static Call put(String path, Object body) {
        return new Call("PUT", path, body, null);
    }

    private static Call patch(String path, Object body) {
        return new Call("PATCH", path, body, null);
    }

    private static Call delete(String path) {
        return new Call("DELETE", path, null, null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

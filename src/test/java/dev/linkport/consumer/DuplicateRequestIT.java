package dev.linkport.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.service.DuplicateRequestException;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.consumer.service.SubmitEndpointRequest;
import dev.linkport.platform.FieldError;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A service gets one open request or endpoint per VPC: the service layer refuses a second one, also in a race. */
@LinkportIntegrationTest
class DuplicateRequestIT {

    @Autowired TestUsers users;
    @Autowired EndpointRequestService requests;
    @Autowired LoopFixture loop;

    @Test
    void aSecondRequestForTheSameServiceIntoTheSameVpcIsRefusedNamingTheFirstUntilTheFirstIsCancelled() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        SubmitEndpointRequest command = loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, service);
        EndpointRequestDetails first = users.as("bob", () -> requests.submit(command));

        assertThatThrownBy(() -> users.as("bob", () -> requests.submit(command)))
                .isInstanceOfSatisfying(DuplicateRequestException.class, e -> {
                    assertThat(e.existingRequestId()).isEqualTo(first.id());
                    assertThat(e.existingState()).isEqualTo(EndpointState.SUBMITTED);
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("vpcId");
                    assertThat(e.errors().getFirst().message()).contains(first.id().toString())
                            .contains(service.name()).contains(command.vpcId());
                });

        users.as("bob", () -> requests.delete(first.id()));
        EndpointRequestDetails again = users.as("bob", () -> requests.submit(command));
        assertThat(again.state()).isEqualTo(EndpointState.SUBMITTED);
        assertThat(again.id()).isNotEqualTo(first.id());
    }

    @Test
    void twoSubmissionsAtTheSameMomentMakeOneRequestAndTheOtherIsToldAboutIt() throws Exception {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        SubmitEndpointRequest command = loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, service);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Object>> submissions = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            submissions.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await(10, TimeUnit.SECONDS);
                    return users.as("bob", () -> requests.submit(command));
                } catch (Exception e) {
                    return e;
                }
            }));
        }
        start.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (CompletableFuture<Object> submission : submissions) {
            outcomes.add(submission.get(30, TimeUnit.SECONDS));
        }

        assertThat(outcomes).filteredOn(EndpointRequestDetails.class::isInstance).hasSize(1);
        EndpointRequestDetails made = (EndpointRequestDetails) outcomes.stream()
                .filter(EndpointRequestDetails.class::isInstance).findFirst().orElseThrow();
        assertThat(outcomes).filteredOn(DuplicateRequestException.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((DuplicateRequestException) e).existingRequestId()).isEqualTo(made.id()));
    }
}

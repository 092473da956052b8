package dev.linkport.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

class ApiErrorsTest {

    @Test
    void anUnexpectedFailureIsA500WithAReferenceAndNoInternals() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/services");
        var response = new ApiErrors().unexpected(new IllegalStateException("connection pool secret-host:5432 broke"),
                new ServletWebRequest(request));

        ProblemDetail problem = response.getBody();
        assertThat(response.getStatusCode().value()).isEqualTo(500);
        String reference = (String) problem.getProperties().get("reference");
        assertThat(reference).isNotBlank();
        assertThat(problem.getDetail()).contains(reference).doesNotContain("secret-host")
                .doesNotContain("IllegalStateException");
        assertThat(problem.getProperties().get("errors")).isEqualTo(List.of());
    }
}

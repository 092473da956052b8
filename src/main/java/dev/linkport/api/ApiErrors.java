package dev.linkport.api;

import dev.linkport.aws.AwsUnavailableException;
import dev.linkport.consumer.service.DuplicateRequestException;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.FieldError;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every error of the REST API as {@code application/problem+json} (RFC 9457) with an
 * {@code errors} array of {@code {field, message}} — empty when no single field is to blame.
 * Messages are the ones the services wrote for people; unexpected failures are logged with a
 * reference id that the response shows instead of a stack trace.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    static final String ERRORS = "errors";

    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST) // documents the answer in /v3/api-docs
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "The request is not valid", e.errors(), request);
    }

    /**
     * A second request for a service into the same VPC: 400 with the field error on {@code vpcId}, and the request
     * it would duplicate as {@code existingRequestId} and {@code existingRequest} (its URL in this API).
     */
    @ExceptionHandler(DuplicateRequestException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST) // documents the answer in /v3/api-docs
    ResponseEntity<ProblemDetail> duplicate(DuplicateRequestException e, WebRequest request) {
        ResponseEntity<ProblemDetail> response = invalid(e, request);
        response.getBody().setProperty("existingRequestId", e.existingRequestId());
        response.getBody().setProperty("existingRequest", "/api/v1/endpoint-requests/" + e.existingRequestId());
        return response;
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND) // documents the answer in /v3/api-docs
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, WebRequest request) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), List.of(), request);
    }

    @ExceptionHandler(ForbiddenException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN) // documents the answer in /v3/api-docs
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e, WebRequest request) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage(), List.of(), request);
    }

    /** A token without the scope the operation needs: 403 naming the scope in {@code requiredScope}. */
    @ExceptionHandler(MissingScopeException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN) // documents the answer in /v3/api-docs
    ResponseEntity<ProblemDetail> missingScope(MissingScopeException e, WebRequest request) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.FORBIDDEN, e.getMessage(), List.of(), request);
        response.getBody().setProperty("requiredScope", e.scope().value());
        return response;
    }

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN) // documents the answer in /v3/api-docs
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e, WebRequest request) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage(), List.of(), request);
    }

    @ExceptionHandler(ConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT) // documents the answer in /v3/api-docs
    ResponseEntity<ProblemDetail> conflict(ConflictException e, WebRequest request) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), List.of(), request);
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    @ResponseStatus(HttpStatus.CONFLICT) // documents the answer in /v3/api-docs
    ResponseEntity<ProblemDetail> concurrentChange(ObjectOptimisticLockingFailureException e, WebRequest request) {
        return problem(HttpStatus.CONFLICT, "Someone else changed this at the same moment; reload it and try again",
                List.of(), request);
    }

    /** A read from AWS failed: 503 when it is worth trying again soon, 502 when AWS refused. */
    @ExceptionHandler(AwsUnavailableException.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE) // documents the answer in /v3/api-docs
    ResponseEntity<ProblemDetail> awsUnavailable(AwsUnavailableException e, WebRequest request) {
        ResponseEntity<ProblemDetail> response = problem(
                e.isTransient() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY, e.getMessage(), List.of(),
                request);
        if (e.isTransient()) {
            return ResponseEntity.status(response.getStatusCode()).header(HttpHeaders.RETRY_AFTER, "5")
                    .body(response.getBody());
        }
        return response;
    }

    @ExceptionHandler(Exception.class)
    @ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR) // documents the answer in /v3/api-docs
    ResponseEntity<ProblemDetail> unexpected(Exception e, WebRequest request) {
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure in the REST API (reference {}) at {}", reference, path(request), e);
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "Linkport failed unexpectedly. Quote reference " + reference + " when you report it.", List.of(),
                request);
        response.getBody().setProperty("reference", reference);
        return response;
    }

    /** Malformed JSON, or a value of the wrong type or an unknown enum constant in a field. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String field = "body";
        String message = "The request body is not valid JSON for this operation";
        if (ex.getMostSpecificCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            field = fieldPath(json.getPath());
            message = "Not a valid value for " + field;
        } else if (ex.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            field = fieldPath(json.getPath());
            message = "Not a valid value for " + field;
        }
        return asObject(problem(HttpStatus.BAD_REQUEST, message, List.of(new FieldError(field, message)), request));
    }

    /** A path variable or query parameter of the wrong type, e.g. an id that is not a UUID. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName();
        String message = "'" + ex.getValue() + "' is not a valid " + ("UUID".equals(expected) ? "id" : expected);
        return asObject(problem(HttpStatus.BAD_REQUEST, message, List.of(new FieldError(field, message)), request));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        String message = "Give the query parameter " + ex.getParameterName();
        return asObject(problem(HttpStatus.BAD_REQUEST, message,
                List.of(new FieldError(ex.getParameterName(), message)), request));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage())).toList();
        return asObject(problem(HttpStatus.BAD_REQUEST, "The request is not valid", errors, request));
    }

    /** Spring MVC's own problems (405, 406, 415, ...) get the {@code errors} array too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getProperties() == null
                || !problem.getProperties().containsKey(ERRORS))) {
            problem.setProperty(ERRORS, List.of());
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, List<FieldError> errors,
                                                         WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(path(request)));
        problem.setProperty(ERRORS, errors);
        return ResponseEntity.status(status).body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : "";
    }

    private static String fieldPath(List<JacksonException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference ref : path) {
            if (ref.getPropertyName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getPropertyName());
            } // list indexes are left out: field names match the services' FieldErrors, e.g. subnetIds
        }
        return out.isEmpty() ? "body" : out.toString();
    }
}

package dev.linkport.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What {@code /v3/api-docs} and Swagger UI say about the API as a whole: how to authenticate.
 * Swagger UI itself is open; its "Authorize" button takes a personal API token.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "Linkport API", version = "v1", description = """
                Self-service AWS PrivateLink: publish services, find them, request interface endpoints, \
                approve requests. Authenticate with a personal API token (user menu → API tokens) as \
                `Authorization: Bearer <token>`; in sandbox mode HTTP Basic with local users works too. \
                Tokens expire and carry scopes (read, request, provide, decide, admin): each operation names the \
                scope it needs (`x-required-scope`), and a token without it gets 403. Errors are `application/problem+json` with an `errors` array of `{field, message}`."""),
        security = {@SecurityRequirement(name = ApiDocumentation.BEARER), @SecurityRequirement(name = ApiDocumentation.BASIC)})
@SecurityScheme(name = ApiDocumentation.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A personal API token, created under API tokens in the user menu")
@SecurityScheme(name = ApiDocumentation.BASIC, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "Local users' passwords; accepted only when linkport.api.basic-auth is on (sandbox default)")
class ApiDocumentation {

    /** Every operation may answer 401 (from the security filter chain, so springdoc cannot see it). */
    @Bean
    OpenApiCustomizer unauthorizedResponses() {
        return openApi -> openApi.getPaths().values().forEach(path -> path.readOperations().forEach(op -> {
            if (op.getResponses() != null && !op.getResponses().containsKey("401")) {
                op.getResponses().addApiResponse("401", new ApiResponse()
                        .description("No credentials, or an unknown, revoked or expired API token")
                        .content(new Content().addMediaType("application/problem+json",
                                new MediaType().schema(
                                        new Schema<>()
                                                .$ref("#/components/schemas/ProblemDetail")))));
            }
        }));
    }

    static final String BEARER = "apiToken";
    static final String BASIC = "password";
}

package dev.linkport.api;

import dev.linkport.identity.ApiScope;
import io.swagger.v3.oas.models.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Enforces API token scopes: a request authenticated with a token may call an operation only if
 * the token has the operation's scope ({@link #required}); otherwise 403 naming the scope. Scopes
 * only narrow: the services still decide what the user may do. Requests signed in another way
 * (HTTP Basic in sandbox mode) act with every scope. The OpenAPI document names each operation's
 * scope in its description and as {@code x-required-scope}.
 */
@Configuration(proxyBeanMethods = false)
class ApiScopes implements WebMvcConfigurer {

    static final String EXTENSION = "x-required-scope";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method) {
                    check(required(method, request.getMethod()));
                }
                return true;
            }
        }).addPathPatterns("/api/**");
    }

    /**
     * The scope an operation needs: its {@link NeedsScope}; without one, {@code read} for GET and
     * HEAD and — failing closed — {@code admin} for anything else.
     */
    static ApiScope required(HandlerMethod method, String httpMethod) {
        NeedsScope needs = method.getMethodAnnotation(NeedsScope.class);
        if (needs != null) {
            return needs.value();
        }
        return HttpMethod.GET.matches(httpMethod) || HttpMethod.HEAD.matches(httpMethod) ? ApiScope.READ
                : ApiScope.ADMIN;
    }

    private static void check(ApiScope scope) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return; // the security chain lets no unauthenticated request through to a controller
        }
        Set<String> authorities = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        if (authorities.contains(ApiScope.TOKEN_AUTHORITY) && !authorities.contains(scope.authority())) {
            throw new MissingScopeException(scope);
        }
    }

    @Bean
    OperationCustomizer requiredScopes() {
        return (Operation operation, HandlerMethod method) -> {
            NeedsScope needs = method.getMethodAnnotation(NeedsScope.class);
            ApiScope scope = needs != null ? needs.value() : ApiScope.READ; // springdoc documents mapped methods
            operation.addExtension(EXTENSION, scope.value());
            String scopeNote = "API token scope: `" + scope.value() + "`.";
            operation.setDescription(operation.getDescription() == null ? scopeNote
                    : operation.getDescription() + "\n\n" + scopeNote);
            return operation;
        };
    }
}

package dev.linkport.api;

import dev.linkport.identity.ApiScope;
import dev.linkport.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any {@code /api/**} request no controller maps: a 404 problem, instead of falling through to
 * Vaadin's catch-all, which would answer an API client with the application's HTML page. (A
 * known path with an unmapped method lands here too, so it is a 404 rather than a 405.)
 */
@RestController
@Hidden
class UnknownApiPaths {

    @NeedsScope(ApiScope.READ)
    @RequestMapping("/api/**")
    void unknown(HttpServletRequest request) {
        throw new NotFoundException("No API endpoint " + request.getMethod() + " " + request.getRequestURI()
                + "; the API is described at /v3/api-docs");
    }
}

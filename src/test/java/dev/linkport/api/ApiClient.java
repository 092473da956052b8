package dev.linkport.api;

import dev.linkport.identity.ApiScope;
import dev.linkport.identity.service.ApiTokenService;
import dev.linkport.support.TestUsers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running server's REST API over real HTTP, as one user (bearer token, password, or nobody). */
public final class ApiClient {

    static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A response: status, content type, Location, and the body parsed as JSON (null when empty). */
    public record Response(int status, String contentType, String location, String raw, JsonNode json) {

        /** The {@code field}s of a problem's {@code errors} array. */
        List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            JsonNode errors = json.get("errors");
            for (int i = 0; i < errors.size(); i++) {
                fields.add(errors.get(i).get("field").asString());
            }
            return fields;
        }

        public String text(String field) {
            JsonNode node = json.get(field);
            return node == null || node.isNull() ? null : node.asString();
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }

    private final String base;
    private final String authorization;

    private ApiClient(int port, String authorization) {
        this.base = "http://localhost:" + port;
        this.authorization = authorization;
    }

    static ApiClient bearer(int port, String token) {
        return new ApiClient(port, "Bearer " + token);
    }

    public static ApiClient basic(int port, String user, String password) {
        return new ApiClient(port, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** A client with a personal API token of the user, created with these scopes and the default lifetime. */
    static ApiClient token(int port, TestUsers users, ApiTokenService tokens, String username, ApiScope... scopes) {
        return bearer(port, users.as(username, () -> tokens.create(new ApiTokenService.NewApiToken(
                "test-" + java.util.UUID.randomUUID().toString().substring(0, 8),
                scopes.length == 0 ? ApiScope.all() : java.util.EnumSet.copyOf(java.util.List.of(scopes)), null))
                .secret()));
    }

    static ApiClient anonymous(int port) {
        return new ApiClient(port, null);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    /** A GET that asks for a media type, e.g. {@code text/csv}. */
    Response get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET());
    }

    public Response post(String path, Object body) {
        return postRaw(path, body == null ? null : JSON.writeValueAsString(body));
    }

    Response postRaw(String path, String json) {
        HttpRequest.Builder request = request(path);
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return send(request);
    }

    /** Any method with a JSON body (PUT, PATCH). */
    Response send(String method, String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Response delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode json = null;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (body != null && !body.isBlank() && type.contains("json")) {
                json = JSON.readTree(body);
            }
            return new Response(response.statusCode(), type, response.headers().firstValue("Location").orElse(null),
                    body, json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

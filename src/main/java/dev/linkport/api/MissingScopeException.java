package dev.linkport.api;

import dev.linkport.identity.ApiScope;
import dev.linkport.platform.ForbiddenException;

/** The request came with an API token that lacks the scope the operation needs. */
class MissingScopeException extends ForbiddenException {

    private final ApiScope scope;

    MissingScopeException(ApiScope scope) {
        super("This API token lacks the scope '" + scope.value() + "' that this operation needs; create a token "
                + "with it under API tokens in the user menu");
        this.scope = scope;
    }

    ApiScope scope() {
        return scope;
    }
}

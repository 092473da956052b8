package dev.linkport.api;

import dev.linkport.identity.ApiScope;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The API token scope an operation needs ({@link ApiScopes} checks it). Every operation that is
 * not a GET carries one; a GET without it needs {@link ApiScope#READ}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface NeedsScope {

    ApiScope value();
}

/**
 * Who is who: owns users, teams, memberships (owner or member), the AWS accounts teams own, sign-in
 * and API tokens.
 *
 * <p>{@code AccessPolicy} answers who is calling and what they may do about teams and accounts;
 * other modules look accounts, teams and people up through {@code AccountDirectory},
 * {@code TeamDirectory} and {@code UserDirectory}.
 */
package dev.linkport.identity;

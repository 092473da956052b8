/**
 * Who is who: users, teams, team memberships (owner or member), the AWS accounts teams own, and
 * sign-in. Authorization decisions about teams and accounts are made here.
 */
package dev.linkport.identity;

/**
 * The provider's console: a team's own services, who may connect to them (allowed principals)
 * and the connections AWS reports for them.
 */
package dev.linkport.provider;

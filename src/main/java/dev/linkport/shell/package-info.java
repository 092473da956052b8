/**
 * The application shell: the layout around every view, with role-aware navigation, the header and
 * error handling.
 */
package dev.linkport.shell;

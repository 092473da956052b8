/** The application shell: the layout with its role-aware navigation, header and error handling. */
package dev.linkport.shell;

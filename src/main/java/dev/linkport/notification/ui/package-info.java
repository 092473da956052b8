/** The notification bell, which the shell puts in every page's header. */
@NamedInterface("bell")
package dev.linkport.notification.ui;

import org.springframework.modulith.NamedInterface;

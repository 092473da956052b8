/**
 * Shared ground that every module may use and that uses no module: embedded database, signed-in actor,
 * user-facing exceptions, live-update signals for open screens, small UI pieces.
 *
 * <p>An open module: all of it is there to be used.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package dev.linkport.platform;

import org.springframework.modulith.ApplicationModule;

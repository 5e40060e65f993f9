/**
 * {@code simulate --demo}: a handful of named sensors with realistic telemetry, some sleeping, over
 * UDP and a serial pty, so a gateway shows something meaningful without hardware.
 */
package org.sngw.app.simulate.demo;

package org.sngw.sim;

import java.time.Duration;
import org.sngw.message.Qos;

/** A message a publisher's application produces at a planned time of the run. */
record Reading(Duration at, String topic, Qos qos, boolean retain) {}

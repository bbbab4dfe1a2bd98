/** Test and demo control: the simulator clock, quotas, injected faults. */
package com.syncwell.simulator.control;

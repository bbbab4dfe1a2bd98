/** The simulated Strava API v3 and Strava OAuth, with Strava's JSON shapes and faults. */
package com.syncwell.simulator.strava;

/**
 * Deterministic, seeded datasets: people, their workouts (with streams synthesised on request, not
 * stored), steps, sleep, weight and resting heart rate, and the mutable per-provider stores.
 */
package com.syncwell.simulator.data;

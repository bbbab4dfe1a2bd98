/**
 * The simulator's use of workout files, behind {@link com.syncwell.simulator.files.WorkoutFiles}:
 * reading uploads and writing TCX exports. A minimal stand-in serves until the connectors' codecs
 * land (see the TODO in {@link com.syncwell.simulator.files.WorkoutFiles#standard()}).
 */
package com.syncwell.simulator.files;

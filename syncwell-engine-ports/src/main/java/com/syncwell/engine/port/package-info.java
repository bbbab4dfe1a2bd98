/**
 * Ports: the roles the engine needs from the outside world, named by role. Adapters live in their
 * own modules and are chosen in the one composition root.
 */
package com.syncwell.engine.port;

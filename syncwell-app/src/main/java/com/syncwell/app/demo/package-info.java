/** {@code syncwell demo}: the platform and the simulator in one process, driven by a script. */
package com.syncwell.app.demo;

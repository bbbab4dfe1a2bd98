/** The composition root and entry point: wires adapters to ports from the settings. */
package com.syncwell.app;

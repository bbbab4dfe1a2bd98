/**
 * Contract suites that every adapter of a port runs, and the test clock. Written against the ports
 * only, so embedded and cloud adapters prove the same behaviour.
 */
package com.syncwell.testkit;

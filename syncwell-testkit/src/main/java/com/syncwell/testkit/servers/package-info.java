/**
 * Real servers the scale-out tests start on 127.0.0.1 and stop by pid: dynalite (DynamoDB) and
 * redis-server. The test command installs them; these classes only start and stop them.
 */
package com.syncwell.testkit.servers;

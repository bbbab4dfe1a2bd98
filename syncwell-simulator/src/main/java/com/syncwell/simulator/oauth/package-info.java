/** OAuth 2.0 state shared by the simulated providers: clients, grants, codes and tokens. */
package com.syncwell.simulator.oauth;

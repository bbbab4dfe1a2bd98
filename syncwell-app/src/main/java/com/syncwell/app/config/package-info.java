/** Settings from the environment (INTERFACE.md), validated once at startup. */
package com.syncwell.app.config;

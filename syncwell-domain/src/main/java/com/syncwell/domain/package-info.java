/** The canonical health model: data types, records and matching rules. JDK only. */
package com.syncwell.domain;

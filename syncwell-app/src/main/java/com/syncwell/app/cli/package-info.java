/** The {@code syncwell} command line (picocli): one class per command of INTERFACE.md. */
package com.syncwell.app.cli;

package com.syncwell.app.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or "development" when run from classes. */
public final class SyncwellVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = SyncwellVersion.class.getPackage().getImplementationVersion();
    return new String[] {"syncwell " + (version == null ? "development" : version)};
  }
}

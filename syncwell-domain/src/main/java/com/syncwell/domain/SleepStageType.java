package com.syncwell.domain;

/** Sleep stages; providers' classic "asleep"/"restless" levels map to LIGHT and AWAKE. */
public enum SleepStageType {
  AWAKE,
  LIGHT,
  DEEP,
  REM
}

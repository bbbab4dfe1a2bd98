package com.syncwell.domain;

/** Groups of sport types that may describe the same activity. */
public enum SportFamily {
  RUNNING,
  WALKING,
  CYCLING,
  SWIMMING,
  PADDLING,
  WATER,
  SNOW,
  SKATING,
  CLIMBING,
  FITNESS,
  MIND_BODY,
  RACKET,
  BALL,
  WHEELCHAIR,
  OTHER
}

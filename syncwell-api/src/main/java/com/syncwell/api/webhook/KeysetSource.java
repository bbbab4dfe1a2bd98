package com.syncwell.api.webhook;

import java.io.IOException;

/** Where the public keyset that signs Google Health notifications comes from. */
@FunctionalInterface
interface KeysetSource {

  /**
   * The keyset as Tink JSON.
   *
   * @throws IOException when it cannot be fetched in time, is too large or the answer is not 200
   */
  String fetch() throws IOException;
}

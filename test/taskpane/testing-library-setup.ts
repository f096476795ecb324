import { configure } from '@testing-library/react';

/**
 * The panes talk to a real store over HTTP and a real host; on a loaded two-core CI
 * machine an answer can take longer than testing-library's default wait of 1 s.
 * A wait is not a measured figure (speed lives in `npm run bench`), so waits are
 * long; a test still fails when what it waits for never comes.
 */
configure({ asyncUtilTimeout: 10_000 });

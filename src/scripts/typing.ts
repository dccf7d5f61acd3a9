/**
 * Quiet time after the last keystroke before searching as you type. Longer than the 100–200 ms
 * between a typist's keys, so a word is searched once it is typed and not at each prefix (each
 * prefix searched can fetch its own ~20 KB index chunk); short enough that results follow typing.
 */
export const typingPause = 220;

/** Shortest term searched as you type: one letter matches most papers and costs a chunk. Enter searches anything. */
export const minTermLength = 2;

/**
 * Quiet time after the last keystroke before searching as you type. Longer than the 100–200 ms
 * between a typist's keys, so a word is searched once it is typed and not at each prefix (each
 * prefix searched can fetch its own ~20 KB index chunk); short enough that results follow typing.
 */
const typingPause = 220;

/**
 * A term of the shortest searched length (two letters) waits longer: it is mostly the start of a
 * longer word, and its words span several index chunks; as a word of its own ("RL", "3D") it is
 * still searched once typing stops.
 */
const shortTermPause = 600;

/** Shortest term searched as you type: one letter matches most papers and costs a chunk. Enter searches anything. */
export const minTermLength = 2;

/** How long to wait after the last keystroke before searching `term`. */
export const pauseFor = (term: string) => (term.trim().length <= minTermLength ? shortTermPause : typingPause);

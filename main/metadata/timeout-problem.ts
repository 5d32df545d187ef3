/** The problem a file gets when reading its metadata ran out of time (its own module: the catalog looks for it too). */
export const TIMEOUT_PROBLEM = "Lightbox could not read this file's metadata in time; it may be damaged.";

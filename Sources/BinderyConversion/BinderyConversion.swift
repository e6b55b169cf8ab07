// BinderyConversion: one source file in, the bytes of its outputs out — the path every job takes,
// whether `bindery convert` runs it or the daemon does. It holds the source loader (bytes, the time the
// outputs record, the sidecar), the sidecar reader, the converter, the one content hash (`ContentDigest`)
// and the one naming rule for sidecars and outputs (`SourceNaming`), and the atomic file writer.
//
// It links no daemon, SQLite or logging, so that the CLI converts without them. It is synchronous: no
// `async`, no queues or threads of its own. Each call returns when its work is done, so its callers (the
// CLI's loop over files, the daemon's job queue) decide what runs when; the converter's only concurrency,
// the writers run side by side with `concurrentPerform`, starts and ends inside one `convert` call.

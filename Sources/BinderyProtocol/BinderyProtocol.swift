// BinderyProtocol: the control socket's protocol, shared by the daemon (`BinderyService`) and its
// clients (the `bindery` CLI, the tests, Fuzz/). It holds the envelope (`ControlRequest`,
// `ControlResponse`, `ControlError`, `JSONValue`), the framing (`ControlCodec`, `LineBuffer`: one JSON
// object per line), the typed vocabulary (`ControlMethod`, the validated `ControlParams`, the result
// structs, `ControlEvent`) and the client (`ControlClient`). The wire format is DESIGN.md §6's; the
// README's "Control socket" section shows it.
//
// The client is synchronous, blocking I/O on a Unix socket (Glibc): each CLI command sends a request or
// two and waits for the answer, and a blocking read with `SO_RCVTIMEO` says that in a few lines where an
// event loop would need a runtime. The daemon's side of the socket (non-blocking, Dispatch) stays in
// `BinderyService`; it uses this module's codec, so both ends frame lines the same way.
// Nothing here depends on the daemon: Fuzz/ links it through the `BinderyCore` product.

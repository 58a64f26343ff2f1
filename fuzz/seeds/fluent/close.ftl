module-close = WebSocket Close Codes
    .note = Status codes of a WebSocket Close frame.

code-1006 = Abnormal Closure
    .description = The connection was closed without a Close frame.
    .cause-1 = The network went down.
    .cause-2 = The peer process crashed.
    .solution-1 = Reconnect with back-off.

range-private = Private Use
    .description = Codes agreed between applications.

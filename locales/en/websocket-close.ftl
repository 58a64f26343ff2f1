# WebSocket close codes (RFC 6455 §7.4, IANA registry).

module-websocket-close = WebSocket Close Codes
    .note = These are the status codes carried in a WebSocket Close frame ([RFC 6455 §7.4](https://www.rfc-editor.org/rfc/rfc6455#section-7.4)); a client sees them, for example, as `CloseEvent.code`. They tell why a connection was closed and are not error codes returned by an API.

code-1000 = Normal Closure
    .description = The connection was closed normally: the purpose for which it was established has been fulfilled.
    .cause-1 = One endpoint finished its work (for example, the user logged out or the task completed) and closed the connection on purpose.
    .solution-1 = No action is needed. This code does not indicate an error.

code-1001 = Going Away
    .description = The endpoint is going away and closes the connection, for example because the server is shutting down or the browser is leaving the page.
    .cause-1 = The server is shutting down or restarting, for example during a deployment.
    .cause-2 = The user closed the browser tab, reloaded the page or navigated to another page.
    .solution-1 = If the client still needs the connection, reconnect after a short delay, using exponential back-off.
    .solution-2 = If the user simply left the page, no action is needed.

code-1002 = Protocol Error
    .description = The endpoint closes the connection because the peer violated the WebSocket protocol.
    .cause-1 = A frame is malformed, for example a frame sent by the client is not masked, a frame sent by the server is masked, an RSV bit is set without a negotiated extension, or the opcode is unknown.
    .cause-2 = A control frame is invalid, for example it is fragmented, its payload is longer than 125 bytes, or a Close frame carries a status code that is not allowed.
    .cause-3 = A hand-written or outdated WebSocket implementation, or a proxy that alters the traffic, breaks the framing.
    .solution-1 = Use a maintained, standards-conforming WebSocket library on both sides instead of your own framing code.
    .solution-2 = Enable the library's debug logging or capture the traffic (for example with Wireshark) to find the offending frame, and read the reason text of the Close frame.
    .solution-3 = If a proxy sits between client and server, make sure it supports WebSocket, or use `wss://` so that intermediaries cannot modify the frames.

code-1003 = Unsupported Data
    .description = The endpoint closes the connection because it received a type of data it cannot accept, for example a binary message sent to an endpoint that only understands text.
    .cause-1 = The client sent a binary message to a text-only endpoint, or a text message to an endpoint that only accepts binary data.
    .solution-1 = Send the message type the peer expects, as described in the server's API documentation; for example, encode binary data as text (such as Base64) if the server accepts only text.

code-1004 = Reserved
    .description = Reserved by RFC 6455; its meaning might be defined in the future. Until then, endpoints should not use it.
    .cause-1 = A WebSocket implementation that does not follow RFC 6455 sent 1004 in a Close frame.
    .solution-1 = Do not use 1004. Close with 1000 for a normal closure, or with a code from 4000–4999 for an application-specific reason.

code-1005 = No Status Received
    .description = A reserved value that must never be sent in a Close frame. An endpoint or WebSocket API reports it locally when the Close frame it received contained no status code.
    .cause-1 = The peer closed the connection with a Close frame that has no status code, for example because it called `close()` without arguments.
    .solution-1 = Usually no action is needed: the connection was closed in an orderly way.
    .solution-2 = If the application needs to know why the connection was closed, have the peer send an explicit code (for example 1000, or a code from 4000–4999) and a reason.

code-1006 = Abnormal Closure
    .description = A reserved value that must never be sent in a Close frame. An endpoint or WebSocket API reports it locally when the connection was closed abnormally, without a Close frame being sent or received.
    .cause-1 = The network connection was lost (for example, the device switched networks or went to sleep), or the peer process crashed.
    .cause-2 = A proxy, load balancer or firewall dropped a connection that had been idle for too long.
    .cause-3 = The opening handshake failed, for example because the URL is wrong or the server did not accept the upgrade; browsers also report such failures as 1006.
    .solution-1 = Check the network and the server logs (crashes, restarts) at the time of the disconnection.
    .solution-2 = Send Ping frames or application-level heartbeats at regular intervals so that idle connections are not cut off, and check the idle timeouts of proxies and load balancers.
    .solution-3 = Reconnect automatically, using exponential back-off.

code-1007 = Invalid Frame Payload Data
    .description = The endpoint closes the connection because the data in a message does not match the type of the message, for example a text message containing data that is not valid UTF-8.
    .cause-1 = A text message contains bytes that are not valid UTF-8, for example a string in another encoding such as GBK or Latin-1, or binary data sent as text.
    .cause-2 = A string was cut in the middle of a multi-byte character before it was sent.
    .solution-1 = Encode every text message as complete, valid UTF-8.
    .solution-2 = Send data that is not text as binary messages.

code-1008 = Policy Violation
    .description = The endpoint closes the connection because it received a message that violates its policy. This is a generic code, used when no more specific code (such as 1003 or 1009) fits, or when the details of the policy are to be hidden.
    .cause-1 = Authentication or authorization failed, for example the token or cookie is missing, invalid or expired.
    .cause-2 = The connection comes from an origin that the server does not allow.
    .cause-3 = The client broke a rule of the application, for example it sent too many messages in a short time or a message that the server forbids.
    .solution-1 = Read the reason text of the Close frame and the server logs to find out which policy was violated.
    .solution-2 = Fix the cause (renew the credentials, use an allowed origin, respect the rate limits) before reconnecting; reconnecting unchanged only gets the connection closed again.

code-1009 = Message Too Big
    .description = The endpoint closes the connection because it received a message that is too big for it to process.
    .cause-1 = A message is larger than the maximum message or frame size configured on the receiving side; many WebSocket libraries set such a limit by default.
    .cause-2 = A large payload, such as a file or an image, was sent as a single message.
    .solution-1 = Split large data into smaller messages.
    .solution-2 = If larger messages are really needed, raise the size limit on the receiving side.
    .solution-3 = If both sides support it, enable compression (the `permessage-deflate` extension).

code-1010 = Mandatory Extension
    .description = The client closes the connection because it expected the server to negotiate one or more extensions, but the server's handshake response did not include them. The reason text of the Close frame should list the extensions that are needed. A server never sends this code: it fails the handshake instead.
    .cause-1 = The client requires an extension in `Sec-WebSocket-Extensions`, but the server does not support it or has it disabled.
    .cause-2 = A proxy between client and server removed the `Sec-WebSocket-Extensions` header.
    .solution-1 = Read the list of missing extensions in the reason text and enable them on the server.
    .solution-2 = If the extension is not essential, configure the client not to require it.

code-1011 = Internal Error
    .description = The server closes the connection because it encountered an unexpected condition that prevented it from fulfilling the request.
    .cause-1 = An unhandled exception or a bug in the server's message handler.
    .cause-2 = A service the server depends on, such as a database or a backend API, failed.
    .solution-1 = On the server, check the logs at the time of the closure and fix the error.
    .solution-2 = On the client, reconnect later with exponential back-off; if the problem persists, contact the server's maintainers.

code-1012 = Service Restart
    .description = The server closes the connection because it is restarting. This code is registered with IANA; it is not defined in RFC 6455 itself.
    .cause-1 = The server is being restarted, for example for a deployment or a configuration change.
    .solution-1 = Reconnect after a random delay, using exponential back-off, so that not all clients reconnect at the same moment.

code-1013 = Try Again Later
    .description = The server closes the connection because of a temporary condition, for example overload. This code is registered with IANA; it is not defined in RFC 6455 itself.
    .cause-1 = The server is overloaded or has reached its maximum number of connections.
    .cause-2 = The service is temporarily unavailable, for example during maintenance.
    .solution-1 = Do not reconnect at once: wait, then retry with exponential back-off.
    .solution-2 = If the service has several servers, connect to another one.

code-1014 = Bad Gateway
    .description = The server, acting as a gateway or proxy, received an invalid response from the upstream server, similar to the HTTP status 502 Bad Gateway. This code is registered with IANA; it is not defined in RFC 6455 itself.
    .cause-1 = The upstream server is down, unreachable or returned an invalid response.
    .cause-2 = The gateway or proxy is misconfigured, for example it points to the wrong upstream address.
    .solution-1 = Check that the upstream service is running, and check the gateway's configuration and logs.
    .solution-2 = On the client, retry later with exponential back-off.

code-1015 = TLS Handshake
    .description = A reserved value that must never be sent in a Close frame. An endpoint or WebSocket API reports it locally when the connection was closed because the TLS handshake failed, for example because the server certificate could not be verified.
    .cause-1 = The server certificate cannot be verified: it has expired, is self-signed, was issued by a CA the client does not trust, or intermediate certificates are missing.
    .cause-2 = The host name in the URL does not match the names in the certificate.
    .cause-3 = The client and the server have no TLS version or cipher suite in common.
    .solution-1 = Check the server's certificate chain and its validity period, for example with `openssl s_client -connect host:443 -servername host`, and make sure the device clock is correct.
    .solution-2 = If the server uses a private CA, configure the client to trust that CA certificate.
    .solution-3 = Connect with the host name that the certificate was issued for, and enable a TLS version and cipher suites that both sides support.

range-unused = Not Used
    .description = Status codes 0–999 are not used by the WebSocket protocol.

range-protocol = Reserved for the Protocol
    .description = Status codes 1000–2999 are reserved for RFC 6455, its future revisions and extensions specified in a permanent, publicly available specification. The codes in this range not listed above are not assigned yet.

range-iana = Registered with IANA
    .description = Status codes 3000–3999 are reserved for libraries, frameworks and applications, and are registered directly with IANA. RFC 6455 does not define what they mean.

range-private = Private Use
    .description = Status codes 4000–4999 are reserved for private use and cannot be registered. Applications can use them by prior agreement; RFC 6455 does not define what they mean.

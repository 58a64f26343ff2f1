### errdoc: WebSocket error codes (module `websocket`), English source text.
### Source: OpenHarmony Network Kit "WebSocket Error Codes" page (seed 000).
### The literal API error messages live in catalog/codes.yaml, not here.

module-websocket = WebSocket Error Codes
    .note = This topic describes only module-specific error codes. For details about universal error codes, see [Universal Error Codes](../errorcode-universal.md).

code-200 = Connection Failure
    .description = This error code is reported if the WebSocket connection fails.
    .cause-1 = The server rejects the client connection, the protocol is incorrect, the handshake fails, or the certificate verification fails.
    .cause-2 = No status code is returned when the client or server is disconnected.
    .solution-1 = Check whether the protocol is valid and whether the certificate verification is successful. If not, reconnect the client and server.

code-2302001 = WebSocket URL Error
    .description = This error code is reported if the WebSocket URL is incorrect.
    .cause-1 = The WebSocket URL is incorrect.

code-2302002 = WebSocket Certificate Does Not Exist
    .description = The WebSocket certificate does not exist.
    .cause-1 = The certificate path is incorrect or no certificate is configured.

code-2302003 = WebSocket Connection Already Exists
    .description = The WebSocket connection already exists.
    .cause-1 = The WebSocket connection has been established.

code-2302004 = Listening Failed on the Specified NIC
    .description = This error code is reported if the WebSocketServer failed to perform listening on the specified NIC.
    .cause-1 = The IP address in the WebSocketServer server configuration file is invalid.
    .solution-1 = Check whether the network connection is normal and whether the IP address is valid.

code-2302005 = Listening Failed on the Specified Port
    .description = This error code is reported if the WebSocketServer failed to perform listening on the specified port.
    .cause-1 = The port number in the WebSocketServer server configuration file is invalid.
    .solution-1 = Check whether the port number is valid.

code-2302998 = Domain Access Denied
    .description = This error code is reported if access to a certain domain is prohibited.
    .cause-1 = An incorrect server domain name is configured for the atomic service.
    .solution-1 = Configure a correct server domain name for the atomic service. For details, see [Network Connection Management](https://developer.huawei.com/consumer/en/doc/atomic-guides-V5/atomic-net-connection-manager-V5).

code-2302999 = Internal Error
    .description = This error code is reported if an internal error occurs.
    .cause-1 = Other system faults occur.

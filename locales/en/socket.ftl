### errdoc: Socket error codes (module `socket`), English source text.
### Translated from the Chinese OpenHarmony "Socket 错误码" page (seed 002), with its typos fixed.
### The literal API error messages live in catalog/codes.yaml, not here.

module-socket = Socket Error Codes
    .note = This topic describes only module-specific error codes. For details about universal error codes, see [Universal Error Codes](../errorcode-universal.md).

## TCP/UDP socket: 2301000 + errno

code-2301001 = Operation Not Permitted
    .description = This error code is reported if an operation is not permitted.
    .cause-1 = The operation is invalid.
    .solution-1 = Check the operation steps.

code-2301002 = File Does Not Exist
    .description = This error code is reported if a file does not exist.
    .cause-1 = The file does not exist.
    .solution-1 = Check the file name or file path.

code-2301003 = Process Does Not Exist
    .description = This error code is reported if a process does not exist.
    .cause-1 = The process does not exist.
    .solution-1 = Check the process information.

code-2301004 = System Call Interrupted
    .description = This error code is reported if a system call is interrupted.
    .cause-1 = The system call is interrupted.
    .solution-1 = Check the system call.

family-socket-errno = Other TCP/UDP Socket Error Codes
    .rule-label = TCP/UDP error codes:
    .rule = Other TCP/UDP socket error codes are mapped as { $base } + Linux kernel error number (errno).
    .description = This error code is reported if a TCP/UDP socket operation fails with the Linux error `{ $name }` ({ $value }): { $message }.
    .cause-1 = The underlying socket system call failed and set errno to `{ $name }` ({ $value }), which is reported as error code { $code }.
    .solution-1 = See the description of `{ $name }` in the Linux kernel error numbers (errno), fix the problem, and try again.

## System internal error

code-2300002 = System Internal Error
    .description = This error code is reported if a system internal error occurs.
    .cause-1 = The memory is abnormal.
    .cause-2 = A null pointer is encountered.
    .solution-1 = Check whether the memory space is sufficient. Clear the memory and try again.
    .solution-2 = A system exception occurs. Try again later or restart the device.

## TLS socket: 2303100 + errno

code-2303104 = Interrupted System Call
    .description = This error code is reported if a system call is interrupted.
    .cause-1 = Calling `connect` may block for too long, so the system generates an interrupt signal and returns the `EINTR` error.
    .solution-1 = Go through the network connection process again.

code-2303109 = Bad File Number
    .description = This error code is reported if an operation is performed on a socket that has been closed locally.
    .cause-1 = The socket fd may have been closed, so an invalid argument error occurs.
    .solution-1 = Check whether the socket has been closed unexpectedly.

code-2303111 = Resource Temporarily Unavailable, Try Again
    .description = This error code is reported if system resources are temporarily unavailable. Try calling the API again.
    .cause-1 = System resources are busy.
    .solution-1 = Call the API again.

code-2303188 = Socket Operation on Non-Socket
    .description = This error code is reported if the socket argument does not specify a socket descriptor.
    .cause-1 = The argument is not a socket descriptor.
    .solution-1 = Check whether the descriptor is obtained correctly in the code.

code-2303191 = Protocol Wrong Type for Socket
    .description = This error code is reported if the protocol type set in the arguments is incorrect.
    .cause-1 = A socket function that specifies a protocol is used on a socket that does not support it. For example, the Internet UDP protocol cannot be specified for a socket of the `SOCK_STREAM` type.
    .solution-1 = Check whether the arguments match the protocol type.

code-2303198 = Network Address Already in Use
    .description = This error code is reported if the address is already in use.
    .cause-1 = The application tries to bind a socket to an IP address/port that is already used by an existing socket, by a socket that was not closed properly, or by a socket that is still being closed.
    .solution-1 = Try another address.

code-2303199 = Cannot Assign Requested Address
    .description = This error code is reported if the requested address is invalid in its context.
    .cause-1 = The remote address or port is invalid for the remote computer.
    .solution-1 = Check whether the address or port is correct.

code-2303210 = Connection Timed Out
    .description = This error code is reported if no connection to the remote server can be established for a long time.
    .cause-1 = This usually happens when the server host has crashed.
    .solution-1 = This cannot be fixed locally. Check whether the remote server has a problem.

family-tls-socket-errno = Other TLS Socket Error Codes
    .rule = Other TLS socket error codes are mapped as { $base } + Linux kernel error number (errno).
    .description = This error code is reported if a TLS socket operation fails with the Linux error `{ $name }` ({ $value }): { $message }.
    .cause-1 = A socket system call underlying the TLS socket failed and set errno to `{ $name }` ({ $value }), which is reported as error code { $code }.
    .solution-1 = See the description of `{ $name }` in the Linux kernel error numbers (errno), fix the problem, and then reconnect or retry the operation.

## TLS: 2303500 + SSL_get_error() result

code-2303501 = SSL Is Null
    .description = This error code is reported if a parameter is incorrect.
    .cause-1 = When an internal function fails, the error information is obtained. This error occurs if the obtained information is null.
    .solution-1 = Run the process again.

code-2303502 = TLS Read Error
    .description = This error code is reported if the operation must wait until the socket becomes readable.
    .cause-1 = The underlying socket is blocked.
    .solution-1 = Receive the data again.

code-2303503 = TLS Write Error
    .description = This error code is reported if the operation must wait until the socket becomes writable.
    .cause-1 = When the send buffer is full, sending on the underlying socket returns an `EWOULDBLOCK` error. This means that the server has not read the messages sent by the client.
    .solution-1 = Check the server and fix it.

code-2303504 = Error Looking Up x509
    .description = This error code is reported if an error occurs during x509 certificate verification and the operation is not complete.
    .cause-1 = The local certificate does not match the server certificate.
    .solution-1 = Check whether the local CA root certificate matches the server certificate.

code-2303505 = TLS System Call Error
    .description = This error code is reported if a non-recoverable, fatal I/O error occurs.
    .cause-1 = Communication fails because of a network problem.
    .solution-1 = See the Linux kernel error number (errno) for details.

code-2303506 = Error Clearing TLS Connection
    .description = This error code is reported if the TLS/SSL connection has been closed.
    .cause-1 = This result code is returned only when a close alert occurs in the protocol, that is, when the connection has been closed completely.
    .solution-1 = Initiate the connection again.

family-tls-ssl-error = Other TLS Error Codes
    .rule = Other TLS error codes are mapped as { $base } + the return value of OpenSSL `SSL_get_error()`.
    .description = This error code is reported if a TLS operation fails and `SSL_get_error()` returns `{ $name }` ({ $value }): { $message }.
    .cause-1 = OpenSSL returned `{ $name }` ({ $value }) for the current TLS/SSL operation, which is reported as error code { $code }.
    .solution-1 = See the description of `{ $name }` in the OpenSSL `SSL_get_error()` documentation, fix the problem, and try again.

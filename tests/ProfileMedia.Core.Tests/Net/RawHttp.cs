using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ProfileMedia.Core.Tests.Net;

/// <summary>A request head as read off a socket: its lines without their line ends, and whether the blank line came.</summary>
/// <param name="Lines">The request line and the header lines; when the head is not complete, the last one may be a part.</param>
/// <param name="Complete">False when the client closed before the blank line that ends the head.</param>
internal sealed record RawRequestHead(IReadOnlyList<string> Lines, bool Complete);

/// <summary>
/// The socket plumbing of the tests' hand-made HTTP servers (the ones that must send what HttpListener will not):
/// accepting connections until stopped, and reading a request head without consuming anything after it.
/// </summary>
internal static class RawHttp
{
    /// <summary>Hands every accepted connection to <paramref name="serve"/> on its own task, until the listener stops.</summary>
    public static async Task AcceptLoopAsync(TcpListener listener, Func<TcpClient, Task> serve, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop);
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException || e is OperationCanceledException)
            {
                return;
            }

            // Not cancellable: once accepted, the client is serve's to dispose, even when the test is ending.
            _ = Task.Run(() => serve(client), CancellationToken.None);
        }
    }

    /// <summary>
    /// Reads a request head up to the blank line. Byte by byte: slow, but the requests are a few hundred bytes and nothing
    /// after the head may be over-read, since a test's handler reads or answers what follows.
    /// </summary>
    public static async Task<RawRequestHead> ReadRequestHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        byte[] one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                }

                return new RawRequestHead(lines, Complete: false);
            }

            if (one[0] == '\n')
            {
                string text = line.ToString().TrimEnd('\r');
                line.Clear();
                if (text.Length == 0)
                {
                    return new RawRequestHead(lines, Complete: true);
                }

                lines.Add(text);
                continue;
            }

            line.Append((char)one[0]);
        }
    }
}

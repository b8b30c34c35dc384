using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ProfileMedia.Core.Tests.Net;

/// <summary>One request as a server read it: the request line and the headers, names as sent.</summary>
internal sealed record RecordedRequest(string RequestLine, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public string? Header(string name)
    {
        foreach (var header in Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }
}

/// <summary>
/// The tests' one raw HTTP server: a bare TCP listener on 127.0.0.1 (port 0) that records every request head and then
/// lets the test write whatever bytes it wants, one request per connection. It is the way to send a Content-Length of
/// 1000 followed by 10 bytes and a closed socket, to stall mid-body, or to answer a redirect to another host exactly as
/// given, which a real HTTP server will not do. The handler gets the connection's stream and its number (1 for the
/// first); the socket closes when it returns.
/// </summary>
internal sealed class RawHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<Stream, RecordedRequest, int, CancellationToken, Task> _handler;
    private readonly CancellationTokenSource _stop = new();
    private int _connections;

    /// <summary>A server whose handler writes the whole response itself, once the request head has been read.</summary>
    public RawHttpServer(Func<Stream, int, CancellationToken, Task> handler)
        : this((stream, _, connection, stop) => handler(stream, connection, stop))
    {
    }

    /// <summary>A server that answers every request with the bytes <paramref name="answer"/> gives for it.</summary>
    public RawHttpServer(Func<RecordedRequest, byte[]> answer)
        : this(async (stream, request, _, stop) =>
        {
            await stream.WriteAsync(answer(request), stop);
            await stream.FlushAsync(stop);
        })
    {
    }

    private RawHttpServer(Func<Stream, RecordedRequest, int, CancellationToken, Task> handler)
    {
        _handler = handler;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        BaseUri = new Uri("http://127.0.0.1:" + Port + "/");
        CancellationToken stop = _stop.Token;
        _ = Task.Run(() => RawHttp.AcceptLoopAsync(_listener, ServeAsync, stop));
    }

    public int Port { get; }

    public Uri BaseUri { get; }

    /// <summary>Connections accepted so far, whether or not a request head came on them.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Every complete request head read so far.</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public string Url(string path) => new Uri(BaseUri, path).AbsoluteUri;

    /// <summary>A whole response: status line, the given header lines, Content-Length, Connection: close, body.</summary>
    public static byte[] Answer(int status, string reason, string headers, byte[] body)
    {
        byte[] head = Encoding.ASCII.GetBytes("HTTP/1.1 " + status + " " + reason + "\r\n" + headers + "Content-Length: " + body.Length + "\r\nConnection: close\r\n\r\n");
        byte[] whole = new byte[head.Length + body.Length];
        head.CopyTo(whole, 0);
        body.CopyTo(whole, head.Length);
        return whole;
    }

    /// <summary>Writes a 200 status line and headers claiming <paramref name="contentLength"/> body bytes.</summary>
    public static async Task WriteHeadAsync(Stream stream, long contentLength, CancellationToken cancellationToken)
    {
        byte[] head = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: " + contentLength + "\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(head, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>Reads a request head from a stream; a head cut short keeps its first line (or part of it) and no headers.</summary>
    public static async Task<RecordedRequest?> ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        (IReadOnlyList<string> lines, bool complete) = await RawHttp.ReadRequestHeadAsync(stream, cancellationToken);
        if (!complete)
        {
            return lines.Count == 0 ? null : new RecordedRequest(lines[0], Array.Empty<KeyValuePair<string, string>>());
        }

        var headers = new List<KeyValuePair<string, string>>();
        for (int i = 1; i < lines.Count; i++)
        {
            int colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.Add(new KeyValuePair<string, string>(lines[i].Substring(0, colon).Trim(), lines[i].Substring(colon + 1).Trim()));
            }
        }

        return new RecordedRequest(lines.Count > 0 ? lines[0] : string.Empty, headers);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task ServeAsync(TcpClient client)
    {
        int connection = Interlocked.Increment(ref _connections);
        using (client)
        {
            try
            {
                CancellationToken stop = _stop.Token;
                NetworkStream stream = client.GetStream();
                RecordedRequest? request = await ReadRequestAsync(stream, stop);
                if (request == null)
                {
                    return; // The client closed before sending anything.
                }

                Requests.Enqueue(request);
                await _handler(stream, request, connection, stop);
            }
            catch (Exception e) when (e is IOException || e is SocketException || e is ObjectDisposedException || e is OperationCanceledException)
            {
                // The client went away or the test ended.
            }
        }
    }
}

using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Tests.Net;

namespace ProfileMedia.Core.Tests.Downloads;

/// <summary>
/// A bare TCP server that writes whatever bytes a test wants after reading the request's headers: the way to send a
/// Content-Length of 1000 followed by 10 bytes and a closed socket, or to stall mid-body, which HttpListener will not do.
/// The handler gets the connection's stream and its number (1 for the first); the socket closes when it returns.
/// </summary>
internal sealed class RawHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<Stream, int, CancellationToken, Task> _handler;
    private readonly CancellationTokenSource _stop = new();
    private int _connections;

    public RawHttpServer(Func<Stream, int, CancellationToken, Task> handler)
    {
        _handler = handler;
        _listener.Start();
        BaseUri = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/");
        CancellationToken stop = _stop.Token;
        _ = Task.Run(() => RawHttp.AcceptLoopAsync(_listener, ServeAsync, stop));
    }

    public Uri BaseUri { get; }

    public int Connections => Volatile.Read(ref _connections);

    public string Url(string path) => new Uri(BaseUri, path).AbsoluteUri;

    /// <summary>Writes a 200 status line and headers claiming <paramref name="contentLength"/> body bytes.</summary>
    public static async Task WriteHeadAsync(Stream stream, long contentLength, CancellationToken cancellationToken)
    {
        byte[] head = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: " + contentLength + "\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(head, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                CancellationToken stop = _stop.Token;
                NetworkStream stream = client.GetStream();
                RawRequestHead head = await RawHttp.ReadRequestHeadAsync(stream, stop);
                if (!head.Complete)
                {
                    return; // The client closed before the end of the headers: nothing to answer.
                }

                await _handler(stream, Interlocked.Increment(ref _connections), stop);
            }
            catch (Exception e) when (e is IOException || e is SocketException || e is ObjectDisposedException || e is OperationCanceledException)
            {
                // The client went away or the test ended.
            }
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace ProfileMedia.Core.Tests.Downloads;

/// <summary>
/// A tiny HTTP server on 127.0.0.1 for the downloader's tests, independent of the emulator. The handler gets each
/// request and how many times its path has been asked for (1 for the first), so a test can fail twice then succeed.
/// </summary>
internal sealed class TestMediaServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<HttpListenerContext, int, Task> _handler;
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private int _total;

    public TestMediaServer(Func<HttpListenerContext, int, Task> handler)
    {
        _handler = handler;
        for (int tries = 1; ; tries++)
        {
            // A free port from the OS, then listen on it: another process may take it in between, so try again.
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add("http://127.0.0.1:" + port + "/");
            try
            {
                listener.Start();
                _listener = listener;
                BaseUri = new Uri("http://127.0.0.1:" + port + "/");
                break;
            }
            catch (HttpListenerException) when (tries < 5)
            {
                listener.Close();
            }
        }

        _ = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseUri { get; }

    /// <summary>All requests so far, to any path.</summary>
    public int TotalRequests => Volatile.Read(ref _total);

    public string Url(string path) => new Uri(BaseUri, path).AbsoluteUri;

    public int RequestsTo(string path) => _counts.TryGetValue(path, out int count) ? count : 0;

    /// <summary>Answers with <paramref name="body"/> and its Content-Length.</summary>
    public static async Task SendAsync(HttpListenerContext context, byte[] body, int status = 200, string contentType = "application/octet-stream")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength64 = body.Length;
        await context.Response.OutputStream.WriteAsync(body);
    }

    public void Dispose() => _listener.Close();

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException || e is ObjectDisposedException || e is InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        int count = _counts.AddOrUpdate(context.Request.Url!.AbsolutePath, 1, (_, c) => c + 1);
        Interlocked.Increment(ref _total);
        try
        {
            await _handler(context, count);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException || e is ObjectDisposedException || e is InvalidOperationException || e is System.IO.IOException)
        {
            // The client went away or the test ended: nothing to answer.
            context.Response.Abort();
        }
    }
}

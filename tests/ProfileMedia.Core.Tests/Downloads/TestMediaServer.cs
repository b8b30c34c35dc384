using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ProfileMedia.Core.Tests.Downloads;

/// <summary>
/// A tiny HTTP server on 127.0.0.1 for the downloader's tests, independent of the emulator: Kestrel bound to port 0,
/// so the OS picks a free port at bind time and no other process can take it in between. The handler gets each
/// request and how many times its path has been asked for (1 for the first), so a test can fail twice then succeed.
/// </summary>
internal sealed class TestMediaServer : IDisposable
{
    private readonly WebApplication _app;
    private readonly Func<HttpContext, int, Task> _handler;
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private int _total;

    public TestMediaServer(Func<HttpContext, int, Task> handler)
    {
        _handler = handler;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton<IHostLifetime, NoHostLifetime>();
        _app = builder.Build();
        _app.Run(HandleAsync);
        _app.StartAsync().GetAwaiter().GetResult();
        string address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseUri = new Uri("http://127.0.0.1:" + new Uri(address).Port + "/");
    }

    public Uri BaseUri { get; }

    /// <summary>All requests so far, to any path.</summary>
    public int TotalRequests => Volatile.Read(ref _total);

    public string Url(string path) => new Uri(BaseUri, path).AbsoluteUri;

    public int RequestsTo(string path) => _counts.TryGetValue(path, out int count) ? count : 0;

    /// <summary>Answers with <paramref name="body"/> and its Content-Length.</summary>
    public static async Task SendAsync(HttpContext context, byte[] body, int status = 200, string contentType = "application/octet-stream")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    public void Dispose()
    {
        _app.StopAsync(TimeSpan.FromSeconds(1)).GetAwaiter().GetResult();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private async Task HandleAsync(HttpContext context)
    {
        int count = _counts.AddOrUpdate(context.Request.Path.Value ?? "/", 1, (_, c) => c + 1);
        Interlocked.Increment(ref _total);
        try
        {
            await _handler(context, count);
        }
        catch (Exception e) when (e is OperationCanceledException || e is System.IO.IOException)
        {
            // The client went away or the test ended: nothing to answer.
        }
    }

    /// <summary>No console lifetime: a test server must not react to Ctrl+C or hold the process open.</summary>
    private sealed class NoHostLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

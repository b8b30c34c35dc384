using System;
using System.Net;
using System.Net.Http;
using System.Threading;

namespace ProfileMedia.Core.Api;

/// <summary>
/// The one way an HttpClient for X is made, for the API client and the PIN flow alike: no redirect followed (one
/// would carry the Authorization header to another host), no cookie kept, the system proxy, compressed answers, the
/// module's User-Agent, and no client-wide time-out (each request has its own, told apart from Ctrl+C).
/// </summary>
internal static class XHttpClient
{
    /// <summary>
    /// A client over <paramref name="handler"/> (tests), which it disposes when <paramref name="disposeHandler"/> says
    /// so, or over a handler of its own made by the rules above.
    /// </summary>
    public static HttpClient Create(XApiClientOptions options, HttpMessageHandler? handler = null, bool disposeHandler = true)
    {
        var http = handler == null
            ? new HttpClient(CreateHandler(options), disposeHandler: true)
            : new HttpClient(handler, disposeHandler);
        http.Timeout = Timeout.InfiniteTimeSpan;
        http.DefaultRequestHeaders.UserAgent.ParseAdd("ProfileMedia/" + typeof(XHttpClient).Assembly.GetName().Version?.ToString(3));
        return http;
    }

    private static HttpClientHandler CreateHandler(XApiClientOptions options) => new HttpClientHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        MaxConnectionsPerServer = Math.Max(1, options.MaxConnections),
    };
}

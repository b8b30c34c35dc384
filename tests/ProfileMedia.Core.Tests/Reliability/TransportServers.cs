using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Tests.Net;

namespace ProfileMedia.Core.Tests.Reliability;

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
/// A plain TCP server on 127.0.0.1 that records every request (line and headers) and answers each with the bytes
/// the test gives for it; one request per connection.
/// </summary>
internal sealed class RecordingHttpServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Func<RecordedRequest, byte[]> answer;
    private readonly CancellationTokenSource stop = new();
    private int connections;

    public RecordingHttpServer(Func<RecordedRequest, byte[]> answer)
    {
        this.answer = answer;
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        CancellationToken token = stop.Token;
        _ = Task.Run(() => RawHttp.AcceptLoopAsync(listener, ServeAsync, token));
    }

    public int Port { get; }

    public Uri BaseUri => new("http://127.0.0.1:" + Port + "/");

    public int Connections => Volatile.Read(ref connections);

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static byte[] Answer(int status, string reason, string headers, byte[] body)
    {
        byte[] head = Encoding.ASCII.GetBytes("HTTP/1.1 " + status + " " + reason + "\r\n" + headers + "Content-Length: " + body.Length + "\r\nConnection: close\r\n\r\n");
        byte[] whole = new byte[head.Length + body.Length];
        head.CopyTo(whole, 0);
        body.CopyTo(whole, head.Length);
        return whole;
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
    }

    /// <summary>Reads a request head from a stream; a head cut short keeps its first line (or part of it) and no headers.</summary>
    internal static async Task<RecordedRequest?> ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
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

    private async Task ServeAsync(TcpClient client)
    {
        Interlocked.Increment(ref connections);
        using (client)
        {
            try
            {
                NetworkStream stream = client.GetStream();
                RecordedRequest? request = await ReadRequestAsync(stream, stop.Token);
                if (request == null)
                {
                    return;
                }

                Requests.Enqueue(request);
                await stream.WriteAsync(answer(request), stop.Token);
                await stream.FlushAsync(stop.Token);
            }
            catch (Exception e) when (e is IOException || e is SocketException || e is ObjectDisposedException || e is OperationCanceledException)
            {
                // The client went away or the test ended.
            }
        }
    }
}

/// <summary>
/// An HTTPS server on 127.0.0.1 whose certificate is self-signed (valid dates, names 127.0.0.1 and localhost, so the only
/// fault is that no one trusts it). It counts connections, completed TLS handshakes and HTTP request lines read.
/// </summary>
internal sealed class SelfSignedTlsServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly byte[] body;
    private int connections;
    private int handshakes;
    private int requestLines;

    public SelfSignedTlsServer(byte[] body)
    {
        this.body = body;
        Certificate = CreateCertificate();
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        CancellationToken token = stop.Token;
        _ = Task.Run(() => RawHttp.AcceptLoopAsync(listener, ServeAsync, token));
    }

    public X509Certificate2 Certificate { get; }

    public int Port { get; }

    public int Connections => Volatile.Read(ref connections);

    public int CompletedHandshakes => Volatile.Read(ref handshakes);

    public int RequestLines => Volatile.Read(ref requestLines);

    public ConcurrentQueue<string> HandshakeFailures { get; } = new();

    public string Url(string pathAndQuery) => "https://127.0.0.1:" + Port + "/" + pathAndQuery;

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
        Certificate.Dispose();
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, false));
        using X509Certificate2 created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));

        // Through PFX so the private key is usable by SslStream on every platform (Windows refuses ephemeral keys).
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    private async Task ServeAsync(TcpClient client)
    {
        Interlocked.Increment(ref connections);
        using (client)
        using (var tls = new SslStream(client.GetStream(), leaveInnerStreamOpen: false))
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = Certificate }, timeout.Token);
                Interlocked.Increment(ref handshakes);
                RecordedRequest? request = await RecordingHttpServer.ReadRequestAsync(tls, timeout.Token);
                if (request == null || request.RequestLine.Length == 0)
                {
                    return;
                }

                Interlocked.Increment(ref requestLines);
                await tls.WriteAsync(RecordingHttpServer.Answer(200, "OK", "Content-Type: application/json\r\n", body), timeout.Token);
                await tls.FlushAsync(timeout.Token);
            }
            catch (Exception e) when (e is AuthenticationException || e is IOException || e is SocketException || e is ObjectDisposedException || e is OperationCanceledException)
            {
                HandshakeFailures.Enqueue(e.GetType().Name + ": " + e.Message);
            }
        }
    }
}

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

namespace ProfileMedia.Core.Tests.Net;

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
                RecordedRequest? request = await RawHttpServer.ReadRequestAsync(tls, timeout.Token);
                if (request == null || request.RequestLine.Length == 0)
                {
                    return;
                }

                Interlocked.Increment(ref requestLines);
                await tls.WriteAsync(RawHttpServer.Answer(200, "OK", "Content-Type: application/json\r\n", body), timeout.Token);
                await tls.FlushAsync(timeout.Token);
            }
            catch (Exception e) when (e is AuthenticationException || e is IOException || e is SocketException || e is ObjectDisposedException || e is OperationCanceledException)
            {
                HandshakeFailures.Enqueue(e.GetType().Name + ": " + e.Message);
            }
        }
    }
}

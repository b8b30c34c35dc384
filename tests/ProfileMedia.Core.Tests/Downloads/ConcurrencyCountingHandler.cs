using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ProfileMedia.Core.Tests.Downloads;

/// <summary>Sends over real sockets and records the most requests that were ever in flight at once.</summary>
internal sealed class ConcurrencyCountingHandler : DelegatingHandler
{
    private int _inFlight;
    private int _peak;

    public ConcurrencyCountingHandler()
        : base(new HttpClientHandler())
    {
    }

    public int Peak => Volatile.Read(ref _peak);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        int now = Interlocked.Increment(ref _inFlight);
        int seen;
        while ((seen = Volatile.Read(ref _peak)) < now && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
        {
        }

        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}

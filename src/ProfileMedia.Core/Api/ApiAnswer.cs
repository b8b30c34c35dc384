using System.Net;

namespace ProfileMedia.Core.Api;

/// <summary>A successful answer: its status, its body and its rate-limit headers.</summary>
internal sealed class ApiAnswer
{
    public ApiAnswer(HttpStatusCode status, byte[] body, RateLimitStatus? rateLimit)
    {
        Status = status;
        Body = body;
        RateLimit = rateLimit;
    }

    public HttpStatusCode Status { get; }

    public byte[] Body { get; }

    public RateLimitStatus? RateLimit { get; }
}
